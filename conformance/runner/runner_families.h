// The runner's check families; each appends its records (with their pure functions) to the catalogue.
#pragma once

#include <vector>

#include "observation.h"

namespace gbc {

void addAuthorizeChecks(std::vector<RunnerCheck>& out);
void addTokenChecks(std::vector<RunnerCheck>& out);
void addEspiChecks(std::vector<RunnerCheck>& out);
void addOdrChecks(std::vector<RunnerCheck>& out);
void addJsonApiChecks(std::vector<RunnerCheck>& out);
void addEspiQueryChecks(std::vector<RunnerCheck>& out); // FB 37 paging/updated, FND002/FND003

// The failing interval-block data findings of a slice of history ("" = none; "unusable document").
std::string intervalBlockFailures(const std::string& body, const std::string& step);
// A fetched document judged by the validator's data checks (no function blocks claimed): PASS, WARN or FAIL.
Outcome validatedStep(const Observation& obs, const std::string& step, std::initializer_list<const char*> gates);

// Every runner check in id order (what `gbc-conformance list` prints after the data checks).
const std::vector<RunnerCheck>& runnerChecks();

// Plan names: "full" plus one per family.
const std::vector<std::string>& planNames();
bool checkInPlan(const RunnerCheck& check, const std::string& plan);

} // namespace gbc

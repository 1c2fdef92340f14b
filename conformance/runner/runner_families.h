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

// Every runner check in id order (what `gbc-conformance list` prints after the data checks).
const std::vector<RunnerCheck>& runnerChecks();

// Plan names: "full" plus one per family.
const std::vector<std::string>& planNames();
bool checkInPlan(const RunnerCheck& check, const std::string& plan);

} // namespace gbc

// What the probes observed for one variant, and the shape of a runner check: a record plus a pure function over it.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check.h"
#include "report.h"

namespace gbc {

// Everything a check may look at: exchanges by step name, derived facts, and closed gates (reason -> SKIP).
struct Observation {
    std::string variant;
    bool expectAuthorized = true;
    std::map<std::string, HttpExchange> steps;       // raw (unredacted) exchanges
    std::map<std::string, std::string> facts;        // e.g. "state.main", "login.main.end"
    std::map<std::string, std::string> gates;        // gate -> why the checks behind it do not apply

    const HttpExchange* step(const std::string& name) const;
    std::string fact(const std::string& name) const; // "" when absent
    long long factInt(const std::string& name, long long fallback = 0) const; // fallback when absent or not a number
};

struct Outcome {
    Verdict verdict = Verdict::Pass;
    std::string message;
    std::string expected;
    std::string actual;
    std::vector<std::string> evidence; // step names
};

using RunnerCheckFn = Outcome (*)(const Observation&);

struct RunnerCheck {
    CheckRecord record;
    std::string plan; // oauth-authorize | oauth-token | espi | odr | json-api
    RunnerCheckFn run = nullptr;
};

// ---- helpers shared by the check families (pure) ----
Outcome passed(std::string message, std::vector<std::string> evidence = {});
Outcome failed(std::string expected, std::string actual, std::vector<std::string> evidence, std::string message = {});
Outcome skipped(std::string reason);
Outcome harnessError(std::string message, std::vector<std::string> evidence = {});

// The exchange for `step`, or the outcome to return instead: SKIP when a gate is closed, ERROR when the step is
// missing or got no answer (harness/network fault).
struct Needed {
    const HttpExchange* ex = nullptr;
    std::optional<Outcome> stop;
};
Needed need(const Observation& obs, std::initializer_list<const char*> gates, const std::string& step);

std::optional<nlohmann::json> jsonBody(const HttpExchange& e);
std::string jsonString(const nlohmann::json& j, const char* key); // "" when absent or not a string
// True when j[startKey] and j[endKey] are ISO 8601 instants (any offset, Z, fraction) and start is before end:
// compared as instants, never as text (01:45-06:00 is before 01:00-07:00).
bool instantsOrdered(const nlohmann::json& j, const char* startKey, const char* endKey);
// "400 application/json {"error":"invalid_grant"}" or "302 -> Location" (bodies clipped): the `actual` of a FAIL.
std::string brief(const HttpExchange& e);
std::string oauthError(const HttpExchange& e); // the "error" member of a JSON body, "" otherwise
bool hasParam(const std::string& url, const std::string& name);

} // namespace gbc

// The runner's gbc-conformance subcommands (rows of the table in conformance/cli/commands.cpp).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runner_families.h"

namespace gbc {

// run --target FILE | --sim [UTILITY] [--plan NAME] [--filter GLOB] [--exclude GLOB] [--variant GLOB]
//     [--expected-failures FILE] [--report-dir DIR] [--format LIST] [--shard I/N] [--jobs N]
//     [--sim-arg=ARG]... [--sim-binary PATH]
int runRunCommand(const std::vector<std::string>& args);
// matrix --emit github|gitlab|json [--sim [UTILITY]] [--target FILE] [--variant GLOB] [--shards N]
int runMatrixCommand(const std::vector<std::string>& args);
// merge [--report-dir DIR] [--format LIST] REPORT.json|DIR...
int runMergeCommand(const std::vector<std::string>& args);

inline constexpr const char* kRunHelp =
    "run --target FILE | --sim [UTILITY] [--plan full|oauth|oauth-authorize|oauth-token|espi|odr|json-api] "
    "[--filter GLOB] [--exclude GLOB] [--variant GLOB] [--expected-failures FILE] [--report-dir DIR] "
    "[--format console,json,junit,html] [--shard I/N] [--jobs N] [--sim-arg=ARG]... [--sim-binary PATH] "
    "| run --list [--plan NAME] [--filter GLOB]: the selected checks";
inline constexpr const char* kMatrixHelp =
    "matrix --emit github|gitlab|json [--sim [UTILITY] | --target FILE] [--variant GLOB] [--shards N]: CI matrix of variants";
inline constexpr const char* kMergeHelp =
    "merge [--report-dir DIR] [--format json,junit,html,console] REPORT.json|DIR...: combine shard reports";

// For `gbc-conformance list`: one runner check as JSON / as a text line.
nlohmann::json runnerCheckJson(const RunnerCheck& check);
std::string runnerCheckLine(const RunnerCheck& check);

} // namespace gbc

// Helpers for tests that run the real gbc-conformance and gbc-sim binaries (paths from the environment).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gbc::suite {

struct ToolRun {
    int exitCode = -1;
    std::string out; // stdout
    std::string err; // stderr
};

std::string conformanceExe(); // $GBC_CONFORMANCE_EXE
std::string simExe();         // $GBC_SIM_EXE
std::string fixturesDir();    // $GBC_FIXTURES_DIR (the repository's fixtures/)

// Runs `exe args...` (no shell interpretation of the arguments) and collects exit code and output.
ToolRun runTool(const std::string& exe, const std::vector<std::string>& args);

// A fresh empty folder under the test's temporary directory.
std::string freshDir(const std::string& name);

nlohmann::json readJson(const std::string& path);

// The verdict of `check` for `variant` in a report.json, "" when absent.
std::string verdictOf(const nlohmann::json& report, const std::string& check, const std::string& variant);

} // namespace gbc::suite

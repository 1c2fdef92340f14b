// Conformance suite: the full plan against gbc-sim under every custodian profile finishes with a report and no
// ERROR (profiles model real custodians, some of them non-conforming, so FAILs are allowed and printed).
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "tool_runner.h"

using namespace gbc::suite;

namespace {

std::vector<std::string> listedProfiles()
{
    const ToolRun r = runTool(simExe(), {"profiles"});
    std::vector<std::string> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty())
            out.push_back(line.substr(0, line.find_first_of(" \t")));
    return out;
}

// The distinct checks with the given verdict, "ES-001 TK-003 ...".
std::string checksWith(const nlohmann::json& report, const std::string& verdict)
{
    std::set<std::string> ids;
    for (const auto& r : report.value("results", nlohmann::json::array()))
        if (r.value("verdict", "") == verdict)
            ids.insert(r.value("check", ""));
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : " ") + id;
    return out;
}

class ProfileSweep : public ::testing::TestWithParam<std::string> {};

} // namespace

// Makes sure no custodian profile crashes the simulator or the runner: a report is written, the runner exits 0 or
// 1, and nothing is a harness ERROR. The FAILing checks are printed, as the record of what each profile trips.
// Example failure: a profile answering a bare 400 that the runner reports as its own ERROR.
TEST_P(ProfileSweep, FullPlanFinishesWithoutError)
{
    const std::string dir = freshDir("profile-" + GetParam());
    const ToolRun r = runTool(conformanceExe(), {"run", "--sim", "--sim-binary", simExe(), "--format", "json",
                                                 "--report-dir", dir, "--sim-arg=--profile=" + GetParam()});
    const nlohmann::json report = readJson(dir + "/report.json");
    ASSERT_TRUE(report.contains("summary")) << r.out << r.err;
    EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 1) << r.exitCode << r.err;
    EXPECT_EQ(report["summary"]["counts"]["ERROR"], 0) << checksWith(report, "ERROR");
    std::cout << "profile " << GetParam() << ": FAIL [" << checksWith(report, "FAIL") << "] counts "
              << report["summary"]["counts"].dump() << "\n";
}

INSTANTIATE_TEST_SUITE_P(Simulator, ProfileSweep, ::testing::ValuesIn(listedProfiles()),
                         [](const auto& info) { return info.param; });

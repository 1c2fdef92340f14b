// Conformance suite: every simulator defect is caught by its intended check, and the clean simulator has no FAIL.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "tool_runner.h"

using namespace gbc::suite;

namespace {

struct DefectCase {
    std::string defect;
    std::string variant;
    std::vector<std::string> checks;
};

std::vector<DefectCase> loadCases()
{
    std::vector<DefectCase> out;
    const nlohmann::json j = readJson(fixturesDir() + "/defect_expectations.json");
    if (!j.contains("defects"))
        return out;
    for (const auto& d : j["defects"])
        out.push_back({d.value("defect", ""), d.value("variant", ""), d.value("checks", std::vector<std::string>{})});
    return out;
}

std::string caseName(const ::testing::TestParamInfo<DefectCase>& info)
{
    std::string name;
    bool upper = true;
    for (char c : info.param.defect) {
        if (c == '_') {
            upper = true;
            continue;
        }
        name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return name;
}

std::vector<std::string> runArgs(const std::string& utility, const std::string& dir)
{
    return {"run", "--sim", utility, "--sim-binary", simExe(), "--format", "json", "--report-dir", dir};
}

class DefectSweep : public ::testing::TestWithParam<DefectCase> {};

} // namespace

// Makes sure the intended check FAILs when the simulator runs with this defect.
// Example failure: with --defect code_reusable, TK-005 still PASSes (the check does not bite).
TEST_P(DefectSweep, IntendedCheckFails)
{
    const DefectCase& c = GetParam();
    const std::string dir = freshDir("defect-" + c.defect);
    std::vector<std::string> args = runArgs(c.variant.substr(0, c.variant.find('/')), dir);
    args.insert(args.end(), {"--variant", c.variant, "--sim-arg=--defect=" + c.defect});
    const ToolRun r = runTool(conformanceExe(), args);
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    const nlohmann::json report = readJson(dir + "/report.json");
    for (const std::string& check : c.checks)
        EXPECT_EQ(verdictOf(report, check, c.variant), "FAIL") << c.defect << " should fail " << check << "\n" << r.out;
}

INSTANTIATE_TEST_SUITE_P(Simulator, DefectSweep, ::testing::ValuesIn(loadCases()), caseName);

// Makes sure the expectations file covers exactly the simulator's defect table.
// Example failure: a new defect added to gbc-sim with no check proven to catch it.
TEST(DefectTable, EveryDefectHasAnExpectation)
{
    const ToolRun r = runTool(simExe(), {"defects"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::set<std::string> listed, expected;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty())
            listed.insert(line.substr(0, line.find_first_of(" \t")));
    for (const DefectCase& c : loadCases())
        expected.insert(c.defect);
    EXPECT_FALSE(listed.empty());
    EXPECT_EQ(listed, expected);
}

// Makes sure the full plan against the clean simulator, every seed utility, has no FAIL and no ERROR.
// Example failure: a check that misreads a conforming simulator answer (a false positive).
TEST(CleanSimulator, FullPlanHasNoFailure)
{
    const std::string dir = freshDir("clean");
    std::vector<std::string> args = {"run", "--sim", "--sim-binary", simExe(), "--format", "json,junit,html", "--report-dir", dir};
    const ToolRun r = runTool(conformanceExe(), args);
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    const nlohmann::json report = readJson(dir + "/report.json");
    ASSERT_TRUE(report.contains("summary"));
    EXPECT_EQ(report["summary"]["counts"]["FAIL"], 0) << r.out;
    EXPECT_EQ(report["summary"]["counts"]["ERROR"], 0) << r.out;
    EXPECT_GT(report["summary"]["counts"]["PASS"].get<int>(), 1000);
    EXPECT_GE(report["variants"].size(), 30u);
}

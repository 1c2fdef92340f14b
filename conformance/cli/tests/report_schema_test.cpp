// End-to-end: validate and run write the one report.json schema; the merge reader reads both, and merge combines
// validate reports. Runs the real gbc-conformance (and gbc-sim for the run report).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "json_report.h"
#include "json_reader.h"
#include "tool_runner.h"

namespace gbc {
namespace {

std::string fixture(const std::string& name)
{
    return suite::fixturesDir() + "/espi/" + name;
}

Result<Report> readReport(const std::string& dir)
{
    Result<std::string> text = readTextFile(dir + "/report.json");
    return text ? reportFromJsonText(text.value(), dir + "/report.json") : Result<Report>(text.error());
}

std::set<std::string> topKeys(const nlohmann::json& j)
{
    std::set<std::string> out;
    for (const auto& [k, v] : j.items())
        out.insert(k);
    return out;
}

// Makes sure validate --report-dir writes report.json, junit.xml and index.html of the shared schema, its exit code
// agrees with the report's summary, and a finding keeps its file:line location. Example failure: validate writing
// its own validate.json that merge cannot read.
TEST(ReportSchema, ValidateWritesTheSharedReport)
{
    const std::string dir = suite::freshDir("validate-d080");
    const suite::ToolRun r = suite::runTool(suite::conformanceExe(),
        {"validate", fixture("invalid_ESPI-D080_water_as_energy.xml"), "--format", "console,json,junit,html", "--report-dir", dir});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    for (const char* file : {"report.json", "junit.xml", "index.html"})
        EXPECT_TRUE(std::filesystem::exists(dir + "/" + file)) << file;
    const nlohmann::json j = suite::readJson(dir + "/report.json");
    EXPECT_EQ(j["schema"], kReportSchema);
    EXPECT_EQ(j["run"]["command"], "validate");
    EXPECT_EQ(j["summary"]["exitCode"], 1);
    EXPECT_NE(r.out.find("FAIL ESPI-D080 1× — first at " + fixture("invalid_ESPI-D080_water_as_energy.xml") + ":"),
        std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  report: " + dir + "/report.json"), std::string::npos) << r.out;
    Result<Report> read = readReport(dir);
    ASSERT_TRUE(read.ok()) << read.error().describe();
    bool located = false;
    for (const CheckResult& c : read->results)
        located = located || (c.checkId == "ESPI-D080" && c.verdict == Verdict::Fail &&
            c.location.rfind(fixture("invalid_ESPI-D080_water_as_energy.xml") + ":", 0) == 0);
    EXPECT_TRUE(located);
}

// Makes sure a validate report and a run report have the same top-level schema and are both read by the merge
// reader; merge combines two validate reports and refuses to mix a validate report with a run's.
// Example failure: merge refusing validate reports because one check has several findings in a file.
TEST(ReportSchema, MergeReadsValidateAndRunReports)
{
    const std::string gas = suite::freshDir("validate-gas"), d080 = suite::freshDir("validate-d080-2"),
        run = suite::freshDir("run-epe"), merged = suite::freshDir("merged");
    ASSERT_EQ(suite::runTool(suite::conformanceExe(), {"validate", fixture("valid_gas_feed.xml"), "--format", "json",
        "--report-dir", gas}).exitCode, 0);
    ASSERT_EQ(suite::runTool(suite::conformanceExe(), {"validate", fixture("invalid_ESPI-D080_water_as_energy.xml"),
        "--format", "json", "--report-dir", d080}).exitCode, 1);
    const suite::ToolRun ran = suite::runTool(suite::conformanceExe(), {"run", "--sim", "EPE", "--sim-binary",
        suite::simExe(), "--plan", "oauth-token", "--format", "json", "--report-dir", run});
    ASSERT_EQ(ran.exitCode, 0) << ran.out << ran.err;
    EXPECT_EQ(topKeys(suite::readJson(gas + "/report.json")), topKeys(suite::readJson(run + "/report.json")));
    for (const std::string& dir : {gas, d080, run}) {
        Result<Report> r = readReport(dir);
        EXPECT_TRUE(r.ok()) << dir << ": " << (r.ok() ? "" : r.error().describe());
    }
    const suite::ToolRun m = suite::runTool(suite::conformanceExe(),
        {"merge", gas, d080, "--format", "json", "--report-dir", merged});
    EXPECT_EQ(m.exitCode, 1) << m.out << m.err;
    const nlohmann::json j = suite::readJson(merged + "/report.json");
    EXPECT_EQ(j["run"]["command"], "merge");
    EXPECT_EQ(j["variants"].size(), 2u);
    EXPECT_EQ(j["results"].size(),
        suite::readJson(gas + "/report.json")["results"].size() + suite::readJson(d080 + "/report.json")["results"].size());
    const suite::ToolRun mixed = suite::runTool(suite::conformanceExe(), {"merge", gas, run, "--report-dir", merged});
    EXPECT_EQ(mixed.exitCode, 2);
    EXPECT_NE(mixed.err.find("[merge.plan]"), std::string::npos) << mixed.err;
}

} // namespace
} // namespace gbc

// The gbc-conformance executable: exit codes, list --json, report files and usage errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "registry.h"
#include "test_support.h"

namespace gbc {
namespace {

using test::CliRun;

// Runs gbc-conformance with `args` (paths come from the build, so no shell quoting is needed beyond spaces).
CliRun run(const std::string& args) { return test::runConformance(args); }

std::string fixture(const std::string& name) { return "'" + test::env("GBC_FIXTURES_DIR") + "/" + name + "'"; }

// Makes sure the three exit codes mean what the usage says: 0 clean, 1 a MUST failed, 2 unusable input.
// Example failure: a not-well-formed file exits 1 like an ordinary data defect.
TEST(CliTest, ExitCodes)
{
    CliRun ok = run("validate " + fixture("valid_gas_feed.xml") + " --fb 1_4_10");
    EXPECT_EQ(ok.code, 0) << ok.out;
    EXPECT_NE(ok.out.find("PASS"), std::string::npos);
    CliRun bad = run("validate " + fixture("invalid_ESPI-AUTH-BEARER_lowercase.xml"));
    EXPECT_EQ(bad.code, 1) << bad.out;
    EXPECT_NE(bad.out.find("FAIL ESPI-AUTH-BEARER 1× — first at "), std::string::npos) << bad.out; // one line per check
    CliRun warnOnly = run("validate " + fixture("invalid_ESPI-ENV-ID-VERSION_v4.xml"));
    EXPECT_EQ(warnOnly.code, 0) << warnOnly.out;
    CliRun broken = run("validate " + fixture("invalid_ESPI-XML-WELLFORMED_mismatched_tag.xml"));
    EXPECT_EQ(broken.code, 2) << broken.out;
    EXPECT_NE(broken.out.find("mismatched_tag.xml:7:"), std::string::npos) << broken.out;
    EXPECT_EQ(run("validate /nonexistent.xml").code, 2);
}

// Makes sure bad usage is refused with exit 2 and a message naming the problem.
// Example failure: an unknown option is taken for a file name.
TEST(CliTest, UsageErrors)
{
    for (const std::string& args : {std::string("validate"), std::string("validate x.xml --fb 1_x"),
                                    std::string("validate x.xml --format xml"), std::string("validate x.xml --bogus"),
                                    std::string("validate x.xml --schema /nonexistent"), std::string("frobnicate"),
                                    std::string("list --yaml"), std::string("")}) {
        CliRun r = run(args);
        EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
        EXPECT_FALSE(r.out.empty()) << args;
    }
    EXPECT_EQ(run("help").code, 0);
}

// Makes sure list --json names every check with id, level, reference and requirement.
// Example failure: a check added to the catalogue is missing from the listing.
TEST(CliTest, ListJson)
{
    CliRun r = run("list --json");
    ASSERT_EQ(r.code, 0);
    nlohmann::json all = nlohmann::json::parse(r.out); // the data checks first, then the runner's (kind "runner")
    ASSERT_GT(all.size(), checkCatalogue().size());
    EXPECT_EQ(all[checkCatalogue().size()]["kind"], "runner");
    for (std::size_t i = 0; i < checkCatalogue().size(); ++i) {
        EXPECT_EQ(all[i]["kind"], "data");
        EXPECT_EQ(all[i]["id"], checkCatalogue()[i].record.id);
        EXPECT_TRUE(all[i]["level"] == "MUST" || all[i]["level"] == "SHOULD");
        EXPECT_FALSE(all[i]["reference"].get<std::string>().empty());
        EXPECT_FALSE(all[i]["requirement"].get<std::string>().empty());
    }
}

// Makes sure --report-dir writes JSON and JUnit that agree with the console verdict, and --format json on stdout
// parses. Example failure: the JUnit file counts a WARN as a failure.
TEST(CliTest, ReportFiles)
{
    std::string dir = std::filesystem::temp_directory_path() / ("gbc-validate-" + std::to_string(getpid()));
    CliRun r = run("validate " + fixture("invalid_ESPI-D080_water_as_energy.xml") + " " + fixture("valid_gas_feed.xml") +
                " --format console,json,junit --report-dir '" + dir + "'");
    EXPECT_EQ(r.code, 1) << r.out;
    nlohmann::json j = nlohmann::json::parse(test::readBytes(dir + "/report.json")); // the runner's report schema
    ASSERT_EQ(j["variants"].size(), 2u);
    std::map<std::string, int> fails; // per file
    for (const nlohmann::json& res : j["results"])
        fails[res["variant"].get<std::string>()] += res["verdict"] == "FAIL";
    EXPECT_EQ(fails[j["variants"][0]["id"].get<std::string>()], 1); // the D080 fixture sorts first
    EXPECT_EQ(fails[j["variants"][1]["id"].get<std::string>()], 0);
    pugi::xml_document junit;
    ASSERT_TRUE(junit.load_file((dir + "/junit.xml").c_str()));
    EXPECT_EQ(junit.child("testsuites").attribute("failures").as_int(), 1);
    EXPECT_EQ(junit.child("testsuites").attribute("tests").as_int(), static_cast<int>(j["results"].size()));
    EXPECT_NE(r.out.find("FAIL ESPI-D080 1× — first at "), std::string::npos) << r.out;
    std::filesystem::remove_all(dir);
    CliRun json = run("validate " + fixture("valid_gas_feed.xml") + " --format json");
    EXPECT_EQ(nlohmann::json::parse(json.out)["variants"][0]["description"].get<std::string>().rfind("FB 1_4_10_12", 0), 0u);
}

} // namespace
} // namespace gbc

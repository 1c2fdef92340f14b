// Tests of `gbc-conformance list`: every registered data and runner check is printed (compared with the registries),
// --json parses, and the READMEs describe the sections the command really prints.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "commands.h"
#include "registry.h"
#include "tool_runner.h"

namespace gbc {
namespace {

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

std::string sourceFile(const std::string& relative)
{
    const char* root = std::getenv("GBC_SOURCE_ROOT");
    std::ifstream in(std::string(root ? root : ".") + "/" + relative);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The ids of the lines of one section (a header line "NAME: COUNT", then lines starting with an id).
std::vector<std::string> sectionIds(const std::vector<std::string>& all, std::size_t header)
{
    std::vector<std::string> ids;
    for (std::size_t i = header + 1; i < all.size() && !all[i].empty(); ++i)
        ids.push_back(all[i].substr(0, all[i].find("  ")));
    return ids;
}

// Makes sure the text listing has a data section with every catalogue check and a runner section with every runner
// check, each headed by its count. Example failure: list printing only the validator's checks.
TEST(CliList, TextListsEveryRegisteredCheck)
{
    const suite::ToolRun r = suite::runTool(suite::conformanceExe(), {"list"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::vector<std::string> all = lines(r.out);
    std::vector<std::string> dataIds, runnerIds;
    for (const CheckDef& d : checkCatalogue())
        dataIds.push_back(d.record.id);
    for (const RunnerCheck& c : runnerChecks())
        runnerIds.push_back(c.record.id);
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all[0], "data checks (validate, and run on every ESPI document it fetches): " + std::to_string(dataIds.size()));
    EXPECT_EQ(sectionIds(all, 0), dataIds);
    const std::size_t runnerHeader = dataIds.size() + 2; // the data lines, then one empty line
    ASSERT_LT(runnerHeader, all.size());
    EXPECT_EQ(all[runnerHeader], "runner checks (run): " + std::to_string(runnerIds.size()));
    EXPECT_EQ(sectionIds(all, runnerHeader), runnerIds);
    EXPECT_EQ(all.size(), runnerHeader + 1 + runnerIds.size());
    EXPECT_GT(dataIds.size(), 0u);
    EXPECT_GT(runnerIds.size(), 0u);
}

// Makes sure list --json is one array holding every data check (kind "data", with its FBs) and every runner check
// (kind "runner", with its plan), with level, reference and requirement. Example failure: runner checks missing.
TEST(CliList, JsonListsEveryRegisteredCheck)
{
    const suite::ToolRun r = suite::runTool(suite::conformanceExe(), {"list", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json all = nlohmann::json::parse(r.out);
    ASSERT_TRUE(all.is_array());
    std::set<std::string> data, runner;
    for (const nlohmann::json& c : all) {
        EXPECT_TRUE(c["level"] == "MUST" || c["level"] == "SHOULD") << c.dump();
        EXPECT_FALSE(c["reference"].get<std::string>().empty()) << c.dump();
        EXPECT_FALSE(c["requirement"].get<std::string>().empty()) << c.dump();
        if (c["kind"] == "data" && c["functionBlocks"].is_array())
            data.insert(c["id"].get<std::string>());
        else if (c["kind"] == "runner" && !c["plan"].get<std::string>().empty())
            runner.insert(c["id"].get<std::string>());
        else
            ADD_FAILURE() << "unexpected entry " << c.dump();
    }
    std::set<std::string> wantData, wantRunner;
    for (const CheckDef& d : checkCatalogue())
        wantData.insert(d.record.id);
    for (const RunnerCheck& c : runnerChecks())
        wantRunner.insert(c.record.id);
    EXPECT_EQ(data, wantData);
    EXPECT_EQ(runner, wantRunner);
    EXPECT_EQ(all.size(), wantData.size() + wantRunner.size());
}

// Makes sure both READMEs name the two section headers exactly as list prints them.
// Example failure: the README promising runner checks that list does not print.
TEST(CliList, ReadmesDescribeTheOutput)
{
    const suite::ToolRun r = suite::runTool(suite::conformanceExe(), {"list"});
    ASSERT_EQ(r.exitCode, 0);
    std::vector<std::string> headers;
    for (const std::string& line : lines(r.out))
        if (line.rfind("data checks (", 0) == 0 || line.rfind("runner checks (", 0) == 0)
            headers.push_back(line.substr(0, line.rfind(": ") + 2) + "N"); // the count as the READMEs write it
    ASSERT_EQ(headers.size(), 2u);
    for (const char* doc : {"README.md", "conformance/runner/README.md"}) {
        const std::string text = sourceFile(doc);
        ASSERT_FALSE(text.empty()) << doc;
        for (const std::string& h : headers)
            EXPECT_NE(text.find("`" + h + "`"), std::string::npos) << doc << " lacks `" << h << "`";
        EXPECT_NE(text.find("gbc-conformance list --json"), std::string::npos) << doc;
    }
}

} // namespace
} // namespace gbc

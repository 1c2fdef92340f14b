// Conformance suite: every `json` example in TARGET.md runs verbatim against a gbc-sim, with no FAIL and no ERROR.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sim_process.h"
#include "tool_runner.h"

using namespace gbc::suite;

namespace {

// The address the documented examples use: gbc-sim's default --listen.
const std::string kDocumentedOrigin = "http://127.0.0.1:8080";

struct DocExample {
    std::string file; // relative to the repository root
    int index = 0;    // 1-based among the file's json blocks
    std::string text;
};

std::string slurp(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The ```json fenced blocks of a markdown file, in order (```jsonc and other languages are not examples).
std::vector<DocExample> jsonBlocks(const std::string& relative)
{
    std::vector<DocExample> out;
    std::istringstream lines(slurp(fixturesDir() + "/../" + relative));
    std::string line, block;
    bool inside = false;
    while (std::getline(lines, line)) {
        if (!inside && line == "```json") {
            inside = true;
            block.clear();
        } else if (inside && line.rfind("```", 0) == 0) {
            inside = false;
            out.push_back({relative, static_cast<int>(out.size()) + 1, block});
        } else if (inside) {
            block += line + "\n";
        }
    }
    return out;
}

std::vector<DocExample> targetExamples() { return jsonBlocks("conformance/runner/TARGET.md"); }

std::string exampleName(const ::testing::TestParamInfo<DocExample>& info)
{
    return "TargetMd" + std::to_string(info.param.index);
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

class DocExamples : public ::testing::TestWithParam<DocExample> {};

} // namespace

// Makes sure a documented target file works as written: it parses, its login script matches the simulator's pages
// and nothing FAILs or ERRORs. Example failure: the OTP step names an attribute the page does not have.
TEST_P(DocExamples, RunsCleanAgainstTheSimulator)
{
    const DocExample& ex = GetParam();
    ASSERT_NE(ex.text.find(kDocumentedOrigin), std::string::npos) << "the example must address gbc-sim's default origin";
    auto sim = gbc::SimProcess::start(simExe(), {"--quiet"});
    ASSERT_TRUE(sim.ok()) << sim.error().describe();
    const std::string dir = freshDir("doc-example-" + std::to_string(ex.index));
    const std::string file = dir + "/target.json";
    std::ofstream(file) << replaceAll(ex.text, kDocumentedOrigin, (*sim)->url());
    const ToolRun r = runTool(conformanceExe(), {"run", "--target", file, "--format", "json", "--report-dir", dir});
    const nlohmann::json report = readJson(dir + "/report.json");
    ASSERT_TRUE(report.contains("summary")) << r.out << r.err;
    std::string problems;
    for (const auto& res : report.value("results", nlohmann::json::array()))
        if (res.value("verdict", "") == "FAIL" || res.value("verdict", "") == "ERROR")
            problems += res.value("check", "") + " " + res.value("variant", "") + ": " + res.value("message", "") + "\n";
    EXPECT_EQ(report["summary"]["counts"]["FAIL"], 0) << problems;
    EXPECT_EQ(report["summary"]["counts"]["ERROR"], 0) << problems;
    EXPECT_GT(report["summary"]["counts"]["PASS"].get<int>(), 20);
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Docs, DocExamples, ::testing::ValuesIn(targetExamples()), exampleName);

// Makes sure the extraction found the examples (an empty list would make the suite above vacuous).
TEST(DocExampleList, TargetMdHasExamples)
{
    EXPECT_GE(targetExamples().size(), 2u);
}

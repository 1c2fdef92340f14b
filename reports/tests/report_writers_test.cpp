// Unit tests for the report writers: JSON round trip and determinism, JUnit structure, self-contained HTML, console.
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "console_report.h"
#include "html_report.h"
#include "json_report.h"
#include "junit_report.h"
#include "report_files.h"
#include "sample_report.h"

using namespace gbc;

namespace {

std::string withoutTiming(const Report& r)
{
    nlohmann::ordered_json j = reportToJson(r);
    j.erase("timing");
    return j.dump();
}

} // namespace

// Makes sure a report survives JSON -> model -> JSON unchanged (merge relies on it).
// Example failure: the reader dropping evidence ids or the allowedBy reason.
TEST(JsonReport, RoundTripIsLossless)
{
    Report r = fixture::sampleReport();
    r.results[0].allowedBy = "known";
    r.stale.push_back({"TK-009", "ESSEX/*", "fixed"});
    normalize(r);
    const std::string text = reportToJsonText(r);
    Result<Report> back = reportFromJsonText(text, "in.json");
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(reportToJsonText(back.value()), text);
}

// Makes sure two runs that differ only in wall time and ports give identical JSON outside "timing".
// Example failure: a start time or port number written into the results section.
TEST(JsonReport, OnlyTimingDiffersBetweenEqualRuns)
{
    Report a = fixture::sampleReport(), b = fixture::sampleReport();
    b.timing.startedAt = "2030-01-01T00:00:00Z";
    b.timing.totalMs = 99;
    b.timing.endpoints["{sim}"] = "http://127.0.0.1:5555";
    EXPECT_NE(reportToJsonText(a), reportToJsonText(b));
    EXPECT_EQ(withoutTiming(a), withoutTiming(b));
}

// Makes sure the JSON carries the summary the README documents.
// Example failure: an exit code in the JSON that disagrees with the process exit code.
TEST(JsonReport, SummarySection)
{
    const nlohmann::ordered_json j = reportToJson(fixture::sampleReport());
    EXPECT_EQ(j["schema"], kReportSchema);
    EXPECT_EQ(j["summary"]["exitCode"], 2);
    EXPECT_EQ(j["summary"]["counts"]["FAIL"], 1);
    EXPECT_EQ(j["results"].size(), 6u);
    EXPECT_TRUE(j["exchanges"][2]["response"].is_null());
}

// Makes sure a broken report file is rejected with the file and JSON pointer of the fault.
// Example failure: merge crashing on a report with a misspelled key.
TEST(JsonReport, ReaderRejectsUnknownKeyWithLocation)
{
    nlohmann::ordered_json j = reportToJson(fixture::sampleReport());
    j["results"][1]["verdikt"] = "PASS";
    Result<Report> r = reportFromJsonText(j.dump(), "shard2.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "shard2.json:/results/1/verdikt");
    EXPECT_EQ(r.error().code, "json.unknown_key");
}

// Makes sure a bad verdict and non-JSON text are rejected, not guessed.
// Example failure: "PASSED" silently read as PASS.
TEST(JsonReport, ReaderRejectsBadVerdictAndSyntax)
{
    nlohmann::ordered_json j = reportToJson(fixture::sampleReport());
    j["results"][0]["verdict"] = "PASSED";
    Result<Report> r = reportFromJsonText(j.dump(), "a.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "a.json:/results/0/verdict");
    EXPECT_FALSE(reportFromJsonText("{\"schema\":", "b.json").ok());
}

// Makes sure JUnit has one testcase per check x variant, with failure/error/skipped elements and matching counts.
// Example failure: an ERROR rendered as <failure>, blaming the target for a harness fault.
TEST(JunitReport, StructureAndCounts)
{
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(reportToJunit(fixture::sampleReport()).c_str()));
    pugi::xml_node root = doc.child("testsuites");
    ASSERT_TRUE(root);
    EXPECT_EQ(root.attribute("tests").as_int(), 6);
    EXPECT_EQ(root.attribute("failures").as_int(), 1);
    EXPECT_EQ(root.attribute("errors").as_int(), 1);
    EXPECT_EQ(root.attribute("skipped").as_int(), 1);
    int cases = 0, suites = 0;
    for (pugi::xml_node suite : root.children("testsuite")) {
        ++suites;
        int inSuite = 0;
        for (pugi::xml_node tc : suite.children("testcase")) {
            ++inSuite;
            EXPECT_FALSE(std::string(tc.attribute("name").as_string()).empty());
        }
        EXPECT_EQ(suite.attribute("tests").as_int(), inSuite);
        cases += inSuite;
    }
    EXPECT_EQ(suites, 2);
    EXPECT_EQ(cases, 6);
    pugi::xpath_node fail = doc.select_node("//testcase[failure]");
    ASSERT_TRUE(fail);
    EXPECT_STREQ(fail.node().attribute("name").as_string(), "TK-005 [ESSEX/lastbill/residential]");
    EXPECT_NE(std::string(fail.node().child("failure").text().as_string()).find("expected: 400"), std::string::npos);
    pugi::xpath_node err = doc.select_node("//testcase[error]");
    ASSERT_TRUE(err);
    EXPECT_STREQ(err.node().child("error").attribute("type").as_string(), "harness");
}

// Makes sure stale expected-failure entries appear as failing testcases in JUnit.
// Example failure: a stale allowlist entry invisible in the CI test view.
TEST(JunitReport, StaleEntriesAreFailures)
{
    Report r = fixture::sampleReport();
    r.stale.push_back({"TK-009", "ESSEX/*", "fixed"});
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(reportToJunit(r).c_str()));
    EXPECT_EQ(doc.child("testsuites").attribute("failures").as_int(), 2);
    EXPECT_TRUE(doc.select_node("//testsuite[@name='expected-failures']/testcase/failure[@type='stale']"));
}

// Makes sure the HTML loads nothing from elsewhere: no scripts, stylesheets links, or http(s) src/href attributes.
// Example failure: a response body containing <script src=...> pasted unescaped into the page.
TEST(HtmlReport, SelfContained)
{
    const std::string html = reportToHtml(fixture::sampleReport());
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    const std::regex external(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase);
    EXPECT_FALSE(std::regex_search(html, external));
    EXPECT_NE(html.find("&lt;script src=&quot;https://evil.example/x.js&quot;"), std::string::npos);
}

// Makes sure the HTML has the verdict, failure detail, the OAuth sequence view and the interval chart.
// Example failure: a report with no evidence links for a FAIL.
TEST(HtmlReport, SectionsPresent)
{
    const std::string html = reportToHtml(fixture::sampleReport());
    EXPECT_NE(html.find(verdictLine(fixture::sampleReport())), std::string::npos);
    EXPECT_NE(html.find("<svg class=\"seq\""), std::string::npos);
    EXPECT_NE(html.find("<svg class=\"chart\""), std::string::npos);
    EXPECT_NE(html.find("<polyline points="), std::string::npos);
    EXPECT_NE(html.find("href=\"#x-ESSEX_lastbill_residential_0002\""), std::string::npos);
    EXPECT_NE(html.find("id=\"x-ESSEX_lastbill_residential_0002\""), std::string::npos);
    EXPECT_NE(html.find("got 200 &lt;b&gt;granted&lt;/b&gt;"), std::string::npos);
}

// Makes sure the console summary opens with the verdict line and lists each FAIL with expected and actual.
// Example failure: the verdict buried after pages of progress lines.
TEST(ConsoleReport, SummaryStartsWithVerdict)
{
    const Report r = fixture::sampleReport();
    const std::string text = renderConsoleSummary(r, {"out/report.json", "out/index.html"});
    EXPECT_EQ(text.substr(0, text.find('\n')), verdictLine(r));
    EXPECT_NE(text.find(verdictLine(r) + "\n  HTML report: out/index.html\n  report: out/report.json\n"), std::string::npos);
    EXPECT_NE(text.find("FAIL TK-005 [ESSEX/lastbill/residential]"), std::string::npos);
    EXPECT_NE(text.find("actual:      200 with an access_token"), std::string::npos);
}

// Makes sure plain (CI) progress prints one line per variant and each failing check.
// Example failure: terminal escape codes in a CI log.
TEST(ConsoleReport, PlainProgressLines)
{
    std::ostringstream out;
    ConsoleProgress p(out, false);
    const Report r = fixture::sampleReport();
    p.variantStarted("ESSEX/lastbill/residential", 2);
    p.variantFinished("ESSEX/lastbill/residential", {r.results.begin(), r.results.begin() + 4});
    p.finish();
    EXPECT_EQ(out.str().find('\033'), std::string::npos);
    EXPECT_NE(out.str().find("FAIL TK-005 [ESSEX/lastbill/residential]"), std::string::npos);
    EXPECT_NE(out.str().find("[1/2] ESSEX/lastbill/residential: 1 PASS, 1 FAIL, 1 WARN, 1 SKIP, 0 ERROR"),
        std::string::npos);
}

// Makes sure the format list is validated and the files land in the folder.
// Example failure: "--format jsn" silently writing nothing.
TEST(ReportFiles, FormatsAndFolder)
{
    EXPECT_FALSE(parseFormats("json,jsn").ok());
    EXPECT_EQ(parseFormats("console,json,junit,html").value().size(), 4u);
    const std::string dir = ::testing::TempDir() + "/gbc-report-files";
    std::filesystem::remove_all(dir);
    Result<std::vector<std::string>> paths = writeReportFiles(fixture::sampleReport(), dir, {"json", "junit", "html"});
    ASSERT_TRUE(paths.ok()) << paths.error().describe();
    ASSERT_EQ(paths.value().size(), 3u);
    for (const std::string& p : paths.value())
        EXPECT_GT(std::filesystem::file_size(p), 100u) << p;
    EXPECT_FALSE(writeReportFiles(fixture::sampleReport(), "/proc/no-such/dir", {"json"}).ok());
}

// Makes sure terminal progress rewrites one status line and clears it at the end.
// Example failure: hundreds of progress lines scrolling the verdict away on a terminal.
TEST(ConsoleReport, LiveProgressRewritesOneLine)
{
    std::ostringstream out;
    ConsoleProgress p(out, true);
    const Report r = fixture::sampleReport();
    p.variantStarted("EPE/sso/commercial", 2);
    p.variantFinished("EPE/sso/commercial", {r.results[4]});
    p.finish();
    const std::string text = out.str();
    EXPECT_NE(text.find("\r\033[K[0/2] running EPE/sso/commercial"), std::string::npos);
    EXPECT_EQ(text.find('\n'), std::string::npos); // a PASS-only variant adds no line
    EXPECT_EQ(text.substr(text.size() - 4), "\r\033[K");
}

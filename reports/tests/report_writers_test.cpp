// Unit tests for the report writers: JSON round trip and determinism, JUnit structure, self-contained HTML, console.
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "console_report.h"
#include "html_parts.h"
#include "html_report.h"
#include "json_report.h"
#include "junit_report.h"
#include "markdown_report.h"
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
    EXPECT_STREQ(fail.node().attribute("name").as_string(),
        "TK-005 — The token endpoint MUST answer 400 invalid_grant for a reused code.");
    EXPECT_STREQ(fail.node().attribute("classname").as_string(), "oauth-token");
    EXPECT_STREQ(fail.node().child("failure").attribute("message").as_string(),
        "expected 400 with error=invalid_grant; actual 200 with an access_token");
    EXPECT_NE(std::string(fail.node().child("failure").text().as_string()).find("location: token.json:/error"), std::string::npos);
    EXPECT_NE(std::string(fail.node().child("system-out").text().as_string())
                  .find("evidence ESSEX/lastbill/residential#0002 (token.reuse_code): POST"), std::string::npos);
    pugi::xpath_node err = doc.select_node("//testcase[error]");
    ASSERT_TRUE(err);
    EXPECT_STREQ(err.node().child("error").attribute("type").as_string(), "harness");
    pugi::xpath_node warn = doc.select_node("//testcase[starts-with(@name, 'TK-004')]");
    ASSERT_TRUE(warn);
    EXPECT_FALSE(warn.node().child("failure")); // WARN passes, with a note
    EXPECT_NE(std::string(warn.node().child("system-out").text().as_string()).find("WARN (MUST): expected"), std::string::npos);
    EXPECT_TRUE(doc.select_node("//testsuite[@name='EPE/sso/commercial']"));
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

// Makes sure the HTML loads nothing from elsewhere: one inline script, no script src, stylesheet links, or http(s)
// src/href attributes. Example failure: a response body containing <script src=...> pasted unescaped into the page.
TEST(HtmlReport, SelfContained)
{
    const std::string html = reportToHtml(fixture::sampleReport());
    EXPECT_EQ(html.find("<script src"), std::string::npos);
    EXPECT_EQ(html.find("<script"), html.rfind("<script")); // the one inline script
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    const std::regex external(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase);
    const std::string markup = std::regex_replace(html, std::regex("<pre>[^<]*</pre>"), "<pre></pre>"); // bodies: text
    EXPECT_FALSE(std::regex_search(markup, external));
    EXPECT_NE(html.find("&lt;script src=\"https://evil.example/x.js\"&gt;&lt;/script&gt;"), std::string::npos);
}

// Makes sure the HTML has the verdict, one group per failing check with its requirement and first failure, the
// matrix, the sequence view with its lanes, the chart and evidence links that reach their exchange.
// Example failure: a report with no evidence links for a FAIL.
TEST(HtmlReport, SectionsPresent)
{
    const std::string html = reportToHtml(fixture::sampleReport());
    EXPECT_NE(html.find(verdictLine(fixture::sampleReport())), std::string::npos);
    EXPECT_NE(html.find("<section class=grp id=\"g-TK-005\" data-v=\"ERROR FAIL\" data-p=\"oauth-token\" data-u=\"EPE ESSEX\">"),
        std::string::npos) << html.substr(0, 4000);
    EXPECT_NE(html.find("in 2/2 variants"), std::string::npos);
    EXPECT_NE(html.find("<div id=warnings><section class=grp id=\"g-TK-004\""), std::string::npos);
    EXPECT_NE(html.find("<table class=mx>"), std::string::npos);
    EXPECT_NE(html.find("<div class=sq><div class=sqh><span>Third party (runner)</span>"), std::string::npos);
    EXPECT_NE(html.find("<span>Redirect listener</span>"), std::string::npos);
    EXPECT_NE(html.find("<h5>Token endpoint probes</h5>"), std::string::npos);
    EXPECT_NE(html.find("<svg class=chart"), std::string::npos);
    EXPECT_NE(html.find("\" class=line /></svg>"), std::string::npos);
    EXPECT_NE(html.find("<a class=ev href=#e1-2>0002</a>"), std::string::npos); // ESSEX is variant 1, exchange 0002
    EXPECT_NE(html.find("<details class=ex id=e1-2>"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"#e1-2\" id=q1-2 class=L2>token.reuse_code POST …/essex/oauth/token<b>200</b></a>"),
        std::string::npos); // its sequence row: token endpoint lane
    EXPECT_NE(html.find("got 200 &lt;b&gt;granted&lt;/b&gt;"), std::string::npos);
    EXPECT_EQ(html.find("id=e1-1>"), std::string::npos); // not cited by a non-PASS result: a row, no panel
}

// Makes sure a check failing in many variants is one group listing them (the rest collapsed), not one block each.
// Example failure: 340 FAIL blocks for 3 defects.
TEST(HtmlReport, OneGroupPerFailingCheck)
{
    Report r = fixture::sampleReport();
    for (int i = 0; i < 8; ++i) {
        const std::string v = "DEMO/x" + std::to_string(i) + "/residential";
        r.variants.push_back({v, "DEMO", "x", "residential", ""});
        CheckResult c = r.results[0];
        c.variant = v;
        r.results.push_back(c);
    }
    normalize(r);
    const std::string html = reportToHtml(r);
    std::size_t groups = 0;
    for (std::size_t at = html.find("<section class=grp"); at != std::string::npos; at = html.find("<section class=grp", at + 1))
        ++groups;
    EXPECT_EQ(groups, 2u); // TK-005 (FAIL/ERROR), TK-004 (WARN)
    EXPECT_NE(html.find("in 10/10 variants"), std::string::npos);
    EXPECT_NE(html.find("<details><summary>and 5 more</summary>"), std::string::npos);
}

// Makes sure exchange bodies are clipped with their full size stated, and --full-evidence links the side file that
// holds them whole. Example failure: a 3 MB feed pasted into the report 40 times.
TEST(HtmlReport, BodiesClippedFullEvidenceAside)
{
    Report r = fixture::sampleReport();
    r.exchanges[1].responseBody = std::string(5000, 'x');
    r.exchanges[1].responseBytes = 2000000;
    const std::string html = reportToHtml(r);
    EXPECT_NE(html.find("… (first 600 of 2000000 bytes)"), std::string::npos);
    EXPECT_EQ(html.find(std::string(601, 'x')), std::string::npos);
    EXPECT_NE(html.find("--full-evidence writes them whole"), std::string::npos);
    const std::string linked = reportToHtml(r, HtmlOptions{"evidence.html"});
    EXPECT_NE(linked.find("<a href=\"evidence.html#e1-2\">"), std::string::npos);
    EXPECT_NE(linked.find("every exchange is whole in evidence.html"), std::string::npos);
    const std::string side = evidenceToHtml(r);
    EXPECT_NE(side.find(std::string(5000, 'x') + "\n… (2000000 bytes as received)"), std::string::npos);
    EXPECT_NE(side.find("<details class=ex id=e1-1>"), std::string::npos);
}

// Makes sure a usage chart has both axes with tick labels and axis titles (unit on y, dates on x) and marks DST days.
// Example failure: a chart titled with a raw path, no unit, no dates.
TEST(HtmlReport, ChartAxesAndDst)
{
    Series s{"V", "UsagePoint 1 — electricity (MeterReading 1)", "Wh", {}, {1710054000}};
    for (int i = 0; i < 48; ++i)
        s.points.emplace_back(1710000000 + i * 3600, 100.0 + i);
    const std::string svg = html::chartSvg(s);
    EXPECT_NE(svg.find("<g class=yaxis>"), std::string::npos);
    EXPECT_NE(svg.find("<g class=xaxis>"), std::string::npos);
    EXPECT_NE(svg.find(">Wh per reading</text>"), std::string::npos);
    EXPECT_NE(svg.find(">date (UTC)</text>"), std::string::npos);
    EXPECT_NE(svg.find(">2024-03-09</text>"), std::string::npos);
    EXPECT_NE(svg.find(">DST 2024-03-10</text>"), std::string::npos);
    EXPECT_NE(svg.find("UsagePoint 1 — electricity (MeterReading 1) · 48 readings"), std::string::npos);
    EXPECT_TRUE(std::regex_search(svg, std::regex("<path d=\"M\\d+,\\d+l[-0-9, ]+\" class=line />")));
    EXPECT_TRUE(html::chartSvg(Series{}).empty());
}

// Makes sure the console summary is the verdict line, one line per failing check, then the report paths.
// Example failure: 1,300 lines, one block per FAIL, the report paths missing without the console format.
TEST(ConsoleReport, SummaryOneLinePerFailingCheck)
{
    const Report r = fixture::sampleReport();
    const std::string text = renderConsoleSummary(r, {"out/report.json", "out/index.html"});
    EXPECT_EQ(text, verdictLine(r) + "\nFAIL TK-005 in 2/2 variants: got 200 <b>granted</b> — first: "
                                     "ESSEX/lastbill/residential\n  HTML report: out/index.html\n  report: out/report.json\n");
    const std::string coloured = renderConsoleSummary(r, {}, true);
    EXPECT_NE(coloured.find("\033[31;1mFAIL\033[0m TK-005"), std::string::npos);
    EXPECT_EQ(paint("WARN", false), "WARN");
}

// Makes sure colours are off when the output is not a terminal, and NO_COLOR turns them off everywhere.
// Example failure: escape codes in a CI log file.
TEST(ConsoleReport, ColourOnlyOnTerminal)
{
    EXPECT_FALSE(useColour(-1)); // not a terminal
    setenv("NO_COLOR", "1", 1);
    EXPECT_FALSE(useColour(1));
    EXPECT_FALSE(useColour(2));
    unsetenv("NO_COLOR");
}

// Makes sure validate's console lists one line per check with its count and first location, names a SKIPped XSD
// check, and lists every finding only with verbose. Example failure: 200 WARN lines for one clean year of data.
TEST(ConsoleReport, FindingsOneLinePerCheck)
{
    Report r;
    r.variants = {{"a.xml", "", "", "", "FB 1_2 (inferred)"}};
    for (int line : {55, 70, 90}) {
        CheckResult c;
        c.checkId = "ESPI-ENV-ID-VERSION";
        c.variant = "a.xml";
        c.verdict = Verdict::Warn;
        c.message = "id is not a version-5 UUID";
        c.location = "a.xml:" + std::to_string(line) + ":5 /feed/id";
        r.results.push_back(c);
    }
    CheckResult xsd;
    xsd.checkId = "ESPI-XSD-001";
    xsd.variant = "a.xml";
    xsd.verdict = Verdict::Skip;
    xsd.message = "no XSD schema found (give --schema DIR)";
    r.results.push_back(xsd);
    const std::string text = renderConsoleFindings(r, false, {"ESPI-XSD-001"});
    EXPECT_EQ(text, "WARN ESPI-ENV-ID-VERSION 3× — first at a.xml:55:5 /feed/id: id is not a version-5 UUID\n"
                    "SKIP ESPI-XSD-001 — no XSD schema found (give --schema DIR)\n"
                    "a.xml: 0 PASS, 0 FAIL, 3 WARN, 1 SKIP, 0 ERROR; FB 1_2 (inferred)\n");
    EXPECT_EQ(renderConsoleFindings(r, false).find("ESPI-XSD-001"), std::string::npos);
    const std::string verbose = renderConsoleFindings(r, true);
    EXPECT_NE(verbose.find("ESPI-ENV-ID-VERSION WARN a.xml:90:5 /feed/id: id is not a version-5 UUID"), std::string::npos);
}

// Makes sure the Markdown summary has the verdict and one table row per failing check.
// Example failure: a job summary listing every FAIL x variant.
TEST(MarkdownReport, GroupedTable)
{
    const std::string md = reportToMarkdown(fixture::sampleReport());
    EXPECT_EQ(md.rfind("## ⚠️ Green Button conformance: ERROR\n", 0), 0u) << md; // an ERROR outranks the FAIL
    EXPECT_NE(md.find("| FAIL | **TK-005** The token endpoint MUST answer 400 invalid\\_grant for a reused code. | 2/2 | "
                      "got 200 \\<b\\>granted\\</b\\> (expected 400 with error=invalid\\_grant; actual 200 with an "
                      "access\\_token) | ESSEX/lastbill/residential |"), std::string::npos) << md;
    EXPECT_NE(md.find("### Warnings and expected failures"), std::string::npos);
}

// Makes sure plain (CI) progress prints one line per variant with its counts, and no line per failure.
// Example failure: terminal escape codes in a CI log, or every FAIL printed twice.
TEST(ConsoleReport, PlainProgressLines)
{
    std::ostringstream out;
    ConsoleProgress p(out, false);
    const Report r = fixture::sampleReport();
    p.variantStarted("ESSEX/lastbill/residential", 2);
    p.variantFinished("ESSEX/lastbill/residential", {r.results.begin(), r.results.begin() + 4});
    p.finish();
    EXPECT_EQ(out.str().find('\033'), std::string::npos);
    EXPECT_EQ(out.str(), "[1/2] ESSEX/lastbill/residential: 1 PASS, 1 FAIL, 1 WARN, 1 SKIP, 0 ERROR\n");
}

// Makes sure the format list is validated and the files land in the folder.
// Example failure: "--format jsn" silently writing nothing.
TEST(ReportFiles, FormatsAndFolder)
{
    EXPECT_FALSE(parseFormats("json,jsn").ok());
    EXPECT_EQ(parseFormats("console,json,junit,html,markdown").value().size(), 5u);
    const std::string dir = ::testing::TempDir() + "/gbc-report-files";
    std::filesystem::remove_all(dir);
    Result<std::vector<std::string>> paths =
        writeReportFiles(fixture::sampleReport(), dir, {"json", "junit", "html", "markdown"}, true);
    ASSERT_TRUE(paths.ok()) << paths.error().describe();
    ASSERT_EQ(paths.value().size(), 5u); // evidence.html beside index.html
    EXPECT_EQ(paths.value()[2], dir + "/evidence.html");
    EXPECT_EQ(paths.value()[4], dir + "/summary.md");
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

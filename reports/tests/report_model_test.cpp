// Unit tests for the report model: summary counts, exit codes, verdict line and canonical ordering.
#include <gtest/gtest.h>

#include "report.h"
#include "sample_report.h"

using namespace gbc;

// Makes sure every verdict is counted and ERROR outranks FAIL in the exit code.
// Example failure: a run with a harness ERROR exits 1 and blames the target.
TEST(ReportModel, SummaryCountsAndErrorExitCode)
{
    const Summary s = summarize(fixture::sampleReport());
    EXPECT_EQ(s.counts.at(Verdict::Pass), 2);
    EXPECT_EQ(s.counts.at(Verdict::Fail), 1);
    EXPECT_EQ(s.counts.at(Verdict::Warn), 1);
    EXPECT_EQ(s.counts.at(Verdict::Skip), 1);
    EXPECT_EQ(s.counts.at(Verdict::Error), 1);
    EXPECT_EQ(s.exitCode, 2);
    EXPECT_EQ(s.verdict, "ERROR");
}

// Makes sure a FAIL without ERROR exits 1 and a clean run exits 0.
// Example failure: WARN or SKIP turning the exit code non-zero.
TEST(ReportModel, ExitCodeOneOnFailZeroWhenClean)
{
    Report r = fixture::sampleReport();
    r.results.pop_back(); // drop the ERROR
    EXPECT_EQ(summarize(r).exitCode, 1);
    r.results.erase(r.results.begin()); // drop the FAIL
    EXPECT_EQ(summarize(r).exitCode, 0);
    EXPECT_EQ(summarize(r).verdict, "PASS");
}

// Makes sure an allow-listed FAIL does not fail the run but a stale allowlist entry does.
// Example failure: an expected failure still counted as FAIL, or a stale entry ignored.
TEST(ReportModel, AllowedFailuresAndStaleEntries)
{
    Report r = fixture::sampleReport();
    r.results.pop_back();
    r.results[0].allowedBy = "known simulator quirk";
    Summary s = summarize(r);
    EXPECT_EQ(s.counts.at(Verdict::Fail), 0);
    EXPECT_EQ(s.allowedFailures, 1);
    EXPECT_EQ(s.exitCode, 0);
    r.stale.push_back({"TK-009", "ESSEX/*", "fixed upstream"});
    s = summarize(r);
    EXPECT_EQ(s.stale, 1);
    EXPECT_EQ(s.exitCode, 1);
}

// Makes sure a run-level harness note (e.g. the simulator did not start) makes the run an ERROR.
// Example failure: an empty run with a dead simulator reported as PASS.
TEST(ReportModel, NotesMakeTheRunAnError)
{
    Report r;
    r.notes.push_back("gbc-sim did not start");
    EXPECT_EQ(summarize(r).exitCode, 2);
}

// Makes sure the verdict line names the verdict first and counts checks and variants.
// Example failure: a line starting with counts, so CI log greps for "^FAIL" miss it.
TEST(ReportModel, VerdictLine)
{
    Report r = fixture::sampleReport();
    r.results.pop_back();
    EXPECT_EQ(verdictLine(r), "FAIL: 1 FAIL, 0 ERROR, 2 PASS, 1 WARN, 1 SKIP (4 checks x 2 variants)");
}

// Makes sure normalize sorts results by check then variant and variants by id, keeping exchange order per variant.
// Example failure: thread scheduling leaking into the JSON order.
TEST(ReportModel, NormalizeOrdersDeterministically)
{
    Report r = fixture::sampleReport();
    normalize(r);
    ASSERT_EQ(r.variants.size(), 2u);
    EXPECT_EQ(r.variants[0].id, "EPE/sso/commercial");
    std::vector<std::string> keys;
    for (const CheckResult& c : r.results)
        keys.push_back(c.checkId + " " + c.variant);
    EXPECT_EQ(keys.front(), "OD-001 ESSEX/lastbill/residential");
    EXPECT_EQ(keys.back(), "TK-005 ESSEX/lastbill/residential");
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
    EXPECT_EQ(r.exchanges[0].variant, "EPE/sso/commercial");
    EXPECT_EQ(r.exchanges[1].id, "ESSEX/lastbill/residential#0001");
    EXPECT_EQ(r.exchanges[2].id, "ESSEX/lastbill/residential#0002");
}

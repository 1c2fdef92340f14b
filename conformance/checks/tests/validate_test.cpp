// The validate engine: unusable input, FB selection, SKIP reasons, caps, XSD runs and large inputs.
#include <gtest/gtest.h>

#include <algorithm>

#include "feed_generator.h"
#include "registry.h"
#include "test_support.h"

namespace gbc {
namespace {

std::string fixture(const std::string& name) { return test::env("GBC_FIXTURES_DIR") + "/" + name; }

const LocatedFinding* firstOf(const ValidationResult& r, const std::string& id)
{
    for (const LocatedFinding& f : r.findings)
        if (f.finding.checkId == id)
            return &f;
    return nullptr;
}

// Makes sure a document that is not well-formed is unusable, gets one located ESPI-XML-WELLFORMED FAIL and
// nothing else. Example failure: the engine runs the data checks on a half-parsed tree.
TEST(ValidateTest, NotWellFormedIsUnusableAndLocated)
{
    ValidationResult r = validateDocument("<feed>\n  <entry></feed>", {}, "x.xml");
    EXPECT_FALSE(r.usable);
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].finding.checkId, kWellFormedCheckId);
    EXPECT_EQ(r.findings[0].finding.location, "x.xml:2:12");
    EXPECT_EQ(r.findings[0].line, 2u);
    EXPECT_TRUE(r.mustFailed());
}

// Makes sure an unreadable file is unusable with an ERROR (a harness-side fact, not a data defect).
// Example failure: a typo in the path is reported as a FAIL of the data.
TEST(ValidateTest, UnreadableFileIsAnError)
{
    ValidationResult r = validateFile("/nonexistent/file.xml", {});
    EXPECT_FALSE(r.usable);
    EXPECT_TRUE(r.hasError());
    EXPECT_EQ(r.verdictOf(std::string(kWellFormedCheckId)), Verdict::Error);
    EXPECT_NE(r.findings[0].finding.message.find("cannot open"), std::string::npos) << r.findings[0].finding.message;
    ValidationResult dir = validateFile(test::env("GBC_FIXTURES_DIR"), {});
    EXPECT_FALSE(dir.usable);
    EXPECT_EQ(dir.findings[0].finding.message, "is a directory");
}

// Makes sure FB-specific checks run only for claimed FBs and SKIP with a reason otherwise.
// Example failure: the water signature runs on an electric feed and fails it.
TEST(ValidateTest, ClaimedFunctionBlocksSelectChecks)
{
    ValidateOptions o;
    o.claimed = *parseFunctionBlocks("1_4");
    ValidationResult r = validateFile(fixture("invalid_ESPI-D080_water_as_energy.xml"), o);
    EXPECT_EQ(r.verdictOf("ESPI-D080"), Verdict::Skip);
    EXPECT_EQ(firstOf(r, "ESPI-D080")->finding.message, "FB 11 not claimed");
    EXPECT_FALSE(r.mustFailed());
    o.claimed = *parseFunctionBlocks("11");
    EXPECT_EQ(validateFile(fixture("invalid_ESPI-D080_water_as_energy.xml"), o).verdictOf("ESPI-D080"), Verdict::Fail);
}

// Makes sure FBs are inferred from content when none are claimed, and the result says so.
// Example failure: FB 17 is not inferred from the power quality summary, so its checks never run.
TEST(ValidateTest, FunctionBlocksAreInferred)
{
    ValidationResult r = validateFile(fixture("valid_electric_feed.xml"), {});
    EXPECT_TRUE(r.functionBlocks.inferred);
    EXPECT_EQ(r.functionBlocks.toString(), "1_4_5_12_15_16_17");
    EXPECT_EQ(r.verdictOf("ESPI-US-FB27"), Verdict::Skip);
    EXPECT_EQ(r.verdictOf("ESPI-PQ-FB17"), Verdict::Pass);
    EXPECT_EQ(validateFile(fixture("valid_water_feed.xml"), {}).functionBlocks.toString(), "1_4_11_12");
}

// Makes sure a check with thousands of violations reports the first N and one summary finding.
// Example failure: a feed of 35000 bad readings produces a 35000-line report.
TEST(ValidateTest, FindingsAreCappedPerCheck)
{
    std::string doc = "<entry xmlns='http://www.w3.org/2005/Atom'><content><IntervalBlock xmlns='http://naesb.org/espi'>";
    for (int i = 0; i < 150; ++i)
        doc += "<IntervalReading><ReadingQuality><quality>70000</quality></ReadingQuality></IntervalReading>";
    doc += "</IntervalBlock></content></entry>";
    ValidateOptions o;
    o.maxFindingsPerCheck = 100;
    ValidationResult r = validateDocument(doc, o);
    auto n = std::count_if(r.findings.begin(), r.findings.end(),
                           [](const LocatedFinding& f) { return f.finding.checkId == "ESPI-IB-QUALITY"; });
    EXPECT_EQ(n, 101);
    EXPECT_NE(r.findings.end(), std::find_if(r.findings.begin(), r.findings.end(), [](const LocatedFinding& f) {
                  return f.finding.message == "... and 50 more violations of this check";
              }));
}

// Makes sure the XSD check SKIPs, giving the reason, without a schema and is an ERROR (never a FAIL) when the schema
// cannot be compiled. Example failure: an unreadable schema file blames the utility's document.
TEST(ValidateTest, SchemaCheckWithUnusableSchemaIsAnError)
{
    ValidationResult plain = validateFile(fixture("valid_authorization_entry.xml"), {});
    EXPECT_EQ(plain.verdictOf(std::string(kSchemaCheckId)), Verdict::Skip);
    ValidateOptions skipped;
    skipped.schemaSkipReason = "no schema found: test";
    ValidationResult skip = validateFile(fixture("valid_authorization_entry.xml"), skipped);
    const LocatedFinding* why = firstOf(skip, std::string(kSchemaCheckId));
    ASSERT_NE(why, nullptr);
    EXPECT_EQ(why->finding.message, "no schema found: test");
    ValidateOptions o;
    o.schemaFile = "/nonexistent/all.xsd";
    ValidationResult r = validateFile(fixture("valid_authorization_entry.xml"), o);
    EXPECT_EQ(r.verdictOf(std::string(kSchemaCheckId)), Verdict::Error);
    EXPECT_TRUE(r.hasError());
    EXPECT_FALSE(r.mustFailed());
}

// Makes sure libxml2's schema complaints become located FAIL findings for bytes held only in memory, with the
// thread pass and without. Example failure: the stream validation reports no line numbers.
TEST(ValidateTest, SchemaCheckLocatesMessages)
{
    ValidateOptions o;
    o.schemaFile = test::schemaFileIfUsable();
    if (o.schemaFile.empty())
        GTEST_SKIP() << "the ESPI schema folder is missing";
    std::string bytes = test::readBytes(fixture("invalid_ESPI-XSD-001_field_order.xml"));
    ValidateOptions serial = o;
    serial.parallelSchema = false;
    EXPECT_EQ(validateDocument(bytes, serial, "x").verdictOf(std::string(kSchemaCheckId)), Verdict::Fail);
    ValidationResult r = validateDocument(bytes, o, "fetched-feed");
    EXPECT_EQ(r.verdictOf(std::string(kSchemaCheckId)), Verdict::Fail);
    const LocatedFinding* f = firstOf(r, std::string(kSchemaCheckId));
    ASSERT_NE(f, nullptr);
    EXPECT_GT(f->line, 1u);
    EXPECT_EQ(f->finding.location.rfind("fetched-feed:", 0), 0u) << f->finding.location;
    EXPECT_NE(f->finding.message.find("ServiceCategory"), std::string::npos) << f->finding.message;
}

// Makes sure milliseconds in an epoch field and ids without urn:uuid: get precise, located findings.
// Example failure: the millisecond value is reported without saying where or what the seconds value would be.
TEST(ValidateTest, RealWorldDefectsArePrecise)
{
    ValidationResult ms = validateFile(fixture("invalid_ESPI-TIME-SECONDS_milliseconds.xml"), {});
    const LocatedFinding* f = firstOf(ms, "ESPI-TIME-SECONDS");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->path, "/feed/entry[7]/content/UsageSummary/statusTimeStamp");
    EXPECT_NE(f->finding.message.find("milliseconds"), std::string::npos);
    EXPECT_EQ(f->finding.actual, "1710216000000");
    ValidationResult bare = validateFile(fixture("invalid_ESPI-ENV-ID-URN_bare_uuid.xml"), {});
    const LocatedFinding* g = firstOf(bare, "ESPI-ENV-ID-URN");
    ASSERT_NE(g, nullptr);
    EXPECT_NE(g->finding.message.find("urn:uuid: prefix is missing"), std::string::npos);
    EXPECT_EQ(g->path, "/feed/entry[4]/id");
}

// Makes sure a UTF-16 document gives the same verdicts as its UTF-8 original.
// Example failure: UTF-16 input is parsed as bytes and every check fails.
TEST(ValidateTest, Utf16MatchesUtf8)
{
    ValidationResult u8 = validateFile(fixture("valid_electric_feed.xml"), {});
    ValidationResult u16 = validateFile(fixture("valid_utf16le_bom.xml"), {});
    EXPECT_EQ(u16.encoding, "UTF-16LE");
    EXPECT_EQ(u16.counts(), u8.counts());
}

// Makes sure a 13-month, 15-minute feed (about 38000 readings, 8 MB) passes every MUST check: the engine copes
// with real sizes (speed is measured by conformance/bench, not here).
// Example failure: DST-day blocks of 92 and 100 readings are flagged, or the run runs out of memory.
TEST(ValidateTest, ThirteenMonthFeedPasses)
{
    std::string feed = generateFeed(FeedSpec{});
    EXPECT_GT(feed.size(), 7u * 1000 * 1000);
    ValidationResult r = validateDocument(feed, {}, "generated");
    EXPECT_EQ(test::nonPassingChecks(r, true), std::vector<std::string>{});
    EXPECT_EQ(r.functionBlocks.toString(), "1_4_5_12_15");
}

} // namespace
} // namespace gbc

// The public GBA / OpenESPI sample files in ../shared/samples give the verdicts the issue states.
#include <gtest/gtest.h>

#include "registry.h"
#include "test_support.h"

namespace gbc {
namespace {

class Samples : public testing::Test {
protected:
    void SetUp() override
    {
        dir_ = test::env("GBC_SAMPLES_DIR");
        if (!test::isDirectory(dir_))
            GTEST_SKIP() << "samples folder '" << dir_ << "' is absent (set meson's shared_dir); sample sweep skipped";
    }

    ValidationResult validate(const std::string& name, const std::string& fbs = {}, bool schema = false)
    {
        ValidateOptions o;
        if (!fbs.empty())
            o.claimed = *parseFunctionBlocks(fbs);
        if (schema)
            o.schemaFile = test::schemaFileIfUsable();
        return validateFile(dir_ + "/" + name, o);
    }

    std::string dir_;
};

std::vector<std::string> mustFailures(const ValidationResult& r)
{
    std::vector<std::string> out;
    for (const LocatedFinding& f : r.findings)
        if (f.finding.verdict == Verdict::Fail)
            out.push_back(f.finding.checkId + " " + f.finding.location + ": " + f.finding.message);
    return out;
}

// Makes sure GBA's own test_usage_data.xml passes every MUST check for the FBs it carries (1, 4, 5, 12, 15, 16, 17),
// both claimed and inferred. Example failure: the DST-day block of 23 hours is flagged as non-contiguous.
TEST_F(Samples, TestUsageDataPassesItsFunctionBlocks)
{
    ValidationResult claimed = validate("cmd_test_usage_data.xml", "1_4_5_12_15_16_17");
    EXPECT_EQ(mustFailures(claimed), std::vector<std::string>{});
    EXPECT_EQ(claimed.verdictOf("ESPI-US-FB16"), Verdict::Pass);
    EXPECT_EQ(claimed.verdictOf("ESPI-PQ-FB17"), Verdict::Pass);
    ValidationResult inferred = validate("cmd_test_usage_data.xml");
    EXPECT_EQ(inferred.functionBlocks.toString(), "1_4_5_12_15_16_17");
    EXPECT_EQ(mustFailures(inferred), std::vector<std::string>{});
}

// Makes sure Gas.xml passes every MUST check for FB 10 (and the cost and summary blocks it also carries).
// Example failure: the gas signature accepts only therms and Gas.xml's uom 169 is rejected.
TEST_F(Samples, GasPassesItsFunctionBlocks)
{
    EXPECT_EQ(mustFailures(validate("cmd_Gas.xml", "1_4_10")), std::vector<std::string>{});
    ValidationResult inferred = validate("cmd_Gas.xml");
    EXPECT_TRUE(inferred.functionBlocks.has(10));
    EXPECT_EQ(inferred.verdictOf("ESPI-D079"), Verdict::Pass);
    EXPECT_EQ(mustFailures(inferred), std::vector<std::string>{});
}

// Makes sure Water.xml (kind 12 with uom 128) fails the FB 11 water signature D080 and nothing else, whether the
// FB is claimed or inferred. Example failure: FB 11 is not inferred from the water UsagePoint and D080 SKIPs.
TEST_F(Samples, WaterFailsTheWaterSignature)
{
    for (const std::string& fbs : {std::string("1_4_11"), std::string()}) {
        ValidationResult r = validate("cmd_Water.xml", fbs);
        EXPECT_EQ(r.verdictOf("ESPI-D080"), Verdict::Fail) << fbs;
        EXPECT_EQ(test::nonPassingChecks(r, false), std::vector<std::string>{"ESPI-D080"}) << fbs;
        EXPECT_TRUE(r.mustFailed());
    }
}

// Makes sure AuthorizationSample.xml fails the Bearer rule, located on the token_type element.
// Example failure: the comparison ignores case and "bearer" passes.
TEST_F(Samples, AuthorizationSampleFailsBearer)
{
    ValidationResult r = validate("cmd_AuthorizationSample.xml");
    EXPECT_EQ(r.verdictOf("ESPI-AUTH-BEARER"), Verdict::Fail);
    for (const LocatedFinding& f : r.findings)
        if (f.finding.checkId == "ESPI-AUTH-BEARER") {
            EXPECT_EQ(f.line, 21u);
            EXPECT_EQ(f.path, "/entry/content/Authorization/token_type");
            EXPECT_EQ(f.finding.actual, "'bearer'");
        }
}

// Makes sure the OpenESPI subscription sample fails its link-graph rules (D023, D024, D025 and the nested
// ReadingType) and that each failure is a link-graph check. Example failure: hrefs compared by prefix, so D023 passes.
TEST_F(Samples, UsageSubscriptionFeedFailsLinkGraph)
{
    ValidationResult r = validate("gbj_Usage-Subscription-Feed-Anonymized.xml");
    for (const char* id : {"ESPI-D023", "ESPI-D024", "ESPI-D025", "ESPI-LINK-MR-FLAT"})
        EXPECT_EQ(r.verdictOf(id), Verdict::Fail) << id;
    for (const std::string& id : test::nonPassingChecks(r, false))
        EXPECT_EQ(findCheck(id)->record.family, "link-graph") << id;
}

// Makes sure the in-process XSD check (libxml2) agrees with xmllint's known verdicts on the samples (README table):
// test_usage_data is valid, AuthorizationSample is not (line 21). Example failure: stream validation loses lines.
TEST_F(Samples, SchemaCheckMatchesXmllint)
{
    if (test::schemaFileIfUsable().empty())
        GTEST_SKIP() << "the ESPI schema folder is missing";
    EXPECT_EQ(validate("cmd_test_usage_data.xml", "", true).verdictOf(std::string(kSchemaCheckId)), Verdict::Pass);
    ValidationResult bad = validate("cmd_AuthorizationSample.xml", "", true);
    EXPECT_EQ(bad.verdictOf(std::string(kSchemaCheckId)), Verdict::Fail);
    bool located = false;
    for (const LocatedFinding& f : bad.findings)
        located |= f.finding.checkId == kSchemaCheckId && f.line == 21 &&
                   f.finding.message.find("Bearer") != std::string::npos;
    EXPECT_TRUE(located);
}

} // namespace
} // namespace gbc

// Unit test for the validate -> Report bridge: files become variants, findings become located results.
#include <gtest/gtest.h>

#include "validation_report.h"

using namespace gbc;

// Makes sure a broken document yields FAIL results with the check's record and a location, and the exit code 1.
// Example failure: validate reports through the shared writers lose the line number of a finding.
TEST(ValidationReport, FindingsBecomeLocatedResults)
{
    const std::string xml = R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<id>urn:uuid:00000000-0000-5000-8000-000000000001</id><title>t</title><updated>2025-01-01T00:00:00Z</updated>
<entry><id>urn:uuid:00000000-0000-5000-8000-000000000002</id><title>a</title></entry>
<entry><id>urn:uuid:00000000-0000-5000-8000-000000000002</id><title>b</title></entry></feed>)";
    const ValidationResult v = validateDocument(xml, ValidateOptions{}, "dup.xml");
    const Report r = validationReport({v}, "0.1.0");
    ASSERT_EQ(r.variants.size(), 1u);
    EXPECT_EQ(r.variants[0].id, "dup.xml");
    EXPECT_EQ(r.run.command, "validate");
    bool sawFail = false;
    for (const CheckResult& c : r.results) {
        EXPECT_EQ(c.variant, "dup.xml");
        EXPECT_FALSE(c.requirement.empty()) << c.checkId;
        if (c.verdict == Verdict::Fail) {
            sawFail = true;
            EXPECT_EQ(c.location.rfind("dup.xml", 0), 0u) << c.location;
        }
    }
    EXPECT_TRUE(sawFail);
    EXPECT_EQ(summarize(r).exitCode, 1);
    const Report bad = validationReport({validateDocument("<feed", ValidateOptions{}, "broken.xml")}, "0.1.0");
    EXPECT_NE(summarize(bad).exitCode, 0);
}

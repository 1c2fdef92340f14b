// Unit tests for the validate -> Report bridge: files become variants, findings become located results, unusable
// files become notes.
#include <gtest/gtest.h>

#include <map>

#include "validation_report.h"

using namespace gbc;

// Makes sure a broken document yields FAIL results with the check's record and a location, and the exit code 1;
// an unusable document gives a note and the exit code 2, as validate's own exit code.
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
    EXPECT_EQ(r.run.target, kValidateTarget);
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
    EXPECT_EQ(summarize(bad).exitCode, 2);
    ASSERT_EQ(bad.notes.size(), 1u);
    EXPECT_EQ(bad.notes[0].rfind("broken.xml: unusable input", 0), 0u) << bad.notes[0];
}

// Makes sure several findings of one check in one file stay separate, in document order, and each keeps its line.
// Example failure: the report's sort shuffling a check's findings, so two runs give different JSON.
TEST(ValidationReport, RepeatedFindingsKeepTheirOrder)
{
    const std::string xml = R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<id>urn:uuid:00000000-0000-5000-8000-000000000001</id><title>t</title><updated>2025-01-01T00:00:00Z</updated>
<entry><id>urn:uuid:00000000-0000-5000-8000-000000000002</id><title>a</title></entry>
<entry><id>urn:uuid:00000000-0000-5000-8000-000000000002</id><title>b</title></entry>
<entry><id>urn:uuid:00000000-0000-5000-8000-000000000002</id><title>c</title></entry></feed>)";
    const ValidationResult v = validateDocument(xml, ValidateOptions{}, "dup.xml");
    const Report r = validationReport({v, v}, "0.1.0");
    std::map<std::string, std::vector<std::string>> fromValidator, fromReport;
    for (const LocatedFinding& f : v.findings)
        fromValidator[f.finding.checkId].push_back(f.finding.location + f.finding.message);
    for (const CheckResult& c : r.results)
        fromReport[c.checkId].push_back(c.location.substr(0, c.location.find(' ')) + c.message);
    bool repeated = false;
    for (auto& [id, list] : fromValidator) {
        repeated = repeated || list.size() > 1;
        std::vector<std::string> twice = list;
        twice.insert(twice.end(), list.begin(), list.end()); // the same file given twice: two variants, same id
        EXPECT_EQ(fromReport[id], twice) << id;
    }
    EXPECT_TRUE(repeated) << "the document should break one check more than once";
}

// The check catalogue: ids follow the scheme, records are complete, every check has fixtures on both sides.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "registry.h"
#include "test_support.h"

namespace gbc {
namespace {

// Makes sure ids are unique, sorted and follow ESPI-Dnnn or ESPI-<AREA>-<NAME>.
// Example failure: a new check registered as "espi-d42" or twice under the same id.
TEST(CheckCatalogue, IdsAreUniqueSortedAndFollowTheScheme)
{
    static const std::regex scheme(R"(^ESPI-(D\d{3}|[A-Z]+(-[A-Z0-9]+)+)$)");
    std::set<std::string> seen;
    std::string previous;
    for (const CheckDef& c : checkCatalogue()) {
        EXPECT_TRUE(std::regex_match(c.record.id, scheme)) << c.record.id;
        EXPECT_TRUE(seen.insert(c.record.id).second) << "duplicate " << c.record.id;
        EXPECT_LT(previous, c.record.id);
        previous = c.record.id;
    }
    EXPECT_GE(seen.size(), 80u);
}

// Makes sure each record carries a reference, a one-sentence requirement with its level keyword, and a family.
// Example failure: a SHOULD check whose requirement says MUST, or an empty reference.
TEST(CheckCatalogue, RecordsAreComplete)
{
    for (const CheckDef& c : checkCatalogue()) {
        SCOPED_TRACE(c.record.id);
        EXPECT_FALSE(c.record.reference.empty());
        EXPECT_FALSE(c.record.family.empty());
        EXPECT_EQ(c.record.requirement.back(), '.');
        EXPECT_NE(c.record.requirement.find(toString(c.record.level)), std::string::npos) << c.record.requirement;
        EXPECT_EQ(c.run == nullptr, c.record.id == kWellFormedCheckId || c.record.id == kSchemaCheckId);
    }
}

// Makes sure the per-FB checks are bound to the right function block.
// Example failure: the water signature D080 registered under FB 10, so --fb 11 never runs it.
TEST(CheckCatalogue, FunctionBlockChecksAreBoundToTheirBlocks)
{
    std::map<std::string, int> expected{{"ESPI-D071", 6},     {"ESPI-D074", 7},     {"ESPI-D076", 8},
                                        {"ESPI-D077", 9},     {"ESPI-D078", 5},     {"ESPI-D079", 10},
                                        {"ESPI-D080", 11},    {"ESPI-D147", 29},    {"ESPI-D043", 12},
                                        {"ESPI-US-FB15", 15}, {"ESPI-US-FB16", 16}, {"ESPI-US-FB27", 27},
                                        {"ESPI-US-FB28", 28}, {"ESPI-PQ-FB17", 17}};
    for (const auto& [id, fb] : expected) {
        const CheckDef* c = findCheck(id);
        ASSERT_NE(c, nullptr) << id;
        EXPECT_EQ(c->functionBlocks, std::vector<int>{fb}) << id;
    }
    EXPECT_TRUE(findCheck("ESPI-D042")->functionBlocks.empty());
    EXPECT_EQ(findCheck("ESPI-NOPE"), nullptr);
}

// Makes sure every check has at least one invalid_<ID>_*.xml fixture.
// Example failure: a check added without a fixture that proves it can fail.
TEST(CheckCatalogue, EveryCheckHasAnInvalidFixture)
{
    std::set<std::string> named;
    for (const std::string& f : test::xmlFiles(test::env("GBC_FIXTURES_DIR"), "invalid_"))
        named.insert(f.substr(8, f.find('_', 8) - 8));
    for (const CheckDef& c : checkCatalogue())
        EXPECT_TRUE(named.count(c.record.id)) << "no invalid fixture for " << c.record.id;
}

// Makes sure every check PASSes (not merely SKIPs) on at least one valid fixture.
// Example failure: a check that only ever SKIPs because no valid fixture claims its function block.
TEST(CheckCatalogue, EveryCheckPassesSomeValidFixture)
{
    const std::string dir = test::env("GBC_FIXTURES_DIR");
    std::set<std::string> passed;
    for (const std::string& f : test::xmlFiles(dir, "valid_"))
        for (const LocatedFinding& lf : test::validateFixture(dir + "/" + f, true).findings)
            if (lf.finding.verdict == Verdict::Pass)
                passed.insert(lf.finding.checkId);
    bool schema = !test::schemaFileIfUsable().empty();
    for (const CheckDef& c : checkCatalogue())
        if (schema || c.record.id != kSchemaCheckId) {
            EXPECT_TRUE(passed.count(c.record.id)) << c.record.id << " never passes on a valid fixture";
        }
}

} // namespace
} // namespace gbc

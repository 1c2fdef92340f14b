// Sweeps fixtures/espi: valid_*.xml pass every check, invalid_<CHECKID>_*.xml break exactly the named check.
#include <gtest/gtest.h>

#include <algorithm>

#include "registry.h"
#include "test_support.h"

namespace gbc {
namespace {

std::string fixturesDir() { return test::env("GBC_FIXTURES_DIR"); }

std::string testName(const testing::TestParamInfo<std::string>& info)
{
    std::string out;
    for (char c : info.param.substr(0, info.param.size() - 4))
        out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

// The check id in "invalid_<CHECKID>_<what>.xml".
std::string namedCheck(const std::string& file)
{
    std::string rest = file.substr(std::string("invalid_").size());
    return rest.substr(0, rest.find('_'));
}

class FixtureSweep : public testing::TestWithParam<std::string> {};

// Makes sure a valid fixture passes every check that applies (with the XSD when available) and warns about nothing.
// Example failure: valid_gas_feed.xml gets ESPI-D079 FAIL because the gas signature table is wrong.
TEST_P(FixtureSweep, ValidFixturePassesEverything)
{
    const std::string file = GetParam();
    if (file.rfind("valid_", 0) != 0)
        GTEST_SKIP() << "not a valid_ fixture";
    ValidationResult r = test::validateFixture(fixturesDir() + "/" + file, true);
    EXPECT_TRUE(r.usable) << file;
    EXPECT_EQ(test::nonPassingChecks(r, true), std::vector<std::string>{}) << file;
}

// Makes sure an invalid fixture breaks the check its name gives (FAIL for MUST, WARN for SHOULD) and no other MUST
// check. Example failure: invalid_ESPI-D146_repeated_block.xml also fails ESPI-D145 for the same duplicated block.
TEST_P(FixtureSweep, InvalidFixtureBreaksExactlyTheNamedCheck)
{
    const std::string file = GetParam();
    if (file.rfind("invalid_", 0) != 0)
        GTEST_SKIP() << "not an invalid_ fixture";
    const std::string id = namedCheck(file);
    const CheckDef* def = findCheck(id);
    ASSERT_NE(def, nullptr) << file << " names an unknown check " << id;
    bool schema = id == kSchemaCheckId;
    if (schema && test::schemaFileIfUsable().empty())
        GTEST_SKIP() << "the ESPI schema folder is missing";
    ValidationResult r = test::validateFixture(fixturesDir() + "/" + file, schema);
    Verdict expected = def->record.level == Level::Must ? Verdict::Fail : Verdict::Warn;
    EXPECT_EQ(r.verdictOf(id), expected) << file;
    std::vector<std::string> mustFails;
    for (const LocatedFinding& f : r.findings)
        if (f.finding.verdict == Verdict::Fail && f.finding.checkId != id)
            mustFails.push_back(f.finding.checkId + ": " + f.finding.message);
    EXPECT_EQ(mustFails, std::vector<std::string>{}) << file;
    EXPECT_EQ(r.usable, id != kWellFormedCheckId) << file;
}

INSTANTIATE_TEST_SUITE_P(EspiFixtures, FixtureSweep, testing::ValuesIn(test::xmlFiles(fixturesDir(), "")), testName);

// Makes sure the sweep has something to sweep: both kinds of fixture are present.
// Example failure: GBC_FIXTURES_DIR points at an empty folder and every parameterized test silently vanishes.
TEST(FixtureSweepSetup, FixturesArePresent)
{
    EXPECT_GE(test::xmlFiles(fixturesDir(), "valid_").size(), 10u) << fixturesDir();
    EXPECT_GE(test::xmlFiles(fixturesDir(), "invalid_").size(), checkCatalogue().size()) << fixturesDir();
}

} // namespace
} // namespace gbc

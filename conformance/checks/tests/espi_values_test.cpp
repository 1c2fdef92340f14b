// Value parsing (integers, epochs, UUIDs, RFC 3339, FB lists) and the code lists against espi.xsd.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <pugixml.hpp>

#include "check_support.h"
#include "espi_values.h"
#include "function_blocks.h"
#include "test_support.h"

namespace gbc {
namespace {

// Makes sure integers are strict: no spaces, decimals or overflow.
// Example failure: "152.52" parses as 152 and a decimal bill amount passes.
TEST(EspiValues, IntegersAreStrict)
{
    EXPECT_EQ(parseInteger("-18000"), -18000);
    EXPECT_EQ(parseInteger("+5"), 5);
    EXPECT_EQ(parseInteger("000000000000000000000042"), 42);
    EXPECT_EQ(parseInteger("9223372036854775807"), INT64_MAX);
    EXPECT_FALSE(parseInteger("9223372036854775808"));
    EXPECT_FALSE(parseInteger("-0x"));
    for (const char* bad : {"", "-", "1 2", "152.52", "0x10", "99999999999999999999"})
        EXPECT_FALSE(parseInteger(bad)) << bad;
}

// Makes sure epoch fields in milliseconds are refused as seconds.
// Example failure: PG&E's millisecond authorizedPeriod start is read as a date in the year 44000.
TEST(EspiValues, EpochSecondsRejectMilliseconds)
{
    EXPECT_EQ(parseEpochSeconds("1330578000"), 1330578000);
    EXPECT_FALSE(parseEpochSeconds("1330578000000"));
    EXPECT_FALSE(parseEpochSeconds("2012-03-01"));
}

// Makes sure ids are urn:uuid URNs in either case, and versions are read from the UUID.
// Example failure: a bare UUID is accepted as an Atom id.
TEST(EspiValues, UuidUrns)
{
    EXPECT_TRUE(uuidOfUrn("urn:uuid:15B0A4ED-CCF4-4521-A0A1-9FF650EC8A6B"));
    EXPECT_TRUE(uuidOfUrn("URN:UUID:15b0a4ed-ccf4-4521-a0a1-9ff650ec8a6b"));
    EXPECT_FALSE(uuidOfUrn("15b0a4ed-ccf4-4521-a0a1-9ff650ec8a6b"));
    EXPECT_FALSE(uuidOfUrn("urn:uuid:15b0a4ed-ccf4-4521-a0a1-9ff650ec8a6"));
    EXPECT_EQ(uuidVersion("15b0a4ed-ccf4-5521-a0a1-9ff650ec8a6b"), 5);
    EXPECT_EQ(uuidVersion("not-a-uuid"), 0);
}

// Makes sure RFC 3339 date-times need a zone and real field values.
// Example failure: "2024-03-12 00:00:00" (no T, no zone) is accepted for atom:updated.
TEST(EspiValues, Rfc3339)
{
    for (const char* ok : {"2024-03-12T00:00:00Z", "2024-02-29T23:59:59.123+05:30", "2012-10-24T04:00:00-04:00"})
        EXPECT_TRUE(isRfc3339(ok)) << ok;
    for (const char* bad : {"2024-03-12 00:00:00", "2024-03-12T00:00:00", "2023-02-29T00:00:00Z",
                            "2024-03-12T24:00:00Z", "2024-03-12T00:00:00.Z", "2024-03-12T00:00:00+5:00"})
        EXPECT_FALSE(isRfc3339(bad)) << bad;
}

// Makes sure --fb lists parse in the accepted spellings and refuse junk with the offending piece.
// Example failure: "1_4_x" silently becomes {1, 4}.
TEST(FunctionBlocksTest, ParsesClaims)
{
    auto fbs = parseFunctionBlocks("1_4_5_15");
    ASSERT_TRUE(fbs);
    EXPECT_EQ(fbs->toString(), "1_4_5_15");
    EXPECT_FALSE(fbs->inferred);
    EXPECT_EQ(parseFunctionBlocks("FB=4,5")->toString(), "4_5");
    for (const char* bad : {"", "1__4", "1_4_x", "0", "100", "-4"}) {
        auto r = parseFunctionBlocks(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, "usage.fb");
    }
}

// Makes sure every code list equals the enumeration of the same simpleType in espi.xsd 4.0.
// Example failure: UnitSymbolKind misses 169 (therm) and gas summaries fail.
TEST(EspiValues, CodeListsMatchTheSchema)
{
    std::string xsd = test::env("GBC_SCHEMA_DIR") + "/v4.0/espi.xsd";
    pugi::xml_document doc;
    if (!doc.load_file(xsd.c_str()))
        GTEST_SKIP() << "espi.xsd not found at " << xsd;
    std::map<std::string, CodeList> lists{{"AccumulationKind", accumulationKinds()},
                                          {"CommodityKind", commodityKinds()},
                                          {"Currency", currencies()},
                                          {"FlowDirectionKind", flowDirections()},
                                          {"MeasurementKind", measurementKinds()},
                                          {"PhaseCodeKind", phaseCodes()},
                                          {"UnitMultiplierKind", powerOfTenMultipliers()},
                                          {"QualityOfReading", qualityOfReadings()},
                                          {"UnitSymbolKind", unitSymbols()},
                                          {"ServiceKind", serviceKinds()},
                                          {"AuthorizationStatus", authorizationStatuses()},
                                          {"DataCustodianApplicationStatus", applicationStatuses()}};
    for (const auto& [name, list] : lists) {
        std::string query = "//*[local-name()='simpleType'][@name='" + name + "']//*[local-name()='enumeration']";
        std::vector<int> fromXsd;
        for (const pugi::xpath_node& n : doc.select_nodes(query.c_str()))
            fromXsd.push_back(n.node().attribute("value").as_int());
        std::sort(fromXsd.begin(), fromXsd.end());
        EXPECT_EQ(std::vector<int>(list.begin(), list.end()), fromXsd) << name;
    }
}

// Makes sure DST rule words are exactly 8 hex digits and offsets are quarter-hours in range.
// Example failure: "360E200" (7 digits) is read as a rule.
TEST(EspiValues, DstWordsAndOffsets)
{
    EXPECT_EQ(parseDstRuleWord("360E2000"), 0x360E2000u);
    EXPECT_EQ(parseDstRuleWord("ffffffff"), 0xFFFFFFFFu);
    EXPECT_FALSE(parseDstRuleWord("360E200"));
    EXPECT_FALSE(parseDstRuleWord("360G2000"));
    EXPECT_TRUE(isPlausibleOffset(-18000, kMinTzOffset, kMaxTzOffset));
    EXPECT_TRUE(isPlausibleOffset(19800, kMinTzOffset, kMaxTzOffset)); // India, +5:30
    EXPECT_FALSE(isPlausibleOffset(-5, kMinTzOffset, kMaxTzOffset));
    EXPECT_FALSE(isPlausibleOffset(-46800, kMinTzOffset, kMaxTzOffset));
}

} // namespace
} // namespace gbc

namespace gbc {
namespace {

// Makes sure the espi.xsd unions are read right: a listed code, an unlisted value of the base type (extension) and
// a value outside it (invalid); UnitMultiplierKind's base is Int16, the others' UInt16.
// Example failure: -5 as powerOfTenMultiplier is Invalid although Int16 admits it.
TEST(CodeFitTest, UnionsWithTheBaseType)
{
    EXPECT_EQ(fitCode(powerOfTenMultipliers(), 3), CodeFit::Listed);
    EXPECT_EQ(fitCode(powerOfTenMultipliers(), -5), CodeFit::Extension);
    EXPECT_EQ(fitCode(powerOfTenMultipliers(), -40000), CodeFit::Invalid);
    EXPECT_EQ(fitCode(unitSymbols(), 72), CodeFit::Listed);
    EXPECT_EQ(fitCode(unitSymbols(), 65535), CodeFit::Extension);
    EXPECT_EQ(fitCode(unitSymbols(), 65536), CodeFit::Invalid);
    EXPECT_EQ(fitCode(qualityOfReadings(), -1), CodeFit::Invalid);
    EXPECT_EQ(fitCode(qualityOfReadings(), std::nullopt), CodeFit::Invalid);
}

} // namespace
} // namespace gbc

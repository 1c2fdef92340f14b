// Tests of DST rule words and UTC offsets against known North American transitions.
#include "time_zone.h"

#include <gtest/gtest.h>

#include "time_format.h"

using namespace gbc;

namespace {

TimeZoneRules toronto() { return {"America/Toronto", -18000, 3600, 0x360E2000, 0xB40E2000}; }

EpochSeconds at(const char* iso) { return *parseIso8601(iso); }

} // namespace

// Makes sure the US rule words decode to second Sunday of March / first Sunday of November at 02:00.
TEST(DstRule, DecodesUsRules)
{
    const DstRule start = *decodeDstRule(0x360E2000);
    EXPECT_EQ(start.month, 3u);
    EXPECT_EQ(start.op, 3u);
    EXPECT_EQ(start.weekday, 7u);
    EXPECT_EQ(start.hour, 2u);
    const DstRule end = *decodeDstRule(0xB40E2000);
    EXPECT_EQ(end.month, 11u);
    EXPECT_EQ(end.op, 2u);
    EXPECT_EQ(encodeDstRule(start), 0x360E2000u);
    EXPECT_EQ(encodeDstRule(end), 0xB40E2000u);
    EXPECT_EQ(formatDstRule(0x360E2000), "360E2000");
}

// Makes sure impossible words are rejected. Example failure: month 13 accepted.
TEST(DstRule, RejectsImpossibleWords)
{
    EXPECT_FALSE(decodeDstRule(0x060E2000).ok()); // month 0
    EXPECT_FALSE(decodeDstRule(0xD60E2000).ok()); // month 13
    EXPECT_FALSE(decodeDstRule(0x36002000).ok()); // weekday 0 with a weekday operator
    EXPECT_FALSE(decodeDstRule(0x360F9000).ok()); // hour 25 (bit 16 set, bits 12-15 = 9)
}

// Makes sure the rule fires on the real 2024 dates. Example failure: first instead of second Sunday.
TEST(DstRule, FiresOnRealDates)
{
    EXPECT_EQ(*ruleLocalInstant(*decodeDstRule(0x360E2000), 2024), at("2024-03-10T02:00:00Z"));
    EXPECT_EQ(*ruleLocalInstant(*decodeDstRule(0xB40E2000), 2024), at("2024-11-03T02:00:00Z"));
    EXPECT_EQ(*ruleLocalInstant(*decodeDstRule(0x360E2000), 2025), at("2025-03-09T02:00:00Z"));
}

// Makes sure offsets switch at the transition instants. Example failure: switching at 02:00 UTC.
TEST(TimeZone, OffsetsAroundTransitions)
{
    const TimeZoneRules tz = toronto();
    EXPECT_EQ(utcOffsetAt(tz, at("2024-03-10T06:59:59Z")), -18000);
    EXPECT_EQ(utcOffsetAt(tz, at("2024-03-10T07:00:00Z")), -14400);
    EXPECT_EQ(utcOffsetAt(tz, at("2024-11-03T05:59:59Z")), -14400);
    EXPECT_EQ(utcOffsetAt(tz, at("2024-11-03T06:00:00Z")), -18000);
    EXPECT_EQ(utcOffsetAt({"UTC", 0, 0, kNoDstRule, kNoDstRule}, at("2024-07-01T00:00:00Z")), 0);
}

// Makes sure local days are 23 and 25 hours long on transition days. Example failure: every day 24 h.
TEST(TimeZone, LocalDayLengths)
{
    const TimeZoneRules tz = toronto();
    const EpochSeconds march = localDayStart(tz, at("2024-03-10T12:00:00Z"));
    EXPECT_EQ(march, at("2024-03-10T05:00:00Z"));
    EXPECT_EQ(nextLocalDayStart(tz, march) - march, 23 * 3600);
    const EpochSeconds nov = localDayStart(tz, at("2024-11-03T12:00:00Z"));
    EXPECT_EQ(nov, at("2024-11-03T04:00:00Z"));
    EXPECT_EQ(nextLocalDayStart(tz, nov) - nov, 25 * 3600);
    const EpochSeconds june = localDayStart(tz, at("2024-06-01T03:00:00Z"));
    EXPECT_EQ(june, at("2024-05-31T04:00:00Z"));
    EXPECT_EQ(nextLocalDayStart(tz, june) - june, 24 * 3600);
}

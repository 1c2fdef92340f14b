// Tests of calendar arithmetic and ISO 8601 parsing used by the clock, the generator and the query filters.
#include "time_format.h"

#include <gtest/gtest.h>

using namespace gbc;

// Makes sure known instants round-trip. Example failure: an off-by-one day in leap years.
TEST(TimeFormat, KnownInstants)
{
    EXPECT_EQ(*parseIso8601("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(*parseIso8601("2024-02-29T12:00:00Z"), 1709208000);
    EXPECT_EQ(formatIso8601(1709208000), "2024-02-29T12:00:00Z");
    EXPECT_EQ(*parseIso8601("2024-02-29T07:00:00-05:00"), 1709208000);
    EXPECT_EQ(*parseIso8601("2024-02-29T12:00:00.653422+00:00"), 1709208000);
    EXPECT_EQ(formatIsoMicros(1709208000), "2024-02-29T12:00:00.000000+00:00");
    EXPECT_EQ(formatIsoMicros(1709208000, -18000), "2024-02-29T07:00:00.000000-05:00");
}

// Makes sure impossible or malformed instants are rejected. Example failure: Feb 30 accepted.
TEST(TimeFormat, RejectsBadInstants)
{
    for (const char* bad : {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "03/01/2016", "All", "", "2024-01-01",
                            "2024-01-01T25:00:00Z", "2024-01-01T00:00:00"})
        EXPECT_FALSE(parseIso8601(bad).ok()) << bad;
    EXPECT_FALSE(parseEspiQueryTime("2024-01-01T00:00:00+00:00").ok());
    EXPECT_TRUE(parseEspiQueryTime("2024-01-01T00:00:00Z").ok());
}

// Makes sure ISO 8601 durations parse. Example failure: PT15M read as 15 seconds.
TEST(TimeFormat, Durations)
{
    EXPECT_EQ(*parseIsoDuration("PT15M"), 900);
    EXPECT_EQ(*parseIsoDuration("P1DT2H"), 93600);
    EXPECT_EQ(*parseIsoDuration("P2W"), 1209600);
    EXPECT_EQ(*parseIsoDuration("PT1H30M5S"), 5405);
    for (const char* bad : {"P", "PT", "15M", "P1M", "PT-5M", "P1Y"})
        EXPECT_FALSE(parseIsoDuration(bad).ok()) << bad;
}

// Makes sure weekday and calendar helpers agree with known dates. Example failure: Sunday reported as Monday.
TEST(TimeFormat, CalendarHelpers)
{
    EXPECT_EQ(weekdayFromDays(0), 4u); // 1970-01-01 was a Thursday
    EXPECT_EQ(weekdayFromDays(daysFromCivil({2024, 3, 10})), 0u); // US DST start 2024, a Sunday
    EXPECT_EQ(daysInMonth(2024, 2), 29u);
    EXPECT_EQ(daysInMonth(2100, 2), 28u);
    const CivilDate d = civilFromDays(daysFromCivil({1999, 12, 31}));
    EXPECT_EQ(d.year, 1999);
    EXPECT_EQ(d.month, 12u);
    EXPECT_EQ(d.day, 31u);
}

// Makes sure instants are compared as instants, offsets and fractions included. Example failure: the DST fall-back
// reading 01:45-06:00 -> 01:00-07:00 judged negative because the text sorts backwards.
TEST(TimeFormat, InstantsAcrossOffsets)
{
    const auto before = parseIsoMicros("2025-11-02T01:45:00-05:00"), after = parseIsoMicros("2025-11-02T01:00:00-06:00");
    ASSERT_TRUE(before.ok() && after.ok());
    EXPECT_EQ(*after - *before, 15LL * 60 * 1000000);
    const auto mdt = parseIsoMicros("2025-11-02T01:45:00-06:00"), mst = parseIsoMicros("2025-11-02T01:00:00-07:00");
    EXPECT_EQ(*mst - *mdt, 15LL * 60 * 1000000);
    EXPECT_EQ(*parseIsoMicros("2024-02-29T12:00:00.5Z") - *parseIsoMicros("2024-02-29T12:00:00Z"), 500000);
    EXPECT_EQ(*parseIsoMicros("2024-02-29T12:00:00.000001+00:00"), 1709208000LL * 1000000 + 1);
    EXPECT_EQ(*parseIso8601("1969-12-31T23:59:59.5Z"), -1); // floor, not truncation toward zero
    EXPECT_FALSE(parseIsoMicros("2025-03-09 01:45:00-06:00").ok());
}

// Makes sure HTTP dates (RFC 9110 §5.6.7, all three forms) and both Retry-After forms are read.
// Example failure: 'Retry-After: Sun, 06 Nov 1994 08:49:37 GMT' read as 5 seconds.
TEST(TimeFormat, HttpDatesAndRetryAfter)
{
    EXPECT_EQ(*parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
    EXPECT_EQ(*parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
    EXPECT_EQ(*parseHttpDate("Sun Nov  6 08:49:37 1994"), 784111777);
    EXPECT_EQ(formatHttpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
    EXPECT_EQ(formatHttpDate(*parseIso8601("2025-06-15T12:00:30Z")), "Sun, 15 Jun 2025 12:00:30 GMT");
    for (const char* bad : {"", "Sun, 31 Feb 2025 12:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 UTC", "tomorrow"})
        EXPECT_FALSE(parseHttpDate(bad).ok()) << bad;
    EXPECT_EQ(*parseRetryAfter("120", 784111777), 120);
    EXPECT_EQ(*parseRetryAfter("Sun, 06 Nov 1994 08:50:07 GMT", 784111777), 30);
    EXPECT_EQ(*parseRetryAfter("Sun, 06 Nov 1994 08:49:00 GMT", 784111777), 0);
    EXPECT_FALSE(parseRetryAfter("-5", 0).ok());
    EXPECT_FALSE(parseRetryAfter("soon", 0).ok());
}

// Unit tests of the pure generator: ids, UUID v5, history window, DST-aware blocks, determinism, kWh scaling.
#include <gtest/gtest.h>

#include <set>

#include "espi_ids.h"
#include "fake_directory.h"
#include "interval_blocks.h"
#include "summaries.h"
#include "usage_model.h"
#include "uuid5.h"

namespace gbc {
namespace {

using testing::at;
using testing::World;

// Makes sure UUID v5 matches RFC 4122 (Python's uuid5 gives the expected strings). Example failure: wrong version nibble.
TEST(Uuid5, MatchesReferenceImplementation)
{
    EXPECT_EQ(formatUuid(uuid5(urlNamespace(), "http://python.org/")), "4c565f0d-3f5a-5890-b41b-20cf47701c5e");
    EXPECT_EQ(atomId("x"), "urn:uuid:befd8eb7-e7a8-56d8-91d8-9cef449de117");
}

// Makes sure every id shape parses back to its subscription and service. Example failure: a sub containing '_'.
TEST(EspiIds, RoundTrip)
{
    for (const std::string sub : {"467189", "ab_cd", "x"}) {
        const std::string up = usagePointId(sub, 4);
        EXPECT_EQ(serviceIndexOf(sub, up), 4u);
        const auto rt = parseReadingTypeId(readingTypeId(sub, meterReadingId(up, "kwh", 900)));
        ASSERT_TRUE(rt) << sub;
        EXPECT_EQ(rt->subscriptionId, sub);
        EXPECT_EQ(rt->serviceIndex, 4u);
        const auto ltp = parseLocalTimeParametersId(localTimeParametersId(sub, up));
        ASSERT_TRUE(ltp) << sub;
        EXPECT_EQ(ltp->subscriptionId, sub);
    }
    EXPECT_EQ(usagePointId("467189", 0), "46718901");
    EXPECT_FALSE(parseUsagePointId("12300"));
    EXPECT_FALSE(parseReadingTypeId("467189_46718801_kwh_900"));
    EXPECT_FALSE(isSafeId("a/b"));
    EXPECT_FALSE(isSafeId(""));
}

// Makes sure the default history is 13 months ending at today's local midnight. Example failure: UTC midnight used.
TEST(HistoryWindow, DefaultThirteenMonthsOnLocalMidnights)
{
    const TimeZoneRules& tz = testing::catalogue().findUtility("DEMOUTILITY")->timeZone; // Chicago
    const TimeWindow w = historyWindow(tz, 0, at("2025-06-15T15:30:00Z"));
    EXPECT_EQ(w.end, at("2025-06-15T05:00:00Z"));   // CDT midnight
    EXPECT_EQ(w.start, at("2024-05-15T05:00:00Z")); // CDT midnight 13 months earlier
    const TimeWindow d = historyWindow(tz, 86400 * 10, at("2025-01-15T03:00:00Z"));
    EXPECT_EQ(d.end, at("2025-01-14T06:00:00Z")); // still Jan 14 in Chicago (CST)
    EXPECT_EQ(d.start, at("2025-01-04T06:00:00Z"));
}

// Makes sure sharedServices filters the customer's flattened services. Example failure: all five served.
TEST(PlanSubscription, SharedServicesFilter)
{
    World w;
    auto r = w.grant("700", "DEMOUTILITY", "demoutility-commercial");
    auto all = planSubscription(w.ctx, r);
    ASSERT_TRUE(all) << all.error().describe();
    ASSERT_EQ(all->services.size(), 5u);
    EXPECT_EQ(all->services[4].service->meterNumber, "G222222222");
    EXPECT_TRUE(all->commercial);
    r.sharedServices = {1, 3};
    auto some = planSubscription(w.ctx, r);
    ASSERT_EQ(some->services.size(), 2u);
    EXPECT_EQ(some->services[1].usagePointId, "70004");
    EXPECT_EQ(some->services[1].service->meterNumber, "E222222223");
    r.customerId = "nobody";
    EXPECT_EQ(planSubscription(w.ctx, r).error().code, "espi.unknown_customer");
}

// Makes sure 23- and 25-hour local days carry 92 and 100 readings that are contiguous, unique and start at the
// block start. Example failure: a UTC-day block with 96 readings on the DST day.
TEST(IntervalBlocks, DstDaysAndContiguity)
{
    World w;
    w.clock.set(at("2025-06-15T15:30:00Z"));
    const auto plan = planSubscription(w.ctx, w.grant("701", "DEMOUTILITY", "demoutility-residential")).value();
    const ServicePlan& electric = *plan.findByIndex(1);
    std::map<std::string, std::size_t> counts;
    std::vector<Reading> readings;
    std::set<EpochSeconds> starts;
    for (const BlockSpan& b : blocksOf(plan, electric)) {
        blockReadings(plan, electric, b, readings);
        ASSERT_FALSE(readings.empty());
        EXPECT_EQ(readings.front().start, b.start) << b.id;
        EpochSeconds next = b.start;
        for (const Reading& r : readings) {
            EXPECT_EQ(r.start, next) << b.id;
            EXPECT_GT(r.value, 0);
            EXPECT_TRUE(starts.insert(r.start).second) << "duplicate start in " << b.id;
            next = r.start + r.duration;
        }
        EXPECT_EQ(next, b.end) << b.id;
        counts[b.id] = readings.size();
    }
    EXPECT_EQ(counts.at("20250309"), 92u);  // spring forward in Chicago
    EXPECT_EQ(counts.at("20241103"), 100u); // fall back
    EXPECT_EQ(counts.at("20250310"), 96u);
    EXPECT_EQ(counts.size(), 396u); // 2024-05-15 .. 2025-06-14
}

// Makes sure gas data comes in monthly blocks of daily readings whose durations follow the local day length.
// Example failure: a fixed 86400 duration leaving a gap after the spring-forward day.
TEST(IntervalBlocks, MonthlyGasBlocks)
{
    World w;
    const auto plan = planSubscription(w.ctx, w.grant("702", "DEMOUTILITY", "demoutility-residential")).value();
    const ServicePlan& gas = *plan.findByIndex(2);
    EXPECT_EQ(gas.readingType.commodity, 7);
    const auto march = findBlock(plan, gas, "202503");
    ASSERT_TRUE(march);
    std::vector<Reading> rs;
    blockReadings(plan, gas, *march, rs);
    ASSERT_EQ(rs.size(), 31u);
    EXPECT_EQ(rs[8].duration, 82800);
    EXPECT_EQ(rs.back().start + rs.back().duration, march->end);
    EXPECT_FALSE(findBlock(plan, gas, "202301"));
    EXPECT_FALSE(findBlock(plan, gas, "2025x3"));
    const auto first = findBlock(plan, gas, "202405");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->start, plan.window.start); // clipped to the history window
}

// Makes sure the same seed gives the same values and another seed other values. Example failure: time-seeded PRNG.
TEST(Determinism, SeedControlsValues)
{
    World a, b, c;
    c.ctx.seed = 43;
    auto values = [](World& w) {
        const auto r = w.grant("703", "PGE", "pge-residential");
        return intervalReadings(w.ctx, r, 0, at("2025-01-01T00:00:00Z"), at("2025-01-03T00:00:00Z")).value();
    };
    const auto va = values(a), vb = values(b), vc = values(c);
    ASSERT_EQ(va.size(), 192u);
    ASSERT_EQ(vc.size(), 192u);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < va.size(); ++i) {
        EXPECT_EQ(va[i].value, vb[i].value);
        differing += va[i].value != vc[i].value;
    }
    EXPECT_GT(differing, 150u);
}

// Makes sure intervalReadings scales raw values by 10^powerOfTenMultiplier into Wh and kWh, and matches the
// block readings. Example failure: kwh equal to the raw value.
TEST(IntervalReadings, ScaledByMultiplier)
{
    World w;
    const auto r = w.grant("704", "ESSEX", "essex-commercial");
    const auto plan = planSubscription(w.ctx, r).value();
    const ServicePlan& s = plan.services.at(0);
    ASSERT_EQ(s.readingType.powerOfTenMultiplier, -3);
    const auto block = findBlock(plan, s, "20250110").value();
    std::vector<Reading> raw;
    blockReadings(plan, s, block, raw);
    const auto points = intervalReadings(w.ctx, r, 0, block.start, block.end).value();
    ASSERT_EQ(points.size(), raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        EXPECT_EQ(points[i].start, raw[i].start);
        EXPECT_DOUBLE_EQ(points[i].quantity, static_cast<double>(raw[i].value) / 1000.0);
        EXPECT_DOUBLE_EQ(points[i].kwh, static_cast<double>(raw[i].value) / 1e6);
    }
    EXPECT_EQ(intervalReadings(w.ctx, r, 7, block.start, block.end).error().code, "espi.unknown_service");
}

// Makes sure commercial load is larger than residential and peaks on weekday business hours.
// Example failure: both profiles share one shape.
TEST(LoadProfiles, CommercialDiffersFromResidential)
{
    World w;
    const auto res = w.grant("705", "EPE", "epe-residential");
    const auto com = w.grant("706", "EPE", "epe-commercial");
    // Wednesday 2025-01-15 in El Paso (MST, UTC-7): 03:00 and 14:00 local.
    auto kwhAt = [&](const AuthorizationRecord& r, const char* iso) {
        return intervalReadings(w.ctx, r, 0, at(iso), at(iso) + 900).value().at(0).kwh;
    };
    EXPECT_GT(kwhAt(com, "2025-01-15T21:00:00Z"), 10 * kwhAt(res, "2025-01-15T21:00:00Z"));
    EXPECT_GT(kwhAt(com, "2025-01-15T21:00:00Z"), 3 * kwhAt(com, "2025-01-15T10:00:00Z"));
    EXPECT_GT(kwhAt(res, "2025-01-16T01:30:00Z"), kwhAt(res, "2025-01-15T10:00:00Z")); // evening > night
}

// Makes sure monthly summaries add up the readings of the month. Example failure: totals from another generator.
TEST(Summaries, MonthlyTotalsMatchReadings)
{
    World w;
    const auto r = w.grant("707", "SSMPUC", "ssmpuc-test-residential");
    const auto plan = planSubscription(w.ctx, r).value();
    const ServicePlan& water = plan.services.at(1);
    EXPECT_EQ(water.readingType.uom, 42); // m3 at a Canadian utility
    const auto months = monthlySummaries(plan, water);
    ASSERT_EQ(months.size(), 12u); // 2024-06 .. 2025-05 complete
    EXPECT_EQ(months.front().id, "202406");
    std::int64_t sum = 0;
    for (const auto& p : intervalReadings(plan, water, months[3].start, months[3].end))
        sum += p.value;
    EXPECT_EQ(months[3].consumption, sum);
    EXPECT_GT(months[3].bill(), months[3].fixedCharge);
    EXPECT_FALSE(findMonthSummary(plan, water, "202405")); // partial month
}

} // namespace
} // namespace gbc

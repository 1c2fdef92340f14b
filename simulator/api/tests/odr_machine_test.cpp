// Unit tests of the On-Demand Read lifecycle on a fixed clock: every transition, ttl expiry, errored reads, the ttl defect.
#include <gtest/gtest.h>

#include "odr_machine.h"

namespace gbc {
namespace {

constexpr EpochSeconds kT0 = 1750000000;

OdrTiming seedTiming(bool errored = false)
{
    OdrTiming t;
    t.waitingAfterSeconds = 5;
    t.pendingAfterSeconds = 20;
    t.updatedAfterSeconds = 80;
    t.ttlSeconds = 900;
    t.errored = errored;
    return t;
}

// Makes sure a read walks initialized -> waiting -> pending -> updated at the scripted instants.
// Example failure: a read still "pending" one second after updatedAfterSeconds.
TEST(OdrMachine, WalksEveryStatusAtItsInstant)
{
    FixedClock clock(kT0);
    OdrBook book;
    const OdrRead read = book.request("m1", seedTiming(), clock.now()).read;
    struct Step { EpochSeconds at; OdrStatus status; EpochSeconds since; };
    const Step steps[] = {
        {0, OdrStatus::Initialized, 0}, {4, OdrStatus::Initialized, 0}, {5, OdrStatus::Waiting, 5},
        {19, OdrStatus::Waiting, 5},    {20, OdrStatus::Pending, 20},    {79, OdrStatus::Pending, 20},
        {80, OdrStatus::Updated, 80},   {899, OdrStatus::Updated, 80},
    };
    for (const Step& s : steps) {
        clock.set(kT0 + s.at);
        const OdrView v = viewAt(read, clock.now());
        EXPECT_EQ(v.status, s.status) << "at +" << s.at;
        EXPECT_EQ(v.statusSince, kT0 + s.since) << "at +" << s.at;
    }
}

// Makes sure ttl_seconds counts down from the scenario ttl and never goes negative.
// Example failure: ttl 900 still reported 100 s after the read started.
TEST(OdrMachine, TtlCountsDownToZero)
{
    OdrBook book;
    const OdrRead read = book.request("m1", seedTiming(), kT0).read;
    EXPECT_EQ(viewAt(read, kT0).ttlSeconds, 900);
    EXPECT_EQ(viewAt(read, kT0 + 100).ttlSeconds, 800);
    EXPECT_EQ(viewAt(read, kT0 + 900).ttlSeconds, 0);
    EXPECT_EQ(viewAt(read, kT0 + 5000).ttlSeconds, 0);
}

// Makes sure requests inside the ttl window answer the current read and start none.
// Example failure: a second request 10 s later restarts the read at "initialized".
TEST(OdrMachine, RequestInsideTtlReusesTheRead)
{
    OdrBook book;
    const OdrOutcome first = book.request("m1", seedTiming(), kT0);
    EXPECT_TRUE(first.started);
    EXPECT_EQ(first.read.sequence, 1);
    const OdrOutcome second = book.request("m1", seedTiming(), kT0 + 10);
    EXPECT_FALSE(second.started);
    EXPECT_EQ(second.read.started, kT0);
    EXPECT_EQ(viewAt(second.read, kT0 + 10).status, OdrStatus::Waiting);
    const OdrOutcome late = book.request("m1", seedTiming(), kT0 + 899);
    EXPECT_FALSE(late.started);
    EXPECT_EQ(viewAt(late.read, kT0 + 899).status, OdrStatus::Updated);
}

// Makes sure the first request after the ttl expired starts a new read.
// Example failure: the expired read keeps being returned forever.
TEST(OdrMachine, RequestAfterTtlStartsANewRead)
{
    OdrBook book;
    book.request("m1", seedTiming(), kT0);
    const OdrOutcome next = book.request("m1", seedTiming(), kT0 + 900);
    EXPECT_TRUE(next.started);
    EXPECT_EQ(next.read.sequence, 2);
    EXPECT_EQ(next.read.started, kT0 + 900);
    EXPECT_EQ(viewAt(next.read, kT0 + 900).status, OdrStatus::Initialized);
    EXPECT_EQ(book.latest("m1")->sequence, 2);
}

// Makes sure an errored scenario ends in "errored" at the update instant, not "updated".
// Example failure: the errored scenario reports "updated".
TEST(OdrMachine, ErroredScenarioEndsErrored)
{
    OdrBook book;
    const OdrRead read = book.request("m1", seedTiming(true), kT0).read;
    EXPECT_EQ(viewAt(read, kT0 + 79).status, OdrStatus::Pending);
    const OdrView end = viewAt(read, kT0 + 80);
    EXPECT_EQ(end.status, OdrStatus::Errored);
    EXPECT_TRUE(end.finished());
    EXPECT_STREQ(toString(end.status), "errored");
}

// Makes sure meters have independent reads.
// Example failure: a read on meter m2 is answered with m1's read.
TEST(OdrMachine, MetersAreIndependent)
{
    OdrBook book;
    book.request("m1", seedTiming(), kT0);
    const OdrOutcome other = book.request("m2", seedTiming(), kT0 + 30);
    EXPECT_TRUE(other.started);
    EXPECT_EQ(other.read.meterUid, "m2");
    EXPECT_FALSE(book.latest("m3").has_value());
}

// Makes sure the odr_ignores_ttl defect restarts the read on every request (so the conformance check can catch it).
// Example failure: the defect flag has no effect.
TEST(OdrMachine, IgnoreTtlDefectRestartsEveryTime)
{
    OdrBook book;
    book.request("m1", seedTiming(), kT0);
    const OdrOutcome again = book.request("m1", seedTiming(), kT0 + 10, true);
    EXPECT_TRUE(again.started);
    EXPECT_EQ(again.read.started, kT0 + 10);
}

// Makes sure the status names are the seed page's strings.
// Example failure: "Pending" instead of "pending".
TEST(OdrMachine, StatusNamesMatchTheSeed)
{
    EXPECT_STREQ(toString(OdrStatus::Initialized), "initialized");
    EXPECT_STREQ(toString(OdrStatus::Waiting), "waiting");
    EXPECT_STREQ(toString(OdrStatus::Pending), "pending");
    EXPECT_STREQ(toString(OdrStatus::Updated), "updated");
}

} // namespace
} // namespace gbc

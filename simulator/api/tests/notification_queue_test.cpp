// Unit tests of the notification queue: due selection, hourly retries until 200, giving up after 72 h, bounded journal.
#include <gtest/gtest.h>

#include "event_log.h"
#include "notification_queue.h"

namespace gbc {
namespace {

constexpr EpochSeconds kT0 = 1750000000;

Delivery webhookTo(const std::string& url)
{
    Delivery d;
    d.channel = Channel::Webhook;
    d.clientId = "EPE_ccccccccc";
    d.target = url;
    d.body = "{}";
    return d;
}

AttemptRecord answered(EpochSeconds at, int status)
{
    AttemptRecord a;
    a.at = at;
    a.status = status;
    return a;
}

// Makes sure a new delivery is due at once and a 200 answer delivers it.
// Example failure: a delivered webhook is sent again an hour later.
TEST(NotificationQueue, DeliveredOn200)
{
    NotificationQueue q;
    const auto id = q.enqueue(webhookTo("http://127.0.0.1:1/hook"), kT0);
    ASSERT_EQ(q.due(kT0).size(), 1u);
    EXPECT_EQ(q.recordAttempt(id, answered(kT0, 200)), DeliveryState::Delivered);
    EXPECT_TRUE(q.due(kT0 + 7200).empty());
    ASSERT_EQ(q.journal().size(), 1u);
    EXPECT_EQ(q.journal()[0].attempt, 1);
}

// Makes sure a failed attempt is retried an hour later on the simulator clock, not before.
// Example failure: retried immediately in a loop, or never.
TEST(NotificationQueue, RetriesHourly)
{
    NotificationQueue q;
    const auto id = q.enqueue(webhookTo("http://127.0.0.1:1/hook"), kT0);
    EXPECT_EQ(q.recordAttempt(id, answered(kT0, 500)), DeliveryState::Pending);
    EXPECT_TRUE(q.due(kT0 + 3599).empty());
    ASSERT_EQ(q.due(kT0 + 3600).size(), 1u);
    EXPECT_EQ(q.recordAttempt(id, answered(kT0 + 3600, 0)), DeliveryState::Pending);
    EXPECT_EQ(q.recordAttempt(id, answered(kT0 + 7200, 200)), DeliveryState::Delivered);
    EXPECT_EQ(q.journal().size(), 3u);
    EXPECT_EQ(q.journal().back().attempt, 3);
}

// Makes sure retries stop 72 hours after the delivery was queued.
// Example failure: an unreachable receiver is retried forever.
TEST(NotificationQueue, GivesUpAfter72Hours)
{
    NotificationQueue q;
    const auto id = q.enqueue(webhookTo("http://127.0.0.1:1/hook"), kT0);
    DeliveryState state = DeliveryState::Pending;
    int attempts = 0;
    for (EpochSeconds t = kT0; state == DeliveryState::Pending && attempts < 1000; t += 3600, ++attempts)
        state = q.recordAttempt(id, answered(t, 503));
    EXPECT_EQ(state, DeliveryState::Abandoned);
    EXPECT_EQ(attempts, 73); // the first try plus 72 hourly retries
    EXPECT_TRUE(q.due(kT0 + 100 * 3600).empty());
}

// Makes sure the journal keeps only the newest entries.
// Example failure: the journal grows without bound.
TEST(NotificationQueue, JournalIsBounded)
{
    NotificationQueue q(RetryPolicy{}, 3);
    for (int i = 0; i < 5; ++i) {
        const auto id = q.enqueue(webhookTo("http://h/" + std::to_string(i)), kT0);
        q.recordAttempt(id, answered(kT0, 200));
    }
    ASSERT_EQ(q.journal().size(), 3u);
    EXPECT_EQ(q.journal().front().deliveryId, 3u);
}

// Makes sure finished deliveries are forgotten beyond the bound while a pending one is kept.
// Example failure: memory growing with every webhook ever sent, or a pending retry dropped.
TEST(NotificationQueue, ForgetsOnlyFinishedDeliveries)
{
    NotificationQueue q;
    const auto pending = q.enqueue(webhookTo("http://h/pending"), kT0);
    for (int i = 0; i < 1100; ++i)
        q.recordAttempt(q.enqueue(webhookTo("http://h/" + std::to_string(i)), kT0), answered(kT0, 200));
    const auto all = q.deliveries();
    EXPECT_LE(all.size(), NotificationQueue::kKeptDeliveries + 1);
    EXPECT_EQ(all.front().id, pending);
    EXPECT_EQ(q.due(kT0).size(), 1u);
}

// Makes sure events get increasing uids, list newest first per client, and carry delivery state in their JSON.
// Example failure: another client's events in the list.
TEST(EventLog, NewestFirstPerClient)
{
    EventLog log;
    log.add({"", "authorization_created", kT0, "A", "10", "", "", "http://h/hook", false});
    log.add({"", "meter_created", kT0 + 1, "B", "11", "20", "", "", false});
    log.add({"", "authorization_revoked", kT0 + 2, "A", "10", "", "", "http://h/hook", false});
    const auto a = log.of("A");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].type, "authorization_revoked");
    EXPECT_EQ(a[0].uid, "3");
    log.markDelivered({"1"});
    const nlohmann::json j = eventJson(*log.find("1"));
    EXPECT_EQ(j["is_delivered"], true);
    EXPECT_EQ(j["delivery_method"], "webhook");
    EXPECT_EQ(j["authorization_uid"], "10");
    EXPECT_FALSE(j.contains("meter_uid"));
    EXPECT_EQ(j["ts"], "2025-06-15T15:06:40.000000+00:00");
    EXPECT_TRUE(eventJson(*log.find("2"))["delivery_target"].is_null());
}

} // namespace
} // namespace gbc

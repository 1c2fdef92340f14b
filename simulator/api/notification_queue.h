// Outbound notifications (pure): webhook and ESPI push deliveries, the clock-driven retry schedule and a bounded journal.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clock.h"

namespace gbc {

enum class Channel { Webhook, EspiPush };
enum class DeliveryState { Pending, Delivered, Abandoned };

const char* toString(Channel c);
const char* toString(DeliveryState s);

struct Delivery {
    std::uint64_t id = 0;
    Channel channel = Channel::Webhook;
    std::string clientId;
    std::string target;      // absolute URL
    std::string contentType; // application/json or application/xml
    std::string body;        // exact bytes to POST (webhook: signed at send time with a fresh salt)
    std::vector<std::string> eventUids; // webhook only
    std::string subscriptionUid;        // ESPI push of an async Batch job (profile async_batch) only
    EpochSeconds createdAt = 0;
    EpochSeconds nextAttemptAt = 0;
    int attempts = 0;
    DeliveryState state = DeliveryState::Pending;
};

// One POST as it happened: the journal entry.
struct AttemptRecord {
    std::uint64_t deliveryId = 0;
    int attempt = 0;
    EpochSeconds at = 0;
    Channel channel = Channel::Webhook;
    std::string clientId, target;
    int status = 0;        // HTTP status, 0 when no answer came
    std::string error;     // transport error text, empty on an answer
    std::string salt, signature; // webhook only
    std::string body;
};

nlohmann::json attemptJson(const AttemptRecord& a);

// Retry every `interval` until 200, giving up `giveUpAfter` after the delivery was queued (hourly for 72 h).
struct RetryPolicy {
    EpochSeconds interval = 3600;
    EpochSeconds giveUpAfter = 72 * 3600;
};

// Not thread-safe: the owner serialises access. Finished deliveries beyond kKeptDeliveries are forgotten, oldest first.
class NotificationQueue {
public:
    explicit NotificationQueue(RetryPolicy policy = {}, std::size_t journalCapacity = 500)
        : policy_(policy), journalCapacity_(journalCapacity) {}

    std::uint64_t enqueue(Delivery draft, EpochSeconds now);
    // Pending deliveries whose next attempt is due at `now`, oldest first.
    std::vector<Delivery> due(EpochSeconds now) const;
    // Records an attempt's outcome: 200 delivers; anything else schedules the next try or abandons.
    // Returns the delivery's new state.
    DeliveryState recordAttempt(std::uint64_t id, AttemptRecord attempt);

    const std::deque<AttemptRecord>& journal() const { return journal_; }
    std::vector<Delivery> deliveries() const;
    void clearJournal() { journal_.clear(); }

    static constexpr std::size_t kKeptDeliveries = 1000;

private:
    RetryPolicy policy_;
    std::size_t journalCapacity_;
    std::map<std::uint64_t, Delivery> deliveries_;
    std::deque<AttemptRecord> journal_;
    std::uint64_t next_ = 1;
};

} // namespace gbc

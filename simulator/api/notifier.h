// Turns what happened (authorizations appearing, data becoming ready, revocations, collection requests) into
// UtilityAPI events, webhook deliveries and ESPI BatchList pushes, and sends what is due.
#pragma once

#include <condition_variable>
#include <string>
#include <thread>
#include <vector>

#include "api_state.h"

namespace gbc {

// Collects events made under one lock and queues one webhook delivery per registration when flushed.
class EventBatch {
public:
    explicit EventBatch(ApiState& state) : state_(state) {}
    // Adds an event (uid, delivery target filled in) for the client; returns its uid.
    std::string emit(const Client& client, ApiEvent draft);
    // Queues the webhook bodies. Call with state.mutex held.
    void flushLocked(EpochSeconds now);

private:
    ApiState& state_;
    std::vector<std::pair<const Client*, std::vector<ApiEvent>>> byClient_;
};

// Queues a BatchList POST to the client's notify URI (nothing when it has none). Call with state.mutex held.
// `subscriptionUid` marks the BatchList of an async Batch job (profile async_batch): delivering it releases the data.
void queueEspiPushLocked(ApiState& state, const Client& client, const std::vector<std::string>& resourcePaths,
                         EpochSeconds now, const std::string& subscriptionUid = "");

// Announces every lifecycle change the directory shows that was not announced yet. Call with state.mutex held.
void syncEventsLocked(ApiState& state, EpochSeconds now);

// One round: sync, then send every due delivery (without holding the lock during I/O). Serialised internally.
void pumpNotifications(ApiState& state);

// Background thread that runs pumpNotifications every `period` and whenever woken.
class NotificationPump {
public:
    NotificationPump(ApiState& state, std::chrono::milliseconds period);
    ~NotificationPump();
    NotificationPump(const NotificationPump&) = delete;
    NotificationPump& operator=(const NotificationPump&) = delete;
    void wake();

private:
    void run();

    ApiState& state_;
    std::chrono::milliseconds period_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stop_ = false;
    bool woken_ = false;
    std::thread thread_;
};

} // namespace gbc

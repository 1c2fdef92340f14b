// Sending due notifications: webhook signing at send time, the outbound POST outside the lock, and the pump thread.
#include "notifier.h"

#include "webhook_signing.h"

namespace gbc {

namespace {

const Client* clientById(const Catalogue& catalogue, const std::string& clientId)
{
    for (const Utility& u : catalogue.utilities)
        if (const Client* c = u.findClient(clientId))
            return c;
    return nullptr;
}

// Builds the POST for one attempt (a fresh salt per webhook attempt) and its journal entry.
OutboundRequest prepare(ApiState& state, const Delivery& d, AttemptRecord& attempt)
{
    OutboundRequest req;
    req.url = d.target;
    req.contentType = d.contentType;
    req.body = d.body;
    attempt.channel = d.channel;
    attempt.clientId = d.clientId;
    attempt.target = d.target;
    attempt.body = d.body;
    if (d.channel == Channel::Webhook) {
        const Client* client = clientById(state.ctx.catalogue, d.clientId);
        const std::string secret = client ? state.clients.webhookSecret(*client) : std::string();
        attempt.salt = newWebhookSalt();
        attempt.signature = webhookSignature(secret, attempt.salt, d.body);
        req.headers = webhookHeaders(secret, attempt.salt, d.body);
    }
    return req;
}

} // namespace

void pumpNotifications(ApiState& state)
{
    std::lock_guard round(state.pumpMutex);
    std::vector<Delivery> due;
    {
        std::lock_guard lock(state.mutex);
        syncEventsLocked(state, state.ctx.clock.now());
        due = state.queue.due(state.ctx.clock.now());
    }
    for (const Delivery& d : due) {
        AttemptRecord attempt;
        const OutboundRequest req = prepare(state, d, attempt);
        const OutboundResponse res = state.outbound->send(req);
        attempt.status = res.status;
        attempt.error = res.error;
        std::lock_guard lock(state.mutex);
        attempt.at = state.ctx.clock.now();
        const bool delivered = state.queue.recordAttempt(d.id, attempt) == DeliveryState::Delivered;
        if (delivered && d.channel == Channel::Webhook)
            state.events.markDelivered(d.eventUids);
        if (delivered && !d.subscriptionUid.empty()) // profile async_batch: the job's data may now be served
            state.ctx.profileState->markBatchDelivered(d.subscriptionUid);
    }
}

NotificationPump::NotificationPump(ApiState& state, std::chrono::milliseconds period)
    : state_(state), period_(period), thread_([this] { run(); })
{
}

NotificationPump::~NotificationPump()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void NotificationPump::wake()
{
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void NotificationPump::run()
{
    std::unique_lock lock(mutex_);
    while (!stop_) {
        cv_.wait_for(lock, period_, [this] { return stop_ || woken_; });
        if (stop_)
            break;
        woken_ = false;
        lock.unlock();
        try {
            pumpNotifications(state_);
        } catch (const std::exception&) {
            // A failing round (e.g. the OS random generator) is retried on the next tick.
        }
        lock.lock();
    }
}

} // namespace gbc

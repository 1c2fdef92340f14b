// Outbound notifications: queueing, due selection, retry schedule and the bounded journal.
#include "notification_queue.h"

#include "time_format.h"

namespace gbc {

const char* toString(Channel c) { return c == Channel::Webhook ? "webhook" : "espi_push"; }

const char* toString(DeliveryState s)
{
    switch (s) {
    case DeliveryState::Pending: return "pending";
    case DeliveryState::Delivered: return "delivered";
    case DeliveryState::Abandoned: return "abandoned";
    }
    return "pending";
}

nlohmann::json attemptJson(const AttemptRecord& a)
{
    nlohmann::json j = {
        {"delivery_id", a.deliveryId}, {"attempt", a.attempt},     {"ts", formatIsoMicros(a.at)},
        {"channel", toString(a.channel)}, {"client_id", a.clientId}, {"target", a.target},
        {"status", a.status},            {"error", a.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.error)},
        {"body", a.body},
    };
    if (a.channel == Channel::Webhook) {
        j["salt"] = a.salt;
        j["signature"] = a.signature;
    }
    return j;
}

std::uint64_t NotificationQueue::enqueue(Delivery draft, EpochSeconds now)
{
    draft.id = next_++;
    draft.createdAt = now;
    draft.nextAttemptAt = now;
    draft.attempts = 0;
    draft.state = DeliveryState::Pending;
    deliveries_[draft.id] = draft;
    // Keep every pending delivery, but only the newest finished ones.
    for (auto it = deliveries_.begin(); deliveries_.size() > kKeptDeliveries && it != deliveries_.end();)
        it = it->second.state == DeliveryState::Pending ? std::next(it) : deliveries_.erase(it);
    return draft.id;
}

std::vector<Delivery> NotificationQueue::due(EpochSeconds now) const
{
    std::vector<Delivery> out;
    for (const auto& [id, d] : deliveries_)
        if (d.state == DeliveryState::Pending && d.nextAttemptAt <= now)
            out.push_back(d);
    return out;
}

DeliveryState NotificationQueue::recordAttempt(std::uint64_t id, AttemptRecord attempt)
{
    auto it = deliveries_.find(id);
    if (it == deliveries_.end())
        return DeliveryState::Abandoned;
    Delivery& d = it->second;
    d.attempts += 1;
    attempt.deliveryId = id;
    attempt.attempt = d.attempts;
    if (attempt.status == 200) {
        d.state = DeliveryState::Delivered;
    } else {
        d.nextAttemptAt = attempt.at + policy_.interval;
        if (d.nextAttemptAt > d.createdAt + policy_.giveUpAfter)
            d.state = DeliveryState::Abandoned;
    }
    journal_.push_back(std::move(attempt));
    while (journal_.size() > journalCapacity_)
        journal_.pop_front();
    return d.state;
}

std::vector<Delivery> NotificationQueue::deliveries() const
{
    std::vector<Delivery> out;
    for (const auto& [id, d] : deliveries_)
        out.push_back(d);
    return out;
}

} // namespace gbc

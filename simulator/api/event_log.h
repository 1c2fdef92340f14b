// UtilityAPI events (pure): what happened to a third party's authorizations and meters, newest first, with delivery state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clock.h"

namespace gbc {

struct ApiEvent {
    std::string uid; // assigned by EventLog: "1", "2", ...
    std::string type; // authorization_created, meter_created, ...
    EpochSeconds ts = 0;
    std::string clientId;
    std::string authorizationUid, meterUid, formUid; // empty = not applicable
    std::string deliveryTarget; // webhook URL when the event was made; empty = none registered
    bool delivered = false;
};

// The event object of GET /api/v2/events and webhook bodies.
nlohmann::json eventJson(const ApiEvent& e);

// Not thread-safe: the owner serialises access. Keeps the newest `capacity` events.
class EventLog {
public:
    explicit EventLog(std::size_t capacity = 20000) : capacity_(capacity) {}

    const ApiEvent& add(ApiEvent draft);
    // The client's events, newest first.
    std::vector<ApiEvent> of(const std::string& clientId) const;
    std::optional<ApiEvent> find(const std::string& uid) const;
    void markDelivered(const std::vector<std::string>& uids);

private:
    std::vector<ApiEvent> events_; // oldest first
    std::uint64_t next_ = 1;
    std::size_t capacity_;
};

} // namespace gbc

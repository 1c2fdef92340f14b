// UtilityAPI events: storage, newest-first listing and their JSON form.
#include "event_log.h"

#include <algorithm>

#include "time_format.h"

namespace gbc {

nlohmann::json eventJson(const ApiEvent& e)
{
    nlohmann::json j = {
        {"uid", e.uid},
        {"type", e.type},
        {"ts", formatIsoMicros(e.ts)},
        {"delivery_method", e.deliveryTarget.empty() ? nlohmann::json(nullptr) : nlohmann::json("webhook")},
        {"delivery_target", e.deliveryTarget.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.deliveryTarget)},
        {"is_delivered", e.delivered},
    };
    if (!e.authorizationUid.empty())
        j["authorization_uid"] = e.authorizationUid;
    if (!e.meterUid.empty())
        j["meter_uid"] = e.meterUid;
    if (!e.formUid.empty())
        j["form_uid"] = e.formUid;
    return j;
}

const ApiEvent& EventLog::add(ApiEvent draft)
{
    draft.uid = std::to_string(next_++);
    if (events_.size() >= capacity_)
        events_.erase(events_.begin());
    events_.push_back(std::move(draft));
    return events_.back();
}

std::vector<ApiEvent> EventLog::of(const std::string& clientId) const
{
    std::vector<ApiEvent> out;
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
        if (it->clientId == clientId)
            out.push_back(*it);
    return out;
}

std::optional<ApiEvent> EventLog::find(const std::string& uid) const
{
    for (const ApiEvent& e : events_)
        if (e.uid == uid)
            return e;
    return std::nullopt;
}

void EventLog::markDelivered(const std::vector<std::string>& uids)
{
    for (ApiEvent& e : events_)
        if (std::find(uids.begin(), uids.end(), e.uid) != uids.end())
            e.delivered = true;
}

} // namespace gbc

// meters/historical-collection and meters/ongoing-monitoring: validate, record in MeterRuntime, announce.
#include "api_errors.h"
#include "list_query.h"
#include "meters_api.h"

namespace gbc {

namespace {

// The caller's meters named in the body: unknown or foreign uids are not_found; revoked/expired ones dropped.
Result<std::vector<MeterRef>> requestedMeters(ApiState& state, const ApiCaller& caller, const nlohmann::json& body)
{
    auto uids = bodyUidList(body, "meters");
    if (!uids)
        return uids.error();
    if (uids->empty())
        return notFound("meters", "the list of meters is empty");
    std::vector<MeterRef> kept;
    for (const std::string& uid : uids.value()) {
        auto own = ownMeter(state.ctx, caller, uid);
        if (!own)
            return own.error();
        if (visibleMeter(state, caller, uid))
            kept.push_back(own.value());
    }
    if (kept.empty())
        return expiredOrRevoked("meters", "every meter given belongs to an expired or revoked authorization");
    return kept;
}

Result<std::int64_t> optionalInt(const nlohmann::json& body, const std::string& key, std::int64_t lo, std::int64_t hi,
                                 std::int64_t fallback)
{
    if (!body.contains(key) || body.at(key).is_null())
        return fallback;
    const nlohmann::json& v = body.at(key);
    if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
        return invalidParam(key, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    return v.get<std::int64_t>();
}

Result<std::string> optionalChoice(const nlohmann::json& body, const std::string& key,
                                   const std::vector<std::string>& allowed, bool required)
{
    if (!body.contains(key) || body.at(key).is_null()) {
        if (required)
            return requiredParamMissing(key);
        return std::string();
    }
    const nlohmann::json& v = body.at(key);
    if (v.is_string())
        for (const std::string& a : allowed)
            if (v.get<std::string>() == a)
                return a;
    std::string list;
    for (const std::string& a : allowed)
        list += (list.empty() ? "" : ", ") + a;
    return invalidParam(key, "must be one of " + list);
}

nlohmann::json uidsOf(const std::vector<MeterRef>& meters)
{
    nlohmann::json out = nlohmann::json::array();
    for (const MeterRef& m : meters)
        out.push_back(m.uid());
    return out;
}

} // namespace

Result<nlohmann::json> historicalCollectionCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto body = parseJsonBody(req);
    if (!body)
        return body.error();
    auto duration = optionalInt(body.value(), "collection_duration", 1, 36, 12);
    if (!duration)
        return duration.error();
    auto meters = requestedMeters(state, caller, body.value());
    if (!meters)
        return meters.error();
    const EpochSeconds now = state.ctx.clock.now();
    std::lock_guard lock(state.mutex);
    EventBatch batch(state);
    for (const MeterRef& m : meters.value()) {
        MeterRuntime& rt = state.meters[m.uid()];
        const std::int64_t delay = m.plan.scenario ? m.plan.scenario->collectionDelaySeconds : 0;
        rt.collectionRequested = true;
        rt.collectionStartedAt = now;
        rt.collectionReadyAt = now + std::max<std::int64_t>(delay, 60);
        rt.collectionDuration = static_cast<int>(duration.value());
        rt.collectionAnnounced = false;
        batch.emit(*caller.client, ApiEvent{"", "meter_historical_collection_started", now, "", m.record().uid, m.uid(), "", "", false});
    }
    batch.flushLocked(now);
    return nlohmann::json{{"success", true}, {"meters", uidsOf(meters.value())}, {"collection_duration", duration.value()}};
}

Result<nlohmann::json> ongoingMonitoringCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto body = parseJsonBody(req);
    if (!body)
        return body.error();
    auto frequency = optionalChoice(body.value(), "frequency", {"daily", "weekly", "monthly", "off"}, true);
    if (!frequency)
        return frequency.error();
    auto prepay = optionalChoice(body.value(), "prepay", {"month_to_month", "prepay_yearly"}, false);
    if (!prepay)
        return prepay.error();
    auto day = optionalInt(body.value(), "fixed_refresh_day", 1, 31, 0);
    if (!day)
        return day.error();
    auto meters = requestedMeters(state, caller, body.value());
    if (!meters)
        return meters.error();
    std::lock_guard lock(state.mutex);
    for (const MeterRef& m : meters.value()) {
        MeterRuntime& rt = state.meters[m.uid()];
        rt.frequency = frequency.value();
        rt.prepay = prepay.value();
        rt.fixedRefreshDay = static_cast<int>(day.value());
    }
    return nlohmann::json{{"success", true}, {"meters", uidsOf(meters.value())}, {"frequency", frequency.value()}};
}

} // namespace gbc

// /api/v2/meters endpoints: visible meters, filters, and the collection/monitoring requests kept in MeterRuntime.
#include "meters_api.h"

#include <algorithm>

#include "api_errors.h"
#include "api_objects.h"
#include "authorizations_api.h"
#include "list_query.h"

namespace gbc {

std::vector<MeterRef> visibleMeters(ApiState& state, const ApiCaller& caller)
{
    std::vector<MeterRef> out;
    const EpochSeconds now = state.ctx.clock.now();
    for (const AuthorizationRecord& r : visibleAuthorizations(state, caller))
        if (r.active(now))
            for (MeterRef& m : metersOf(state.ctx, r))
                out.push_back(std::move(m));
    return out;
}

Result<MeterRef> visibleMeter(ApiState& state, const ApiCaller& caller, const std::string& uid)
{
    auto m = ownMeter(state.ctx, caller, uid);
    if (!m)
        return m;
    bool deleted = false;
    {
        std::lock_guard lock(state.mutex);
        deleted = state.deletedAuthorizations.count(m->record().uid) != 0;
    }
    if (deleted || !m->record().active(state.ctx.clock.now()))
        return notFound("meter " + uid, "no meter with this uid is visible to this API token");
    return m;
}

namespace {

nlohmann::json fullMeter(ApiState& state, const MeterRef& m, bool expand)
{
    MeterRuntime rt;
    bool has = false;
    {
        std::lock_guard lock(state.mutex);
        if (auto it = state.meters.find(m.uid()); it != state.meters.end()) {
            rt = it->second;
            has = true;
        }
    }
    return meterJson(m, has ? &rt : nullptr, state.ctx.clock.now(), expand);
}

struct MeterFilter {
    std::vector<std::string> uids, authorizations, users;
    std::string utility;
    std::optional<bool> activated, archived, monitored;
};

Result<MeterFilter> meterFilter(const SimContext& ctx, const HttpRequest& req)
{
    MeterFilter f;
    for (auto [name, target] : {std::pair{"uids", &f.uids}, {"authorizations", &f.authorizations}, {"users", &f.users}}) {
        auto l = parseUidList(req, name);
        if (!l)
            return l.error();
        *target = l.value();
    }
    for (auto [name, target] :
         {std::pair{"is_activated", &f.activated}, {"is_archived", &f.archived}, {"is_monitored", &f.monitored}}) {
        auto b = parseBoolFilter(req, name);
        if (!b)
            return b.error();
        *target = b.value();
    }
    if (auto u = req.param("utility")) {
        const Utility* found = ctx.catalogue.findUtility(*u);
        if (!found)
            return invalidParam("utility", "no utility with id '" + *u + "'");
        f.utility = found->id;
    }
    return f;
}

bool inList(const std::vector<std::string>& l, const std::string& v)
{
    return l.empty() || std::find(l.begin(), l.end(), v) != l.end();
}

} // namespace

Result<nlohmann::json> listMetersCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto f = meterFilter(state.ctx, req);
    if (!f)
        return f.error();
    auto expand = parseBoolFilter(req, "expand_meter_blocks");
    if (!expand)
        return expand.error();
    std::map<std::string, std::string> frequencies;
    {
        std::lock_guard lock(state.mutex);
        for (const auto& [uid, rt] : state.meters)
            frequencies[uid] = rt.frequency;
    }
    std::vector<nlohmann::json> skeletons;
    std::map<std::string, MeterRef> byUid;
    for (MeterRef& m : visibleMeters(state, caller)) {
        const bool monitored = frequencies.count(m.uid()) && frequencies[m.uid()] != "off";
        if (!inList(f->uids, m.uid()) || !inList(f->authorizations, m.record().uid) || !inList(f->users, m.record().clientId) ||
            (!f->utility.empty() && m.record().utilityId != f->utility) || (f->activated && !*f->activated) ||
            (f->archived && *f->archived) || (f->monitored && *f->monitored != monitored))
            continue;
        skeletons.push_back({{"uid", m.uid()}});
        byUid.emplace(m.uid(), std::move(m));
    }
    auto page = paginate(skeletons, req);
    if (!page)
        return page.error();
    for (nlohmann::json& item : page->items)
        item = fullMeter(state, byUid.at(item["uid"].get<std::string>()), expand.value().value_or(false));
    return pageBody("meters", std::move(page).value());
}

Result<nlohmann::json> getMeterCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto expand = parseBoolFilter(req, "expand_meter_blocks");
    if (!expand)
        return expand.error();
    auto m = visibleMeter(state, caller, req.pathMatches.at(1));
    if (!m)
        return m.error();
    return fullMeter(state, m.value(), expand.value().value_or(false));
}

std::vector<Route> meterRoutes(const ModulePtr& module)
{
    return {
        apiRoute("GET", "/api/v2/meters", module, listMetersCore),
        apiRoute("GET", "/api/v2/meters/([A-Za-z0-9_.-]+)", module, getMeterCore),
        apiRoute("POST", "/api/v2/meters/historical-collection", module, historicalCollectionCore),
        apiRoute("POST", "/api/v2/meters/ongoing-monitoring", module, ongoingMonitoringCore),
    };
}

} // namespace gbc

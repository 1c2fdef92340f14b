// /api/v2/authorizations endpoints: thin cores over the directory, filters and pagination.
#include "authorizations_api.h"

#include <algorithm>

#include "api_errors.h"
#include "api_objects.h"
#include "list_query.h"

namespace gbc {

std::vector<AuthorizationRecord> visibleAuthorizations(ApiState& state, const ApiCaller& caller)
{
    auto all = ownAuthorizations(state.ctx, caller);
    std::lock_guard lock(state.mutex);
    std::erase_if(all, [&](const AuthorizationRecord& r) { return state.deletedAuthorizations.count(r.uid) != 0; });
    return all;
}

Result<AuthorizationRecord> visibleAuthorization(ApiState& state, const ApiCaller& caller, const std::string& uid)
{
    auto r = ownAuthorization(state.ctx, caller, uid);
    if (!r)
        return r;
    std::lock_guard lock(state.mutex);
    if (state.deletedAuthorizations.count(uid))
        return notFound("authorization " + uid, "no authorization with this uid is visible to this API token");
    return r;
}

namespace {

struct ShowOptions {
    bool includeMeters = false;
    bool expand = false;
};

Result<ShowOptions> showOptions(const HttpRequest& req)
{
    ShowOptions o;
    if (auto inc = req.param("include")) {
        if (*inc != "meters")
            return invalidParam("include", "the only supported value is 'meters', got '" + *inc + "'");
        o.includeMeters = true;
    }
    auto expand = parseBoolFilter(req, "expand_meter_blocks");
    if (!expand)
        return expand.error();
    o.expand = expand.value().value_or(false);
    return o;
}

nlohmann::json fullAuthorization(ApiState& state, const AuthorizationRecord& r, const ShowOptions& o, EpochSeconds now)
{
    AuthorizationExtras extras;
    std::map<std::string, MeterRuntime> runtimes;
    {
        std::lock_guard lock(state.mutex);
        if (auto it = state.extras.find(r.uid); it != state.extras.end())
            extras = it->second;
        runtimes = state.meters;
    }
    nlohmann::json j = authorizationJson(state.ctx, r, extras, now);
    if (o.includeMeters) {
        nlohmann::json meters = nlohmann::json::array();
        if (!r.revokedAt)
            for (const MeterRef& m : metersOf(state.ctx, r)) {
                auto it = runtimes.find(m.uid());
                meters.push_back(meterJson(m, it == runtimes.end() ? nullptr : &it->second, now, o.expand));
            }
        j["meters"] = {{"meters", meters}, {"next", nullptr}};
    }
    return j;
}

bool contains(const std::vector<std::string>& list, const std::string& v)
{
    return std::find(list.begin(), list.end(), v) != list.end();
}

// Every filter of the list endpoint as one predicate; errors name the malformed parameter.
Result<std::function<bool(const AuthorizationRecord&)>> authorizationFilter(ApiState& state, const HttpRequest& req,
                                                                             EpochSeconds now)
{
    std::map<std::string, std::vector<std::string>> lists;
    for (const char* name : {"uids", "forms", "templates", "users", "referrals"}) {
        auto l = parseUidList(req, name);
        if (!l)
            return l.error();
        lists[name] = l.value();
    }
    std::map<std::string, std::optional<bool>> flags;
    for (const char* name : {"is_archived", "is_declined", "is_test", "is_revoked", "is_expired"}) {
        auto b = parseBoolFilter(req, name);
        if (!b)
            return b.error();
        flags[name] = b.value();
    }
    std::string utility;
    if (auto u = req.param("utility")) {
        const Utility* found = state.ctx.catalogue.findUtility(*u);
        if (!found)
            return invalidParam("utility", "no utility with id '" + *u + "'");
        utility = found->id;
    }
    std::map<std::string, AuthorizationExtras> extras;
    {
        std::lock_guard lock(state.mutex);
        extras = state.extras;
    }
    return std::function<bool(const AuthorizationRecord&)>([=](const AuthorizationRecord& r) {
        auto listOk = [&](const char* name, const std::string& value) {
            const auto& l = lists.at(name);
            return l.empty() || contains(l, value);
        };
        auto flagOk = [&](const char* name, bool value) {
            const auto& f = flags.at(name);
            return !f || *f == value;
        };
        auto ex = extras.find(r.uid);
        const std::string form = ex == extras.end() ? "" : ex->second.formUid;
        return listOk("uids", r.uid) && listOk("forms", form) && lists.at("templates").empty() &&
               listOk("users", r.clientId) && listOk("referrals", r.uid) && flagOk("is_archived", false) &&
               flagOk("is_declined", r.declinedAt.has_value()) && flagOk("is_test", r.isTest) &&
               flagOk("is_revoked", r.revokedAt.has_value()) && flagOk("is_expired", r.expires != 0 && now >= r.expires) &&
               (utility.empty() || r.utilityId == utility);
    });
}

} // namespace

Result<nlohmann::json> listAuthorizationsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    const EpochSeconds now = state.ctx.clock.now();
    auto options = showOptions(req);
    if (!options)
        return options.error();
    auto filter = authorizationFilter(state, req, now);
    if (!filter)
        return filter.error();
    std::map<std::string, AuthorizationRecord> byUid;
    std::vector<nlohmann::json> skeletons;
    for (const AuthorizationRecord& r : visibleAuthorizations(state, caller))
        if (filter.value()(r)) {
            skeletons.push_back({{"uid", r.uid}});
            byUid[r.uid] = r;
        }
    auto page = paginate(skeletons, req);
    if (!page)
        return page.error();
    for (nlohmann::json& item : page->items)
        item = fullAuthorization(state, byUid.at(item["uid"].get<std::string>()), options.value(), now);
    return pageBody("authorizations", std::move(page).value());
}

Result<nlohmann::json> getAuthorizationCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto options = showOptions(req);
    if (!options)
        return options.error();
    auto r = visibleAuthorization(state, caller, req.pathMatches.at(1));
    if (!r)
        return r.error();
    return fullAuthorization(state, r.value(), options.value(), state.ctx.clock.now());
}

Result<nlohmann::json> revokeAuthorizationCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto r = visibleAuthorization(state, caller, req.pathMatches.at(1));
    if (!r)
        return r.error();
    const EpochSeconds now = state.ctx.clock.now();
    auto revoked = state.ctx.directory.revokeAuthorization(r->uid, now);
    if (!revoked)
        return notFound("authorization " + r->uid, "no authorization with this uid is visible to this API token");
    {
        std::lock_guard lock(state.mutex);
        for (const MeterRef& m : metersOf(state.ctx, *revoked))
            state.odr.forget(m.uid());
        syncEventsLocked(state, now);
    }
    return fullAuthorization(state, *revoked, ShowOptions{}, now);
}

Result<nlohmann::json> deleteAuthorizationCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto r = visibleAuthorization(state, caller, req.pathMatches.at(1));
    if (!r)
        return r.error();
    if (!r->isTest)
        return Error{api_error::kForbidden, "authorization " + r->uid,
                     "only test authorizations can be deleted; revoke this one with POST .../revoke"};
    const EpochSeconds now = state.ctx.clock.now();
    state.ctx.directory.revokeAuthorization(r->uid, now);
    std::lock_guard lock(state.mutex);
    syncEventsLocked(state, now);
    state.deletedAuthorizations.insert(r->uid);
    return nlohmann::json{{"success", true}};
}

std::vector<Route> authorizationRoutes(const ModulePtr& module)
{
    const std::string one = "/api/v2/authorizations/([A-Za-z0-9_.-]+)";
    return {
        apiRoute("GET", "/api/v2/authorizations", module, listAuthorizationsCore),
        apiRoute("GET", one, module, getAuthorizationCore),
        apiRoute("POST", one + "/revoke", module, revokeAuthorizationCore),
        apiRoute("DELETE", one, module, deleteAuthorizationCore),
    };
}

} // namespace gbc

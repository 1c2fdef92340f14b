// /api/v2/events: the caller's events, newest first.
#include "events_api.h"

#include "api_errors.h"
#include "list_query.h"

namespace gbc {

Result<nlohmann::json> listEventsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto delivered = parseBoolFilter(req, "is_delivered");
    if (!delivered)
        return delivered.error();
    std::vector<ApiEvent> events;
    {
        std::lock_guard lock(state.mutex);
        events = state.events.of(caller.client->clientId);
    }
    std::vector<nlohmann::json> items;
    for (const ApiEvent& e : events)
        if (!delivered.value() || *delivered.value() == e.delivered)
            items.push_back(eventJson(e));
    auto page = paginate(items, req);
    if (!page)
        return page.error();
    return pageBody("events", std::move(page).value());
}

Result<nlohmann::json> getEventCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    const std::string uid = req.pathMatches.at(1);
    std::lock_guard lock(state.mutex);
    auto e = state.events.find(uid);
    if (!e || e->clientId != caller.client->clientId)
        return notFound("event " + uid, "no event with this uid is visible to this API token");
    return eventJson(*e);
}

std::vector<Route> eventRoutes(const ModulePtr& module)
{
    return {
        apiRoute("GET", "/api/v2/events", module, listEventsCore),
        apiRoute("GET", "/api/v2/events/([0-9]+)", module, getEventCore),
    };
}

} // namespace gbc

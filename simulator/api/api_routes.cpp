// Assembles the module: one shared state and pump, then the routes of every endpoint family.
#include "api_routes.h"

#include "api_module.h"
#include "authorizations_api.h"
#include "demo_routes.h"
#include "events_api.h"
#include "forms_api.h"
#include "meters_api.h"
#include "odr_api.h"
#include "profile_routes.h"
#include "proxy_routes.h"
#include "usage_api.h"

namespace gbc {

std::vector<Route> apiRoutes(SimContext& ctx) { return apiRoutesWith(ctx, ApiOptions{}); }

std::vector<Route> apiRoutesWith(SimContext& ctx, const ApiOptions& options)
{
    auto module = std::make_shared<ApiModule>();
    module->state = std::make_shared<ApiState>(ctx, options.outbound ? options.outbound : makeHttplibOutbound());
    if (options.backgroundPump)
        module->pump = std::make_unique<NotificationPump>(*module->state, options.pumpPeriod);
    // Profile async_batch: the ESPI Batch handler starts a notification round (notify_before_202) or wakes the pump.
    std::weak_ptr<ApiModule> weak = module;
    ctx.profileState->deliverNow = [weak] {
        if (auto m = weak.lock())
            pumpNotifications(*m->state);
    };
    ctx.profileState->wakePump = [weak] {
        if (auto m = weak.lock())
            m->wake();
    };
    std::vector<Route> routes;
    for (auto family : {odrRoutes, authorizationRoutes, meterRoutes, usageRoutes, formRoutes, eventRoutes, adminRoutes, profileRoutes, proxyRoutes, demoRoutes})
        for (Route& r : family(module))
            routes.push_back(std::move(r));
    return routes;
}

} // namespace gbc

// UtilityAPI JSON API, On-Demand Read, proxy and demo-site routes offered to the simulator's HTTP server.
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "http_types.h"
#include "outbound_http.h"
#include "sim_context.h"

namespace gbc {

struct ApiOptions {
    std::shared_ptr<OutboundHttp> outbound;           // null: cpp-httplib client (3 s timeouts)
    bool backgroundPump = true;                       // deliver notifications from a background thread
    std::chrono::milliseconds pumpPeriod{200};        // how often it looks at the clock
};

// Every route of the module. They share one state (ODR reads, events, deliveries, overrides) that lives as long
// as any returned route. `ctx` must outlive the routes.
std::vector<Route> apiRoutes(SimContext& ctx);
std::vector<Route> apiRoutesWith(SimContext& ctx, const ApiOptions& options);

} // namespace gbc

// ESPI resource API routes (/DataCustodian/espi/1_1/resource/...) offered to the simulator's HTTP server.
#pragma once

#include <vector>

#include "http_types.h"
#include "sim_context.h"

namespace gbc {

// GET/POST/PUT/DELETE on /DataCustodian/espi/1_1/resource/.* (non-GET answers 405). ctx must outlive the routes.
std::vector<Route> espiRoutes(SimContext& ctx);

// The whole ESPI API as one pure function (what every route calls).
HttpAnswer handleEspi(SimContext& ctx, const HttpRequest& req);

} // namespace gbc

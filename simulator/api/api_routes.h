// UtilityAPI JSON API, On-Demand Read, proxy and demo-site routes offered to the simulator's HTTP server.
#pragma once

#include <vector>

#include "http_types.h"
#include "sim_context.h"

namespace gbc {

std::vector<Route> apiRoutes(SimContext& ctx);

} // namespace gbc

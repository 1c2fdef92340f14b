// ESPI resource API routes (/DataCustodian/espi/1_1/resource/...) offered to the simulator's HTTP server.
#pragma once

#include <vector>

#include "http_types.h"
#include "sim_context.h"

namespace gbc {

std::vector<Route> espiRoutes(SimContext& ctx);

} // namespace gbc

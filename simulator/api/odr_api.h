// On-Demand Read endpoint: GET|POST /api/<utility>/odr?meter=<uid>.
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

// The ODR core: starts or reuses the meter's read and answers its state. Exposed for unit tests.
Result<nlohmann::json> odrCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);

std::vector<Route> odrRoutes(const ModulePtr& module);

} // namespace gbc

// /api/v2/events (list with is_delivered/after/limit, get one) and the /__sim/ admin routes of this module:
// registration mode and notification targets, the delivery journal, flush and ping.
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

Result<nlohmann::json> listEventsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> getEventCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);

std::vector<Route> eventRoutes(const ModulePtr& module);
std::vector<Route> adminRoutes(const ModulePtr& module);

} // namespace gbc

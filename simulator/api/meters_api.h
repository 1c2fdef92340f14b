// /api/v2/meters: list with filters, get (expand_meter_blocks), historical-collection and ongoing-monitoring.
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

// The caller's meters of active (not revoked, not deleted) authorizations, newest authorization first.
std::vector<MeterRef> visibleMeters(ApiState& state, const ApiCaller& caller);
// One visible meter; not_found for unknown, foreign, revoked or deleted ones.
Result<MeterRef> visibleMeter(ApiState& state, const ApiCaller& caller, const std::string& uid);

Result<nlohmann::json> listMetersCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> getMeterCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> historicalCollectionCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> ongoingMonitoringCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);

std::vector<Route> meterRoutes(const ModulePtr& module);

} // namespace gbc

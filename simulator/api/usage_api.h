// /api/v2/bills, /api/v2/intervals, /api/v2/accounting/billing-accounts and /api/v2/files (bill PDFs refused).
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

Result<nlohmann::json> listBillsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> listIntervalsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> listBillingAccountsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> getBillingAccountCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> filesCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);

std::vector<Route> usageRoutes(const ModulePtr& module);

} // namespace gbc

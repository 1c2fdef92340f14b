// /api/v2/forms: each registration has one fixed form, "form-<clientId>"; test-submit creates test authorizations.
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

Result<nlohmann::json> listFormsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> getFormCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
// Body {"utility": "EPE" (optional), "scenario": "residential" | "commercial" | "badlogin" | ...}.
Result<nlohmann::json> testSubmitCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);

std::vector<Route> formRoutes(const ModulePtr& module);

} // namespace gbc

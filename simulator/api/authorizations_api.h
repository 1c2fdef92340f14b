// /api/v2/authorizations: list with filters, get (include=meters, expand_meter_blocks), revoke, delete (test only).
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

Result<nlohmann::json> listAuthorizationsCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> getAuthorizationCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> revokeAuthorizationCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);
Result<nlohmann::json> deleteAuthorizationCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req);

// The caller's visible authorizations (deleted test ones left out), newest first.
std::vector<AuthorizationRecord> visibleAuthorizations(ApiState& state, const ApiCaller& caller);
// The caller's authorization `uid` unless deleted; not_found otherwise.
Result<AuthorizationRecord> visibleAuthorization(ApiState& state, const ApiCaller& caller, const std::string& uid);

std::vector<Route> authorizationRoutes(const ModulePtr& module);

} // namespace gbc

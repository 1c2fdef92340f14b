// Who is calling the JSON API (API token -> registration) and which authorizations and meters that caller may see.
#pragma once

#include <string>
#include <vector>

#include "authorization_directory.h"
#include "http_types.h"
#include "result.h"
#include "sim_context.h"
#include "usage_model.h"

namespace gbc {

// The third-party registration behind an API token.
struct ApiCaller {
    const Utility* utility = nullptr;
    const Client* client = nullptr;
};

// Bearer header or ?access_token=. Errors: missing_token / invalid_token (401), never naming the token.
Result<ApiCaller> authenticate(const SimContext& ctx, const HttpRequest& req);

// An authorization of this caller; another registration's or an unknown uid is the same not_found (404).
Result<AuthorizationRecord> ownAuthorization(const SimContext& ctx, const ApiCaller& caller, const std::string& uid);
// The caller's authorizations, newest first.
std::vector<AuthorizationRecord> ownAuthorizations(const SimContext& ctx, const ApiCaller& caller);

// One meter (= one shared service of one authorization, uid = UsagePoint id) with its generated plan.
struct MeterRef {
    SubscriptionPlan plan;
    const ServicePlan* service = nullptr; // points into plan.services

    MeterRef() = default;
    MeterRef(const MeterRef& o) { *this = o; }
    MeterRef& operator=(const MeterRef& o);
    const std::string& uid() const { return service->usagePointId; }
    const AuthorizationRecord& record() const { return plan.record; }
};

// The caller's meter `uid`; not_found (404) for unknown, malformed or foreign uids.
Result<MeterRef> ownMeter(const SimContext& ctx, const ApiCaller& caller, const std::string& uid);
// Every meter of one authorization, in service order.
std::vector<MeterRef> metersOf(const SimContext& ctx, const AuthorizationRecord& record);

} // namespace gbc

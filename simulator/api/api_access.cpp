// JSON API access: token resolution and ownership checks that never reveal another registration's objects.
#include "api_access.h"

#include "api_errors.h"
#include "espi_ids.h"
#include "profile_notices.h"

namespace gbc {

Result<ApiCaller> authenticate(const SimContext& ctx, const HttpRequest& req)
{
    std::string token = req.bearerToken();
    if (token.empty())
        token = req.param("access_token").value_or("");
    if (token.empty())
        return Error{api_error::kMissingToken, "Authorization",
                     "send the API token as 'Authorization: Bearer <token>' or ?access_token=<token>"};
    const auto info = ctx.directory.resolveToken(token);
    if (!info || info->tokenClass != TokenClass::ApiToken)
        return Error{api_error::kInvalidToken, "Authorization", "the token is not a valid UtilityAPI API token"};
    if (!info->usable(ctx.clock.now()))
        return Error{api_error::kInvalidToken, "Authorization", "the API token has expired or was revoked"};
    ApiCaller caller;
    caller.utility = ctx.catalogue.findUtility(info->utilityId);
    caller.client = caller.utility ? caller.utility->findClient(info->clientId) : nullptr;
    if (!caller.client)
        return Error{api_error::kInvalidToken, "Authorization", "the API token names no registration"};
    return caller;
}

Result<AuthorizationRecord> ownAuthorization(const SimContext& ctx, const ApiCaller& caller, const std::string& uid)
{
    auto record = ctx.directory.findAuthorization(uid);
    if (!record || record->clientId != caller.client->clientId)
        return notFound("authorization " + uid, "no authorization with this uid is visible to this API token");
    return *record;
}

std::vector<AuthorizationRecord> ownAuthorizations(const SimContext& ctx, const ApiCaller& caller)
{
    return ctx.directory.authorizationsOf(caller.client->clientId);
}

MeterRef& MeterRef::operator=(const MeterRef& o)
{
    if (this == &o)
        return *this;
    plan = o.plan;
    service = o.service ? plan.findByIndex(o.service->index) : nullptr;
    return *this;
}

Result<MeterRef> ownMeter(const SimContext& ctx, const ApiCaller& caller, const std::string& uid)
{
    const Error missing = notFound("meter " + uid, "no meter with this uid is visible to this API token");
    if (!isSafeId(uid))
        return missing;
    auto key = parseUsagePointId(uid);
    if (!key)
        return missing;
    auto record = ownAuthorization(ctx, caller, key->subscriptionId);
    if (!record || ctx.clock.now() < metersAttachedAt(ctx, *record))
        return missing;
    auto plan = planSubscription(ctx, record.value());
    if (!plan)
        return missing;
    MeterRef ref;
    ref.plan = std::move(plan.value());
    ref.service = ref.plan.findByUsagePoint(uid);
    if (!ref.service)
        return missing;
    return ref;
}

std::vector<MeterRef> metersOf(const SimContext& ctx, const AuthorizationRecord& record)
{
    std::vector<MeterRef> out;
    if (ctx.clock.now() < metersAttachedAt(ctx, record)) // profile meters_attached_late
        return out;
    auto plan = planSubscription(ctx, record);
    if (!plan)
        return out;
    for (const ServicePlan& s : plan->services) {
        MeterRef ref;
        ref.plan = plan.value();
        ref.service = ref.plan.findByIndex(s.index);
        out.push_back(std::move(ref));
    }
    return out;
}

} // namespace gbc

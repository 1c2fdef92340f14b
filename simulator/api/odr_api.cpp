// On-Demand Read endpoint: utility and meter checks, then the read's lifecycle from the OdrBook.
#include "odr_api.h"

#include "api_errors.h"
#include "odr_data.h"

namespace gbc {

namespace {

Result<const Utility*> odrUtility(const SimContext& ctx, const HttpRequest& req)
{
    const std::string name = req.pathMatches.size() > 1 ? req.pathMatches[1] : "";
    const Utility* utility = ctx.catalogue.findUtility(name);
    if (!utility)
        return notFound("utility " + name, "no utility with this id");
    if (!utility->odr)
        return notFound("utility " + utility->id, "On-Demand Read is not offered by " + utility->name);
    return utility;
}

} // namespace

Result<nlohmann::json> odrCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto utility = odrUtility(state.ctx, req);
    if (!utility)
        return utility.error();
    const auto meterUid = req.param("meter");
    if (!meterUid)
        return requiredParamMissing("meter");
    if (meterUid->empty())
        return invalidParam("meter", "must be a meter uid");
    auto meter = ownMeter(state.ctx, caller, *meterUid);
    if (!meter || meter->plan.utility != utility.value())
        return notFound("meter " + *meterUid, "no " + utility.value()->id + " meter with this uid is visible to this API token");
    const EpochSeconds now = state.ctx.clock.now();
    if (!meter->record().active(now))
        return expiredOrRevoked("meter " + *meterUid, "the authorization of this meter has expired or was revoked");
    if (meter->service->service->kind != ServiceKind::Electric)
        return invalidParam("meter", "On-Demand Read reads electric smart meters; meter " + *meterUid + " is " +
                                         toString(meter->service->service->kind));
    const OdrTiming timing = meter->plan.scenario ? meter->plan.scenario->odr : OdrTiming{};
    OdrOutcome outcome;
    {
        std::lock_guard lock(state.mutex);
        outcome = state.odr.request(*meterUid, timing, now, state.ctx.defect("odr_ignores_ttl"));
    }
    if (!outcome.started && state.ctx.variation(Variation::OdrRepeat429)) { // one read per ttl window
        const std::int64_t ttl = viewAt(outcome.read, now).ttlSeconds;
        return rateLimited(ttl > 0 ? ttl : 1, "meter " + *meterUid + " was read " + std::to_string(now - outcome.read.started) +
                                              " s ago; its result stays valid for its ttl, retry after it");
    }
    return odrAnswer(meter.value(), outcome.read, now);
}

std::vector<Route> odrRoutes(const ModulePtr& module)
{
    const std::string pattern = "/api/([A-Za-z0-9_-]+)/odr";
    return {apiRoute("GET", pattern, module, odrCore), apiRoute("POST", pattern, module, odrCore)};
}

} // namespace gbc

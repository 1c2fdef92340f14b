// The authenticated-route wrapper shared by every /api/ endpoint.
#include "api_module.h"

#include "api_errors.h"
#include "local_offsets.h"

namespace gbc {

void ApiModule::observe(const HttpRequest& req)
{
    std::lock_guard lock(state->mutex);
    if (!req.host.empty())
        state->lastOrigin = req.origin();
    syncEventsLocked(*state, state->ctx.clock.now());
}

Route apiRoute(const std::string& method, const std::string& pattern, const ModulePtr& module, ApiCore core)
{
    return Route{method, pattern, [module, core, method](const HttpRequest& req) {
                     ApiState& state = *module->state;
                     auto caller = authenticate(state.ctx, req);
                     if (!caller)
                         return errorAnswer(caller.error(), state.ctx);
                     if (std::optional<ApiFault> fault = state.faults.take(caller->client->clientId, req.path))
                         return faultAnswer(*fault); // scripted through /__sim/clients/{id}/api-faults
                     module->observe(req);
                     Result<nlohmann::json> body = core(state, caller.value(), req);
                     if (method != "GET")
                         module->wake();
                     return body ? jsonAnswer(withLocalOffsets(state.ctx, std::move(body.value()), req.path)) : errorAnswer(body.error(), state.ctx);
                 }};
}

} // namespace gbc

// Authorizations made by the JSON API test-submit and the Green Button proxy form.
#include "grants.h"

#include "notifier.h"
#include "scope.h"

namespace gbc {

const Client* findClientById(const Catalogue& catalogue, const std::string& clientId, const Utility** utility)
{
    for (const Utility& u : catalogue.utilities)
        if (const Client* c = u.findClient(clientId)) {
            if (utility)
                *utility = &u;
            return c;
        }
    return nullptr;
}

bool modeAllows(const ApiState& state, const Client& client, const Customer& customer)
{
    return customer.test || state.clients.mode(client) == ClientMode::Live;
}

AuthorizationRecord grantAuthorization(ApiState& state, const Utility& utility, const Client& client,
                                       const Customer& customer, const std::vector<std::size_t>& sharedServices,
                                       const AuthorizationExtras& extras)
{
    const EpochSeconds now = state.ctx.clock.now();
    const Scenario* scenario = state.ctx.catalogue.findScenario(extras.scenario.empty() ? customer.scenario : extras.scenario);
    AuthorizationRecord draft;
    draft.utilityId = utility.id;
    draft.clientId = client.clientId;
    draft.customerId = customer.id;
    draft.scope = kApiGrantScope;
    auto scope = parseScope(draft.scope);
    if (scope) {
        draft.functionBlocks = scope->functionBlocks;
        draft.historyLengthSeconds = scope->historyLengthOrDefault();
    }
    draft.sharedServices = sharedServices;
    draft.created = now;
    draft.expires = now + 3 * 365 * 86400;
    draft.dataReadyAt = now + (scenario ? scenario->collectionDelaySeconds : 0);
    draft.collectionError = scenario ? scenario->collectionError : "";
    draft.isTest = customer.test;
    const AuthorizationRecord record = state.ctx.directory.createAuthorization(draft);
    std::lock_guard lock(state.mutex);
    state.extras[record.uid] = extras;
    syncEventsLocked(state, now);
    return record;
}

} // namespace gbc

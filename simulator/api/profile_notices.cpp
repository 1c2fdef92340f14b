// Async Batch jobs and scheduled revocations for the custodian profiles, run inside a notification round.
#include "profile_notices.h"

#include "grants.h"
#include "notifier.h"
#include "usage_model.h"

namespace gbc {

void startAsyncBatchJobsLocked(ApiState& state, EpochSeconds now)
{
    for (const std::string& uid : state.ctx.profileState->takeBatchRequests()) {
        const auto record = state.ctx.directory.findAuthorization(uid);
        const Client* client = record ? findClientById(state.ctx.catalogue, record->clientId) : nullptr;
        if (!client || !record->active(now) || record->collectionFailed(now))
            continue;
        if (now < record->dataReadyAt) { // the job runs once the data is collected
            state.ctx.profileState->requestBatch(uid);
            continue;
        }
        WatchEntry& w = state.watch[uid];
        if (w.asyncBatchQueued)
            continue;
        const auto plan = planSubscription(state.ctx, *record);
        if (!plan)
            continue;
        std::vector<std::string> paths;
        for (const ServicePlan& s : plan->services)
            paths.push_back("Batch/Subscription/" + uid + "/UsagePoint/" + s.usagePointId);
        w.asyncBatchQueued = !state.clients.notifyUri(*client).empty();
        queueEspiPushLocked(state, *client, paths, now, uid);
    }
}

AuthorizationRecord applyCustomerRevocation(ApiState& state, AuthorizationRecord record, EpochSeconds now)
{
    const EpochSeconds at = record.created + kShortAuthorizationSeconds;
    if (!state.ctx.behaviourFor(record.clientId, ProfileBehaviour::CustomerRevokes) || !record.active(now) || now < at)
        return record;
    auto revoked = state.ctx.directory.revokeAuthorization(record.uid, at);
    return revoked ? *revoked : record;
}

EpochSeconds metersAttachedAt(const SimContext& ctx, const AuthorizationRecord& record)
{
    return ctx.behaviourFor(record.clientId, ProfileBehaviour::MetersAttachedLate) ? record.created + kProfileDelaySeconds
                                                                                   : record.created;
}

} // namespace gbc

// Notification side of the custodian profiles: async Batch jobs (BatchList naming the UsagePoints) and
// customers revoking on schedule.
#pragma once

#include "api_state.h"

namespace gbc {

// Profile async_batch: queues one BatchList per requested subscription whose data is ready, naming
// Batch/Subscription/{id}/UsagePoint/{up} for each shared service. Call with state.mutex held.
void startAsyncBatchJobsLocked(ApiState& state, EpochSeconds now);

// Profile customer_revokes: the record as it is after the customer's scheduled revocation (applied to the directory).
AuthorizationRecord applyCustomerRevocation(ApiState& state, AuthorizationRecord record, EpochSeconds now);

// When the authorization's meters become visible on the JSON API (profile meters_attached_late delays them).
EpochSeconds metersAttachedAt(const SimContext& ctx, const AuthorizationRecord& record);

} // namespace gbc

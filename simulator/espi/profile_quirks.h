// ESPI side of the custodian profiles: query refusals and rewrites, the async Batch job, empty first fetches.
#pragma once

#include <optional>

#include "authorization_directory.h"
#include "espi_target.h"
#include "http_types.h"
#include "sim_context.h"

namespace gbc {

// Profiles subsecond_timestamps_400 and future_published_max_400: a bare 400 (text/plain "Bad Request", no
// error document), as those custodians answer.
std::optional<HttpAnswer> queryRefusal(const SimContext& ctx, const HttpRequest& req, EpochSeconds now);

// Profile published_min_day_ceiling: the request with published-min rounded up to the next UTC midnight;
// nullopt when nothing changes.
std::optional<HttpRequest> queryRewrite(const SimContext& ctx, const HttpRequest& req);

// Profile async_batch, for a request the usage handler has authorized: 404 for the Subscription listings, 202 +
// Retry-After (starting the job, and with notify_before_202 delivering its BatchList first) until the BatchList
// of `record` was delivered; nullopt serves the request.
std::optional<HttpAnswer> asyncBatchAnswer(const SimContext& ctx, const EspiTarget& target,
                                           const AuthorizationRecord& record, EpochSeconds now);

// Profile empty_first_fetch: usage feeds are empty this soon after the grant.
bool emptyFirstFetch(const SimContext& ctx, const AuthorizationRecord& record, EpochSeconds now);

} // namespace gbc

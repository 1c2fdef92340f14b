// The authorize endpoint: request validation (RFC 6749 §4.1.1, RFC 7636) and the entry to the session pages.
#pragma once

#include "catalogue.h"
#include "http_types.h"
#include "sim_context.h"
#include "sim_store.h"

namespace gbc {

// The scope granted when the authorize request names none (the client's registered default, RFC 6749 §3.3).
inline constexpr const char* kDefaultScope = "FB=4_16_51;HistoryLength=34128000";

// GET: unknown client_id (401) or an unregistered redirect_uri (400) get an error page and never a redirect;
// other problems redirect with error=invalid_request | unsupported_response_type | invalid_scope and state.
// A valid request starts a session and answers its first page.
HttpAnswer handleAuthorizeGet(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req);

// POST: the session's forms (hidden field flow = session id).
HttpAnswer handleAuthorizePost(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req);

} // namespace gbc

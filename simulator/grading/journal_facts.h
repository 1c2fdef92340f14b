// Turns one answered request into a redacted journal entry carrying the facts the client checks read.
#pragma once

#include "client_journal.h"
#include "http_types.h"
#include "outbound_http.h"
#include "sim_context.h"

namespace gbc {

// Kind, method, path, masked query and headers, status, both clocks, token fingerprint and facts:
//   authorize: state, state_sent, redirect_uri, redirect_sent, ccm (code_challenge_method), cc (yes|no)
//   token:     grant, auth (basic|form|both|none), code, redirect_uri, redirect_sent, verifier, error,
//              issued.access, issued.refresh, expires_in
//   espi/api/odr: refused (401), min (published-min/updated-min sent), retry_after (seconds), next (JSON list
//              answers: path?query of the next page or ""), ready (intervals/bills: collection finished),
//              odr.status, odr.ttl
JournalEntry describeRequest(const SimContext& ctx, const HttpRequest& req, const HttpAnswer& answer);

// An outbound delivery: kind notification (resources = the BatchList's resource paths) or webhook.
JournalEntry describeDelivery(const SimContext& ctx, EntryKind kind, const OutboundRequest& req,
                              const OutboundResponse& res);

// The kind a path belongs to (Other for pages and admin routes).
EntryKind kindOfPath(const std::string& method, const std::string& path);

// "/p?q" of an absolute URL (origin dropped); the text itself when it has no scheme.
std::string pathOfUrl(const std::string& url);

} // namespace gbc

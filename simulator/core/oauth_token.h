// The token endpoint (RFC 6749 §4.1.3, §6, §4.4 with RFC 7636) and the revocation endpoint (RFC 7009).
#pragma once

#include "catalogue.h"
#include "http_types.h"
#include "sim_context.h"
#include "sim_store.h"

namespace gbc {

// The scope a client_credentials token gets when the request names none.
inline constexpr const char* kDefaultClientScope = "FB=1_3_14_32";

// POST token: grants authorization_code, refresh_token, client_credentials. Success is the UtilityAPI token JSON
// (token_type, access_token, refresh_token, expires_in, scope, resourceURI, authorizationURI, customerResourceURI);
// errors are RFC 6749 §5.2 JSON with Cache-Control: no-store (invalid_client: 401 + WWW-Authenticate).
// Links (utilityapi.md §3): resourceURI = {origin}/DataCustodian/espi/1_1/resource/Subscription/{uid} WITHOUT
// Batch/ (clients build Batch/Subscription/{uid} themselves), authorizationURI = .../Authorization/{uid},
// customerResourceURI = .../RetailCustomer/{uid} only when FB 51 is granted. client_credentials:
// resourceURI = .../Bulk/{clientBulkId}, authorizationURI = .../Authorization/{clientBulkId}, no refresh_token.
HttpAnswer handleToken(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req);

// POST revoke: token (+ token_type_hint, ignored); 200 with an empty body for known and unknown tokens alike.
HttpAnswer handleRevoke(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req);

// The origin for absolute resource links: ctx.publicBaseUrl when the request came in through a utility host
// name and that is set, else the request's own origin.
std::string resourceOrigin(const SimContext& ctx, const HttpRequest& req);

} // namespace gbc

// Token classes on the ESPI API: who may read what (utilityapi.md section 4, espi.md section 1), as pure checks.
#pragma once

#include <string>

#include "authorization_directory.h"
#include "http_types.h"
#include "result.h"
#include "sim_context.h"

namespace gbc {

// Error codes used by the ESPI handlers; espiErrorAnswer() maps them to HTTP statuses.
inline constexpr const char* kUnauthorized = "espi.unauthorized"; // 401
inline constexpr const char* kForbidden = "espi.forbidden";       // 403
inline constexpr const char* kNotFound = "espi.not_found";        // 404
inline constexpr const char* kBadRequest = "espi.bad_request";    // 400
inline constexpr const char* kNotAllowed = "espi.method";         // 405

// The caller's token: missing, unknown, expired or revoked -> espi.unauthorized.
Result<TokenInfo> authenticateEspi(const SimContext& ctx, const HttpRequest& req);

// True for the client access token and the UtilityAPI JSON API token (which UtilityAPI also accepts on ESPI).
bool actsAsClient(const TokenInfo& t);

// May this token read the usage data of subscription `sub`?
// - customer access token: only its own subscription (another -> 403, whether or not it exists);
// - JSON API token: subscriptions granted to its client;
// - client access token: never (403), unless `acceptClientToken` (defect wrong_token_class_accepted);
// - registration token: never (403).
// A revoked, declined or expired authorization answers 401 to its customer token and 403 to others.
Result<AuthorizationRecord> subscriptionAccess(const SimContext& ctx, const TokenInfo& token, const std::string& sub,
                                               bool acceptClientToken);

// A plain-text (not Atom) error answer with the status of the error code; 401 carries WWW-Authenticate.
HttpAnswer espiErrorAnswer(const Error& e);

} // namespace gbc

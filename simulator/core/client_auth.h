// Client authentication at the token and revoke endpoints (RFC 6749 §2.3.1): HTTP Basic or form fields, not both.
#pragma once

#include <string>

#include "catalogue.h"
#include "http_types.h"
#include "result.h"

namespace gbc {

// The authenticated client, or an Error whose code is the OAuth error: "invalid_request" (both methods at once,
// malformed header) or "invalid_client" (none, unknown client, wrong secret). Secrets compare in constant time.
Result<const Client*> authenticateClient(const Utility& utility, const HttpRequest& req);

// Strict standard base64 (with padding); nullopt on any other character or bad length.
std::optional<std::string> decodeBase64(const std::string& text);
// base64url without padding (RFC 7636 S256 challenges).
std::string encodeBase64Url(const std::string& bytes);

} // namespace gbc

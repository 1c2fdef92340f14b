// One stderr line per request, with every secret-bearing parameter redacted.
#pragma once

#include <string>

namespace gbc {

// "GET /path?client_id=X&code=1a2b3c… 302": values of code, access_token, refresh_token, token, client_secret,
// password, otp, code_verifier and registration/api tokens are cut to their first characters.
std::string logLine(const std::string& remote, const std::string& method, const std::string& target, int status);

// The target with secret parameter values redacted (also used for Location headers in debugging output).
std::string redactTarget(const std::string& target);

} // namespace gbc

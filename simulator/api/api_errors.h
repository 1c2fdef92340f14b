// JSON API answers: the {error, error_description, url} body, its HTTP status, and 4-space JSON success bodies.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "http_types.h"
#include "result.h"
#include "sim_context.h"

namespace gbc {

// Error codes used by the JSON API (Error::code); Error::where names the parameter or object.
namespace api_error {
inline constexpr const char* kInvalidParam = "invalid_param";
inline constexpr const char* kRequiredParamMissing = "required_param_missing";
inline constexpr const char* kExpiredOrRevoked = "expired_or_revoked";
inline constexpr const char* kNotFound = "not_found";
inline constexpr const char* kMissingToken = "missing_token";
inline constexpr const char* kInvalidToken = "invalid_token";
inline constexpr const char* kForbidden = "forbidden";
inline constexpr const char* kFileUnavailable = "file_unavailable";
inline constexpr const char* kAccessInvalid = "access_invalid";
inline constexpr const char* kRateLimited = "rate_limited"; // 429; Error::where holds the Retry-After seconds
} // namespace api_error

Error invalidParam(const std::string& param, const std::string& message);
Error requiredParamMissing(const std::string& param);
Error notFound(const std::string& what, const std::string& message);
Error expiredOrRevoked(const std::string& what, const std::string& message);
Error rateLimited(long long retryAfterSeconds, const std::string& message);

// 400 invalid_param / required_param_missing / expired_or_revoked, 401 token errors, 403 forbidden, 429 rate_limited,
// 404 the rest.
int statusForError(const std::string& code);

// The error body, or an empty body when the json_error_body_missing defect is on.
HttpAnswer errorAnswer(const Error& error, const SimContext& ctx);
// 4-space pretty JSON, application/json.
HttpAnswer jsonAnswer(const nlohmann::json& body, int status = 200);

// Runs a Result-returning core and turns either outcome into an answer.
template <typename F>
HttpAnswer answerWith(const SimContext& ctx, F&& core)
{
    Result<nlohmann::json> r = core();
    return r ? jsonAnswer(r.value()) : errorAnswer(r.error(), ctx);
}

} // namespace gbc

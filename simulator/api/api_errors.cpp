// JSON API answers: error bodies with the documented keys and statuses, pretty success bodies.
#include "api_errors.h"

#include <cstring>

namespace gbc {

Error invalidParam(const std::string& param, const std::string& message)
{
    return {api_error::kInvalidParam, param, message};
}

Error requiredParamMissing(const std::string& param)
{
    return {api_error::kRequiredParamMissing, param, "the parameter '" + param + "' is required"};
}

Error notFound(const std::string& what, const std::string& message) { return {api_error::kNotFound, what, message}; }

Error expiredOrRevoked(const std::string& what, const std::string& message)
{
    return {api_error::kExpiredOrRevoked, what, message};
}

Error rateLimited(long long retryAfterSeconds, const std::string& message)
{
    return {api_error::kRateLimited, std::to_string(retryAfterSeconds), message};
}

int statusForError(const std::string& code)
{
    if (code == api_error::kRateLimited)
        return 429;
    if (code == api_error::kInvalidParam || code == api_error::kRequiredParamMissing || code == api_error::kExpiredOrRevoked ||
        code == api_error::kAccessInvalid)
        return 400;
    if (code == api_error::kMissingToken || code == api_error::kInvalidToken)
        return 401;
    if (code == api_error::kForbidden)
        return 403;
    return 404;
}

namespace {

std::string docsUrl(const std::string& code)
{
    if (code == api_error::kMissingToken || code == api_error::kInvalidToken)
        return "https://utilityapi.com/docs/api/authentication";
    return "https://utilityapi.com/docs/api/formats";
}

} // namespace

HttpAnswer errorAnswer(const Error& error, const SimContext& ctx)
{
    HttpAnswer a;
    a.status = statusForError(error.code);
    a.contentType = "application/json";
    if (a.status == 401)
        a.withHeader("WWW-Authenticate", "Bearer realm=\"UtilityAPI\"");
    const bool limited = a.status == 429;
    if (limited)
        a.withHeader("Retry-After", error.where);
    if (ctx.defect("json_error_body_missing"))
        return a;
    const std::string description = error.where.empty() || limited ? error.message : error.where + ": " + error.message;
    nlohmann::json body = {{"error", error.code}, {"error_description", description}, {"url", docsUrl(error.code)}};
    a.body = body.dump(4);
    return a;
}

HttpAnswer jsonAnswer(const nlohmann::json& body, int status)
{
    return HttpAnswer::make(status, "application/json", body.dump(4));
}

} // namespace gbc

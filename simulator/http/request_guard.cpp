// Pre-routing guard: Range neutralised before any body is built, /__sim refused without the admin token.
#include "request_guard.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "html.h"
#include "request_adapter.h"
#include "secure_random.h"

#include <utility>

namespace gbc {

namespace {

bool isAdminPath(const std::string& path)
{
    return path == "/__sim" || path.rfind("/__sim/", 0) == 0;
}

std::string bearerToken(const httplib::Request& req)
{
    const std::string value = req.get_header_value("Authorization");
    if (value.size() < 7)
        return "";
    const std::string scheme = value.substr(0, 7);
    const bool bearer = (scheme[0] == 'B' || scheme[0] == 'b') && value.compare(1, 6, "earer ") == 0;
    return bearer ? value.substr(7) : "";
}

} // namespace

bool isJsonPath(const std::string& path)
{
    return isAdminPath(path) || path == "/api" || path.rfind("/api/", 0) == 0;
}

HttpAnswer errorAnswerFor(const std::string& path, int status, const std::string& code, const std::string& title,
                          const std::string& message)
{
    if (!isJsonPath(path))
        return errorPage(status, code, title, message);
    nlohmann::json body = {{"error", code}, {"error_description", message}};
    HttpAnswer a = HttpAnswer::make(status, "application/json", body.dump());
    a.withHeader("Cache-Control", "no-store");
    return a;
}

void zeroLengthWithoutFraming(const httplib::Request& req)
{
    // Same reasoning as ignoreRanges: httplib hands us its own non-const Request before reading the body.
    if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
        const_cast<httplib::Request&>(req).headers.emplace("Content-Length", "0");
}

bool isLoopbackHost(const std::string& host)
{
    return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

void ignoreRanges(const httplib::Request& req)
{
    // httplib parses Range into req.ranges before any handler runs and applies it when writing the answer; the
    // Request it hands us is its own non-const local, so clearing the parsed ranges here is well-defined.
    const_cast<httplib::Request&>(req).ranges.clear();
}

bool guardRequest(const AdminPolicy& admin, const httplib::Request& req, httplib::Response& res)
{
    ignoreRanges(req);
    zeroLengthWithoutFraming(req);
    if (!isAdminPath(req.path))
        return false;
    if (!admin.enabled) {
        applyAnswer(errorAnswerFor(req.path, 404, "not_found", "Not found",
                              "The /__sim admin API is switched off (gbc-sim --no-admin)."), res);
        return true;
    }
    if (admin.token.empty() || constantTimeEquals(bearerToken(req), admin.token))
        return false;
    HttpAnswer a = errorAnswerFor(req.path, 401, "admin_token_required", "Admin token required",
                             "This simulator listens beyond loopback: /__sim needs 'Authorization: Bearer TOKEN' "
                             "with the token printed at start or given with --admin-token.");
    a.withHeader("WWW-Authenticate", "Bearer realm=\"gbc-sim admin\"");
    applyAnswer(std::move(a), res);
    return true;
}

} // namespace gbc

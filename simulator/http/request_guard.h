// Checks every request passes before routing: byte ranges ignored, the /__sim admin API gated (off, or token).
#pragma once

#include <string>

#include "http_types.h"

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace gbc {

// Who may use /__sim: nobody (enabled = false → 404), anyone (token empty), or holders of the bearer token.
struct AdminPolicy {
    bool enabled = true;
    std::string token; // empty: open (the default on loopback)
};

// True for "127.x.y.z", "::1", "[::1]" and "localhost": addresses only this machine can reach.
bool isLoopbackHost(const std::string& host);

// Drops the Range header's parsed ranges so every answer is whole (RFC 9110 §14.2: a server MAY ignore Range).
// cpp-httplib 0.11 would otherwise cut the body per range, or build a multipart answer of every range whole
// (an 8 KB header made a 32.8 MB page; 2,000 ranges exhausted memory), even for error pages.
void ignoreRanges(const httplib::Request& req);

// True for paths whose answers are JSON (/__sim/..., /api/...): their errors must be JSON too, never HTML.
bool isJsonPath(const std::string& path);

// The error answer for `path`: {"error", "error_description"} on JSON paths, the HTML error page elsewhere.
HttpAnswer errorAnswerFor(const std::string& path, int status, const std::string& code, const std::string& title,
                          const std::string& message);

// RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has a zero-length body. cpp-httplib
// 0.11 would instead read until the connection closes (and answer 400); this states the zero length for it.
void zeroLengthWithoutFraming(const httplib::Request& req);

// Runs before routing: ignores ranges, then answers /__sim requests the policy refuses (404 when off, 401 without
// the token). Returns true when it answered.
bool guardRequest(const AdminPolicy& admin, const httplib::Request& req, httplib::Response& res);

} // namespace gbc

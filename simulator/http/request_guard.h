// Checks every request passes before routing: byte ranges ignored, the /__sim admin API gated (off, or token).
#pragma once

#include <string>

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

// Runs before routing: ignores ranges, then answers /__sim requests the policy refuses (404 when off, 401 without
// the token). Returns true when it answered.
bool guardRequest(const AdminPolicy& admin, const httplib::Request& req, httplib::Response& res);

} // namespace gbc

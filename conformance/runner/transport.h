// The runner's HTTP seam: one request out, one recorded exchange back; no redirect following, per-request timeouts.
#pragma once

#include <memory>
#include <string>

#include "report.h"

namespace gbc {

struct OutgoingRequest {
    std::string method = "GET";
    std::string url; // absolute
    HeaderList headers;
    std::string body;
    std::string contentType; // set when body is not empty
};

// Largest answer body the runner reads (checks see it whole); a larger one is a transport fault naming the limit.
// The report keeps only the first kEvidenceBodyLimit bytes of each body (variant_outcome.h).
inline constexpr std::size_t kMaxResponseBytes = 64 * 1024 * 1024;

struct TransportOptions {
    std::string caFile;      // PEM bundle for https targets ("" = system store)
    bool insecure = false;   // skip certificate verification (self-signed test servers)
    int timeoutMs = 10000;   // connect, read and write timeout, and the deadline for the whole request
    std::size_t maxResponseBytes = kMaxResponseBytes; // larger answer bodies are a transport fault
};

class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    // Sends one request. A transport fault (refused, timeout, TLS) leaves status 0 and fills `error`.
    virtual HttpExchange send(const OutgoingRequest& request) = 0;
};

std::unique_ptr<HttpTransport> makeHttpTransport(const TransportOptions& options);

// Case-insensitive header lookup on a recorded exchange ("" when absent).
std::string responseHeader(const HttpExchange& e, const std::string& name);

} // namespace gbc

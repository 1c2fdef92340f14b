// Outbound HTTP seam: notifications and the demo site call other servers through this interface (tests plug fakes in).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gbc {

struct OutboundRequest {
    std::string method = "POST";
    std::string url;         // absolute http:// or https:// URL
    std::string contentType; // for bodies
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

struct OutboundResponse {
    int status = 0;      // 0 when no HTTP answer came
    std::string error;   // transport error text when status is 0
    std::string contentType;
    std::string body;
    std::string retryAfter; // the Retry-After header, "" when absent
};

class OutboundHttp {
public:
    virtual ~OutboundHttp() = default;
    virtual OutboundResponse send(const OutboundRequest& request) = 0;
};

// cpp-httplib client with short timeouts. verifyTls=false accepts the simulator's own self-signed certificate.
std::shared_ptr<OutboundHttp> makeHttplibOutbound(int timeoutSeconds = 3, bool verifyTls = false);

// Splits "http://host:port/path?q" into ("http://host:port", "/path?q"); nullopt-like empty first on a bad URL.
std::pair<std::string, std::string> splitUrl(const std::string& url);

} // namespace gbc

// Outbound HTTP over cpp-httplib: one short-lived client per request, http and https.
#include "outbound_http.h"

#include <httplib.h>

namespace gbc {

std::pair<std::string, std::string> splitUrl(const std::string& url)
{
    std::size_t schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos)
        return {};
    const std::string scheme = url.substr(0, schemeEnd);
    if (scheme != "http" && scheme != "https")
        return {};
    const std::size_t pathStart = url.find_first_of("/?#", schemeEnd + 3);
    std::string origin = url.substr(0, pathStart);
    if (origin.size() <= schemeEnd + 3)
        return {};
    std::string rest = pathStart == std::string::npos ? "/" : url.substr(pathStart);
    if (rest[0] != '/')
        rest = "/" + rest;
    const std::size_t hash = rest.find('#');
    if (hash != std::string::npos)
        rest.resize(hash);
    return {origin, rest};
}

namespace {

class HttplibOutbound : public OutboundHttp {
public:
    HttplibOutbound(int timeoutSeconds, bool verifyTls) : timeout_(timeoutSeconds), verifyTls_(verifyTls) {}

    OutboundResponse send(const OutboundRequest& request) override
    {
        OutboundResponse out;
        auto [origin, target] = splitUrl(request.url);
        if (origin.empty()) {
            out.error = "not an absolute http(s) URL: " + request.url;
            return out;
        }
        httplib::Client client(origin);
        client.set_connection_timeout(timeout_, 0);
        client.set_read_timeout(timeout_, 0);
        client.set_write_timeout(timeout_, 0);
        client.enable_server_certificate_verification(verifyTls_);
        httplib::Headers headers;
        for (const auto& [k, v] : request.headers)
            headers.emplace(k, v);
        httplib::Result res = request.method == "GET"
                                  ? client.Get(target.c_str(), headers)
                                  : client.Post(target.c_str(), headers, request.body, request.contentType.c_str());
        if (!res) {
            out.error = httplib::to_string(res.error());
            return out;
        }
        out.status = res->status;
        out.contentType = res->get_header_value("Content-Type");
        out.retryAfter = res->get_header_value("Retry-After");
        out.body = res->body;
        return out;
    }

private:
    int timeout_;
    bool verifyTls_;
};

} // namespace

std::shared_ptr<OutboundHttp> makeHttplibOutbound(int timeoutSeconds, bool verifyTls)
{
    return std::make_shared<HttplibOutbound>(timeoutSeconds, verifyTls);
}

} // namespace gbc

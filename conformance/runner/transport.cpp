// cpp-httplib implementation of HttpTransport: one client per origin, never follows redirects.
#include "transport.h"

#include <algorithm>
#include <map>

#include <httplib.h>

#include "url.h"

namespace gbc {

namespace {

bool iequals(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

class HttplibTransport : public HttpTransport {
public:
    explicit HttplibTransport(TransportOptions options) : options_(std::move(options)) {}

    HttpExchange send(const OutgoingRequest& request) override
    {
        HttpExchange e;
        e.method = request.method;
        e.url = request.url;
        e.requestHeaders = request.headers;
        if (!request.body.empty() || !request.contentType.empty())
            e.requestHeaders.emplace_back("Content-Type", request.contentType);
        e.requestBody = request.body;
        Result<Url> url = parseUrl(request.url);
        if (!url) {
            e.error = url.error().describe();
            return e;
        }
        const std::string origin = url->origin();
        if (failures_[origin] >= kMaxConsecutiveFaults) { // a dead or black-holed target: fail fast, never hang
            e.error = "transport: not sent, " + origin + " did not answer the last " +
                std::to_string(kMaxConsecutiveFaults) + " requests";
            return e;
        }
        httplib::Client& client = clientFor(url.value());
        httplib::Request req;
        req.method = request.method;
        req.path = url->pathAndQuery();
        for (const auto& [k, v] : e.requestHeaders)
            req.headers.emplace(k, v);
        req.body = request.body;
        httplib::Result res = client.send(req);
        if (!res) {
            e.error = "transport: " + httplib::to_string(res.error());
            clients_.erase(origin); // drop a possibly broken connection
            ++failures_[origin];
            return e;
        }
        failures_[origin] = 0;
        e.status = res->status;
        for (const auto& [k, v] : res->headers)
            e.responseHeaders.emplace_back(k, v);
        e.responseBody = res->body;
        e.responseBytes = res->body.size();
        return e;
    }

private:
    httplib::Client& clientFor(const Url& url)
    {
        const std::string origin = url.origin();
        auto it = clients_.find(origin);
        if (it != clients_.end())
            return *it->second;
        auto client = std::make_unique<httplib::Client>(url.scheme + "://" + url.host + ":" + std::to_string(url.port));
        const time_t sec = options_.timeoutMs / 1000;
        const time_t usec = (options_.timeoutMs % 1000) * 1000;
        client->set_connection_timeout(sec, usec);
        client->set_read_timeout(sec, usec);
        client->set_write_timeout(sec, usec);
        // A fresh connection per request: with keep-alive, a server that writes headers and body separately (Nagle)
        // meets our delayed ACK and every answer stalls 40 ms. Loopback connects cost far less.
        client->set_keep_alive(false);
        client->set_follow_location(false);
        client->set_tcp_nodelay(true); // headers and body go out in separate writes: avoid Nagle + delayed-ACK stalls
        if (url.scheme == "https") {
            if (!options_.caFile.empty())
                client->set_ca_cert_path(options_.caFile);
            client->enable_server_certificate_verification(!options_.insecure);
        }
        return *clients_.emplace(origin, std::move(client)).first->second;
    }

    static constexpr int kMaxConsecutiveFaults = 3;
    TransportOptions options_;
    std::map<std::string, std::unique_ptr<httplib::Client>> clients_;
    std::map<std::string, int> failures_; // consecutive transport faults per origin
};

} // namespace

std::unique_ptr<HttpTransport> makeHttpTransport(const TransportOptions& options)
{
    return std::make_unique<HttplibTransport>(options);
}

std::string responseHeader(const HttpExchange& e, const std::string& name)
{
    for (const auto& [k, v] : e.responseHeaders)
        if (iequals(k, name))
            return v;
    return {};
}

} // namespace gbc

// Transport-neutral request/answer values: handlers take an HttpRequest and return an HttpAnswer, so cores stay testable without sockets.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gbc {

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // decoded path without query, e.g. "/DataCustodian/espi/1_1/resource/Batch/Subscription/5"
    std::string host;    // Host header value, e.g. "127.0.0.1:4321"
    std::string scheme = "http";
    std::multimap<std::string, std::string> query;   // decoded query parameters
    std::multimap<std::string, std::string> form;    // decoded form fields (urlencoded or multipart)
    std::map<std::string, std::string> headers;      // lower-case names
    std::string body;
    std::vector<std::string> pathMatches;            // like std::smatch: [0] whole path, route captures from [1]

    std::optional<std::string> param(const std::string& name) const
    {
        auto it = query.find(name);
        return it == query.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    std::optional<std::string> field(const std::string& name) const
    {
        auto it = form.find(name);
        return it == form.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    std::string header(const std::string& lowerName) const
    {
        auto it = headers.find(lowerName);
        return it == headers.end() ? std::string() : it->second;
    }
    // "http://127.0.0.1:4321": the origin this request reached, used to build absolute links.
    std::string origin() const { return scheme + "://" + host; }
    // The token of "Authorization: Bearer X" (scheme case-insensitive), or "" when absent.
    std::string bearerToken() const
    {
        const std::string h = header("authorization");
        if (h.size() > 7 && (h.compare(0, 7, "Bearer ") == 0 || h.compare(0, 7, "bearer ") == 0))
            return h.substr(7);
        return {};
    }
};

struct HttpAnswer {
    int status = 200;
    std::string contentType = "text/plain; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    HttpAnswer& withHeader(std::string name, std::string value)
    {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    static HttpAnswer make(int status, std::string contentType, std::string body)
    {
        HttpAnswer a;
        a.status = status;
        a.contentType = std::move(contentType);
        a.body = std::move(body);
        return a;
    }
};

} // namespace gbc

#include <functional>

namespace gbc {

// A route a module offers to the HTTP server: method, path regex (captures land in HttpRequest::pathMatches), handler.
using Handler = std::function<HttpAnswer(const HttpRequest&)>;
struct Route {
    std::string method; // "GET", "POST", "DELETE", "PUT"
    std::string pattern; // ECMAScript regex matched against the whole path
    Handler handler;
};

} // namespace gbc

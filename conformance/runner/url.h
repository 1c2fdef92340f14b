// URL helpers for the runner: parsing, resolving relative references, percent-encoding, query strings and forms.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "percent_codec.h"
#include "result.h"

namespace gbc {

using Params = std::vector<std::pair<std::string, std::string>>;

struct Url {
    std::string scheme; // "http" | "https"
    std::string host;
    int port = 0;
    std::string path = "/";
    std::string query; // without '?'

    std::string origin() const;      // "http://127.0.0.1:4000" (default ports omitted)
    std::string pathAndQuery() const;
    std::string str() const;
    bool isLoopback() const;
};

Result<Url> parseUrl(const std::string& text);

// RFC 3986 §5.2 reference resolution, enough for form actions and Location headers.
std::string resolveUrl(const std::string& base, const std::string& reference);

std::string formEncode(const Params& params);
// "a=1&b=2" (form decoding); a malformed %-escape is kept as written (the runner reads what targets send).
Params parseQuery(const std::string& query);
std::optional<std::string> findParam(const Params& params, const std::string& name);

// The decoded value of query parameter `name` in `url`, if present.
std::optional<std::string> queryParam(const std::string& url, const std::string& name);

// Appends params to the URL's query string.
std::string withParams(const std::string& url, const Params& params);

// The URL without query and fragment.
std::string stripQuery(const std::string& url);

// The last path segment of a URL (query stripped): ".../Subscription/5" -> "5".
std::string lastSegment(const std::string& url);

} // namespace gbc

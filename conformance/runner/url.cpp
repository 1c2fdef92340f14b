// URL parsing, resolution and encoding used by the transport, the login engine and the probes.
#include "url.h"

#include <cctype>

namespace gbc {

std::string Url::origin() const
{
    const bool defaultPort = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + std::to_string(port));
}

std::string Url::pathAndQuery() const { return path + (query.empty() ? "" : "?" + query); }
std::string Url::str() const { return origin() + pathAndQuery(); }
bool Url::isLoopback() const { return host == "127.0.0.1" || host == "localhost" || host == "[::1]"; }

Result<Url> parseUrl(const std::string& text)
{
    Url u;
    const std::size_t colon = text.find("://");
    if (colon == std::string::npos)
        return Error{"url.syntax", text, "not an absolute URL (expected scheme://host...)"};
    u.scheme = text.substr(0, colon);
    for (char& c : u.scheme)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (u.scheme != "http" && u.scheme != "https")
        return Error{"url.scheme", text, "only http and https URLs are supported"};
    std::string rest = text.substr(colon + 3);
    const std::size_t hash = rest.find('#');
    if (hash != std::string::npos)
        rest = rest.substr(0, hash);
    const std::size_t slash = rest.find_first_of("/?");
    std::string authority = rest.substr(0, slash);
    std::string tail = slash == std::string::npos ? "/" : rest.substr(slash);
    if (tail[0] == '?')
        tail = "/" + tail;
    const std::size_t q = tail.find('?');
    u.path = tail.substr(0, q);
    u.query = q == std::string::npos ? "" : tail.substr(q + 1);
    if (authority.find('@') != std::string::npos)
        return Error{"url.userinfo", text, "user:password@ in URLs is not supported"};
    const std::size_t portColon = authority.rfind(':');
    u.port = u.scheme == "https" ? 443 : 80;
    if (portColon != std::string::npos && authority.find(']', portColon) == std::string::npos) {
        const std::string port = authority.substr(portColon + 1);
        authority = authority.substr(0, portColon);
        if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
            return Error{"url.port", text, "the port must be a number"};
        u.port = std::stoi(port);
    }
    if (authority.empty())
        return Error{"url.host", text, "the URL has no host"};
    u.host = authority;
    return u;
}

std::string resolveUrl(const std::string& base, const std::string& reference)
{
    if (reference.find("://") != std::string::npos)
        return reference;
    Result<Url> b = parseUrl(base);
    if (!b)
        return reference;
    if (reference.rfind("//", 0) == 0)
        return b->scheme + ":" + reference;
    if (reference.empty())
        return b->str();
    if (reference[0] == '/')
        return b->origin() + reference;
    if (reference[0] == '?')
        return b->origin() + b->path + reference;
    const std::size_t lastSlash = b->path.rfind('/');
    std::string dir = lastSlash == std::string::npos ? "/" : b->path.substr(0, lastSlash + 1);
    std::string ref = reference;
    while (ref.rfind("./", 0) == 0)
        ref = ref.substr(2);
    while (ref.rfind("../", 0) == 0) {
        ref = ref.substr(3);
        if (dir.size() > 1) {
            dir.pop_back();
            dir = dir.substr(0, dir.rfind('/') + 1);
        }
    }
    return b->origin() + dir + ref;
}

namespace {

std::string decodeLenient(const std::string& text)
{
    Result<std::string> decoded = percentDecode(text, true);
    return decoded ? *decoded : text;
}

} // namespace

std::string formEncode(const Params& params)
{
    std::string out;
    for (const auto& [k, v] : params)
        out += (out.empty() ? "" : "&") + percentEncode(k) + "=" + percentEncode(v);
    return out;
}

Params parseQuery(const std::string& query)
{
    Params out;
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t amp = query.find('&', start);
        if (amp == std::string::npos)
            amp = query.size();
        const std::string item = query.substr(start, amp - start);
        if (!item.empty()) {
            const std::size_t eq = item.find('=');
            out.emplace_back(decodeLenient(item.substr(0, eq)),
                eq == std::string::npos ? "" : decodeLenient(item.substr(eq + 1)));
        }
        start = amp + 1;
    }
    return out;
}

std::optional<std::string> findParam(const Params& params, const std::string& name)
{
    for (const auto& [k, v] : params)
        if (k == name)
            return v;
    return std::nullopt;
}

std::optional<std::string> queryParam(const std::string& url, const std::string& name)
{
    std::string rest = url;
    const std::size_t hash = rest.find('#');
    const std::size_t q = rest.find('?');
    if (q == std::string::npos)
        return std::nullopt;
    return findParam(parseQuery(rest.substr(q + 1, hash == std::string::npos ? std::string::npos : hash - q - 1)),
        name);
}

std::string withParams(const std::string& url, const Params& params)
{
    if (params.empty())
        return url;
    return url + (url.find('?') == std::string::npos ? "?" : "&") + formEncode(params);
}

std::string stripQuery(const std::string& url)
{
    return url.substr(0, url.find_first_of("?#"));
}

std::string lastSegment(const std::string& url)
{
    std::string path = stripQuery(url);
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return path.substr(path.rfind('/') + 1);
}

} // namespace gbc

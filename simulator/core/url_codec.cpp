// Percent-encoding, form parsing and redirect-URI matching (RFC 3986, RFC 6749 §3.1.2, RFC 8252 §7.3).
#include "url_codec.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace gbc {

namespace {

struct UriParts {
    std::string scheme, host, port, rest; // rest = path + query
};

std::optional<UriParts> splitUri(const std::string& uri)
{
    const std::size_t sep = uri.find("://");
    if (sep == std::string::npos || uri.find('#') != std::string::npos)
        return std::nullopt;
    UriParts p;
    p.scheme = uri.substr(0, sep);
    const std::size_t authStart = sep + 3;
    const std::size_t authEnd = std::min(uri.find('/', authStart), uri.find('?', authStart));
    const std::string authority = uri.substr(authStart, authEnd == std::string::npos ? std::string::npos : authEnd - authStart);
    p.rest = authEnd == std::string::npos ? std::string() : uri.substr(authEnd);
    const std::size_t colon = authority.rfind(':');
    const bool hasPort = colon != std::string::npos && authority.find(']', colon) == std::string::npos;
    p.host = hasPort ? authority.substr(0, colon) : authority;
    p.port = hasPort ? authority.substr(colon + 1) : std::string();
    // A written port is 1-65535: "http://127.0.0.1:/cb" (empty) and ":65536" do not match anything.
    const bool digits = std::all_of(p.port.begin(), p.port.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits || (hasPort && (p.port.empty() || p.port.size() > 5 || std::stol(p.port) < 1 || std::stol(p.port) > 65535)))
        return std::nullopt;
    return p;
}

bool isLoopbackHost(const std::string& host)
{
    return host == "127.0.0.1" || host == "[::1]" || host == "localhost";
}

} // namespace

Result<FormFields> parseUrlEncoded(const std::string& text, const std::string& where)
{
    FormFields fields;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string pair = text.substr(start, end - start);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            auto key = percentDecode(pair.substr(0, eq), true);
            auto value = percentDecode(eq == std::string::npos ? std::string() : pair.substr(eq + 1), true);
            if (!key || !value) {
                const std::string name = key ? *key : pair.substr(0, eq);
                return Error{"bad_encoding", where + " parameter '" + name + "'",
                             (key ? value.error() : key.error()).message};
            }
            fields.emplace(*key, *value);
        }
        start = end + 1;
    }
    return fields;
}

std::string formatUrlEncoded(const std::vector<std::pair<std::string, std::string>>& fields)
{
    std::string out;
    for (const auto& [k, v] : fields)
        out += (out.empty() ? "" : "&") + percentEncode(k) + "=" + percentEncode(v);
    return out;
}

std::string appendQuery(const std::string& uri, const std::vector<std::pair<std::string, std::string>>& params)
{
    if (params.empty())
        return uri;
    const char sep = uri.find('?') == std::string::npos ? '?' : '&';
    return uri + sep + formatUrlEncoded(params);
}

bool redirectUriMatches(const std::string& registered, const std::string& requested)
{
    if (registered == requested)
        return requested.find('#') == std::string::npos;
    const auto reg = splitUri(registered);
    const auto req = splitUri(requested);
    if (!reg || !req || req->scheme != "http" || reg->scheme != "http")
        return false;
    return isLoopbackHost(req->host) && req->host == reg->host && req->rest == reg->rest;
}

} // namespace gbc

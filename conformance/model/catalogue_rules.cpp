// Identifier, host and URL rules for catalogue data (and the simulator's redirect checks).
#include "catalogue_rules.h"

#include <algorithm>

namespace gbc {

namespace {

bool isDigits(const std::string& s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::optional<std::string> portProblem(const std::string& port)
{
    if (!isDigits(port) || port.size() > 5 || std::stol(port) < 1 || std::stol(port) > 65535)
        return "port '" + port + "' is not a number from 1 to 65535";
    return std::nullopt;
}

} // namespace

std::optional<std::string> identifierProblem(const std::string& id)
{
    if (id.empty() || id.size() > kMaxIdentifierLength || id.find_first_not_of(kIdentifierChars) != std::string::npos)
        return "an identifier is 1-" + std::to_string(kMaxIdentifierLength) + " characters from A-Z a-z 0-9 _ . -";
    return std::nullopt;
}

std::optional<std::string> hostProblem(const std::string& host)
{
    const std::size_t colon = host.find(':');
    const std::string name = host.substr(0, colon);
    if (name.empty() || name.size() > 253 ||
        name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos)
        return "a host is a DNS name (letters, digits, '.', '-') with an optional :port";
    return colon == std::string::npos ? std::nullopt : portProblem(host.substr(colon + 1));
}

std::optional<std::string> httpUrlProblem(const std::string& url)
{
    const bool printable = std::all_of(url.begin(), url.end(), [](char c) { return c > ' ' && c < 127; });
    const std::size_t sep = url.find("://");
    const std::string scheme = sep == std::string::npos ? "" : url.substr(0, sep);
    if (!printable || (scheme != "http" && scheme != "https"))
        return "expected an http:// or https:// URL of printable ASCII without spaces";
    if (url.find('#') != std::string::npos)
        return "a URL here must not have a #fragment";
    const std::size_t start = sep + 3, end = std::min(url.find('/', start), url.find('?', start));
    const std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (authority.find('@') != std::string::npos)
        return "a URL here must not carry user:password@";
    if (authority.size() > 2 && authority.front() == '[') { // [IPv6]:port
        const std::size_t close = authority.find(']');
        if (close == std::string::npos || authority.substr(1, close - 1).find_first_not_of("0123456789abcdefABCDEF:.") != std::string::npos)
            return "malformed [IPv6] host";
        if (close + 1 == authority.size())
            return std::nullopt;
        return authority[close + 1] == ':' ? portProblem(authority.substr(close + 2)) : "malformed [IPv6] host";
    }
    return hostProblem(authority);
}

} // namespace gbc

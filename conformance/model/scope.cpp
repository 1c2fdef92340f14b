// Scope string parsing and printing (UtilityAPI GBC grammar, with auth-{type}[-{value}] hints).
#include "scope.h"

#include <algorithm>
#include <cctype>

#include "percent_codec.h"

namespace gbc {

namespace {

Error scopeError(const std::string& message)
{
    return Error{"invalid_scope", "scope", message};
}

bool allDigits(const std::string& s, std::size_t maxLen)
{
    return !s.empty() && s.size() <= maxLen &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool validKey(const std::string& k)
{
    if (k.empty() || !std::isalpha(static_cast<unsigned char>(k[0])))
        return false;
    return std::all_of(k.begin(), k.end(), [](unsigned char c) { return std::isalnum(c) != 0 || c == '_'; });
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t pos; (pos = s.find(sep, start)) != std::string::npos; start = pos + 1)
        parts.push_back(s.substr(start, pos - start));
    parts.push_back(s.substr(start));
    return parts;
}

std::string join(const std::vector<std::string>& parts, char sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? std::string(1, sep) : std::string()) + parts[i];
    return out;
}

bool startsWith(const std::string& s, const char* prefix)
{
    return s.rfind(prefix, 0) == 0;
}

bool startsKnownItem(const std::string& piece)
{
    for (const char* p : {"auth-", "historical-", "ongoing-", "meters-", "sou-"})
        if (startsWith(piece, p))
            return true;
    return piece == "noedit";
}

Status parseFunctionBlocks(const std::string& value, Scope& scope)
{
    for (const std::string& item : split(value, '_')) {
        if (!allDigits(item, 3) || std::stoi(item) == 0)
            return scopeError("FB item '" + item + "' is not a function block number (FB=4_16_51)");
        const int fb = std::stoi(item);
        if (scope.hasFunctionBlock(fb))
            return scopeError("FB lists function block " + item + " twice");
        scope.functionBlocks.push_back(fb);
    }
    return okStatus();
}

Result<AuthHint> parseAuthItem(const std::string& item)
{
    const std::string rest = item.substr(5); // after "auth-"
    const std::size_t dash = rest.find('-');
    AuthHint hint;
    hint.type = rest.substr(0, dash);
    if (hint.type.empty() || !std::all_of(hint.type.begin(), hint.type.end(),
                                          [](unsigned char c) { return std::islower(c) != 0; }))
        return scopeError("AdditionalScope item '" + item + "' is not auth-{type}[-{value}]");
    if (dash == std::string::npos)
        return hint;
    auto decoded = percentDecode(rest.substr(dash + 1), false);
    if (!decoded || decoded->empty())
        return scopeError("AdditionalScope item '" + item + "' has a malformed or empty value");
    hint.value = *decoded;
    hint.hasValue = true;
    return hint;
}

Status parseAdditionalScope(const std::string& value, Scope& scope)
{
    if (value.empty())
        return okStatus();
    for (const std::string& piece : split(value, '_')) {
        if (piece.empty())
            return scopeError("AdditionalScope has an empty item (two '_' in a row or a '_' at an end)");
        const bool glue = !scope.additionalScope.empty() && startsWith(scope.additionalScope.back(), "auth-") &&
                          !startsKnownItem(piece);
        if (glue)
            scope.additionalScope.back() += "_" + piece;
        else
            scope.additionalScope.push_back(piece);
    }
    for (const std::string& item : scope.additionalScope) {
        if (!startsWith(item, "auth-"))
            continue;
        auto hint = parseAuthItem(item);
        if (!hint)
            return hint.error();
        scope.authHints.push_back(*hint);
    }
    return okStatus();
}

Status parseParam(const std::string& key, const std::string& value, Scope& scope)
{
    if (key == "FB")
        return parseFunctionBlocks(value, scope);
    if (key == "AdditionalScope")
        return parseAdditionalScope(value, scope);
    if (key == "HistoryLength" || key == "PreferredAuthEndDate") {
        if (!allDigits(value, 12))
            return scopeError(key + " '" + value + "' is not a whole number of seconds");
        if (key == "HistoryLength")
            scope.historyLengthSeconds = std::stoll(value);
    }
    scope.params.emplace_back(key, value);
    return okStatus();
}

} // namespace

bool Scope::hasFunctionBlock(int fb) const
{
    return std::find(functionBlocks.begin(), functionBlocks.end(), fb) != functionBlocks.end();
}

std::optional<std::string> Scope::param(const std::string& key) const
{
    for (const auto& [k, v] : params)
        if (k == key)
            return v;
    return std::nullopt;
}

std::optional<AuthHint> Scope::authHint() const
{
    if (authHints.empty())
        return std::nullopt;
    return authHints.front();
}

std::string Scope::toString() const
{
    std::vector<std::string> fbs;
    for (int fb : functionBlocks)
        fbs.push_back(std::to_string(fb));
    std::string out = "FB=" + join(fbs, '_');
    for (const auto& [k, v] : params)
        out += ";" + k + "=" + v;
    if (!additionalScope.empty())
        out += ";AdditionalScope=" + join(additionalScope, '_');
    return out;
}

Result<Scope> parseScope(const std::string& input)
{
    std::string text = input;
    if (text.find('=') == std::string::npos && text.find('%') != std::string::npos) {
        auto decoded = percentDecode(text, false);
        if (!decoded)
            return scopeError("'" + input + "' has malformed percent-encoding");
        text = *decoded;
    }
    if (text.empty())
        return scopeError("scope is empty; expected FB=<n>_<n>...");
    if (std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
        return scopeError("scope contains a control character");
    std::vector<std::string> segments = split(text, ';');
    if (segments.size() > 1 && segments.back().empty())
        segments.pop_back(); // one trailing ';' is tolerated
    Scope scope;
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& seg = segments[i];
        const std::size_t eq = seg.find('=');
        const std::string key = seg.substr(0, eq);
        if (eq == std::string::npos || !validKey(key))
            return scopeError("parameter " + std::to_string(i + 1) + " '" + seg + "' is not Key=Value");
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            return scopeError("parameter '" + key + "' appears twice");
        seen.push_back(key);
        if (Status st = parseParam(key, seg.substr(eq + 1), scope); !st)
            return st.error();
    }
    if (scope.functionBlocks.empty())
        return scopeError("FB is required (e.g. FB=4_16_51)");
    return scope;
}

} // namespace gbc

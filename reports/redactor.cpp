// Secret redaction: value replacement plus field-based masking of query strings, forms and JSON bodies.
#include "redactor.h"

#include <algorithm>
#include <cctype>

namespace gbc {

namespace {

// Secrets shorter than this (one-time codes, PINs) are replaced only where they stand alone: "716094" must not
// eat the middle of an epoch such as 1716094800 in a feed.
constexpr std::size_t kShortSecret = 16;

bool isAlnumAt(const std::string& text, std::size_t pos)
{
    return pos < text.size() && std::isalnum(static_cast<unsigned char>(text[pos])) != 0;
}

void replaceAll(std::string& text, const std::string& from, const std::string& to)
{
    if (from.empty())
        return;
    const bool standaloneOnly = from.size() < kShortSecret;
    std::size_t pos = 0;
    while ((pos = text.find(from, pos)) != std::string::npos) {
        if (standaloneOnly && ((pos > 0 && isAlnumAt(text, pos - 1)) || isAlnumAt(text, pos + from.size()))) {
            pos += 1;
            continue;
        }
        text.replace(pos, from.size(), to);
        pos += to.size();
    }
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isRedacted(const std::string& text, std::size_t pos)
{
    return text.compare(pos, 10, "[redacted:") == 0 || text.compare(pos, 12, "%5Bredacted%") == 0;
}

// Masks the value after `key=` (query/form) up to the next '&', whitespace or quote.
void maskFormField(std::string& text, const std::string& key)
{
    const std::string pattern = key + "=";
    std::size_t pos = 0;
    while ((pos = text.find(pattern, pos)) != std::string::npos) {
        const bool boundary = pos == 0 || text[pos - 1] == '&' || text[pos - 1] == '?' || text[pos - 1] == '\n' ||
            text[pos - 1] == ' ' || text[pos - 1] == '#';
        std::size_t start = pos + pattern.size();
        if (!boundary || isRedacted(text, start)) {
            pos = start;
            continue;
        }
        std::size_t end = start;
        while (end < text.size() && text[end] != '&' && text[end] != '"' && text[end] != '\'' &&
            !std::isspace(static_cast<unsigned char>(text[end])))
            ++end;
        if (end > start)
            text.replace(start, end - start, "[redacted:" + key + "]");
        pos = start;
    }
}

// Masks the string value of `"key": "..."` in JSON text.
void maskJsonField(std::string& text, const std::string& key)
{
    const std::string pattern = "\"" + key + "\"";
    std::size_t pos = 0;
    while ((pos = text.find(pattern, pos)) != std::string::npos) {
        std::size_t i = pos + pattern.size();
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i >= text.size() || text[i] != ':') {
            pos = i;
            continue;
        }
        ++i;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i >= text.size() || text[i] != '"' || isRedacted(text, i + 1)) {
            pos = i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < text.size() && text[end] != '"')
            end += text[end] == '\\' ? 2 : 1;
        text.replace(i + 1, std::min(end, text.size()) - i - 1, "[redacted:" + key + "]");
        pos = i + 1;
    }
}

} // namespace

const std::vector<std::string>& secretFieldNames()
{
    static const std::vector<std::string> names = {"access_token", "refresh_token", "client_secret", "code",
        "code_verifier", "password", "otp", "registration_access_token", "client_access_token", "token"};
    return names;
}

void Redactor::addSecret(const std::string& value, const std::string& label)
{
    if (value.size() < 4)
        return;
    for (const auto& s : secrets_)
        if (s.first == value)
            return;
    const int n = ++labelCounts_[label];
    secrets_.emplace_back(value, "[redacted:" + label + "#" + std::to_string(n) + "]");
    std::stable_sort(secrets_.begin(), secrets_.end(),
        [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

void Redactor::addAlias(const std::string& value, const std::string& placeholder)
{
    if (!value.empty())
        aliases_[placeholder] = value;
}

std::size_t Redactor::longestValue() const
{
    std::size_t longest = secrets_.empty() ? 0 : secrets_.front().first.size(); // sorted longest first
    for (const auto& [placeholder, value] : aliases_)
        longest = std::max(longest, value.size());
    return longest;
}

std::string Redactor::apply(const std::string& text) const
{
    std::string out = text;
    for (const auto& [value, replacement] : secrets_)
        replaceAll(out, value, replacement);
    for (const auto& [placeholder, value] : aliases_)
        replaceAll(out, value, placeholder);
    return redactFields(out);
}

std::string Redactor::redactFields(const std::string& text) const
{
    std::string out = text;
    for (const std::string& key : secretFieldNames()) {
        maskFormField(out, key);
        maskJsonField(out, key);
    }
    return out;
}

std::string Redactor::headerValue(const std::string& name, const std::string& value) const
{
    const std::string n = lower(name);
    if (n == "authorization" || n == "proxy-authorization") {
        const std::size_t space = value.find(' ');
        const std::string scheme = space == std::string::npos ? std::string() : value.substr(0, space);
        const std::string applied = apply(value);
        if (applied != value)
            return applied; // a known secret: keep the scheme and the stable label
        return (scheme.empty() ? std::string() : scheme + " ") + "[redacted:credentials]";
    }
    if (n == "cookie" || n == "set-cookie")
        return "[redacted:cookie]";
    return apply(value);
}

void Redactor::apply(HttpExchange& exchange) const
{
    exchange.url = apply(exchange.url);
    for (auto& [name, value] : exchange.requestHeaders)
        value = headerValue(name, value);
    for (auto& [name, value] : exchange.responseHeaders)
        value = headerValue(name, value);
    exchange.requestBody = apply(exchange.requestBody);
    exchange.responseBody = apply(exchange.responseBody);
    exchange.error = apply(exchange.error);
}

} // namespace gbc

// JSON API list plumbing: filter parsing and next/after pagination.
#include "list_query.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "time_format.h"

namespace gbc {

std::string urlEncode(const std::string& s)
{
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

Result<std::size_t> parseLimit(const HttpRequest& req, std::size_t maxLimit)
{
    auto v = req.param("limit");
    if (!v)
        return maxLimit;
    const std::string& s = *v;
    if (s.empty() || s.size() > 7 || s.find_first_not_of("0123456789") != std::string::npos)
        return Error{"invalid_param", "limit", "must be an integer between 1 and " + std::to_string(maxLimit) + ", got '" + s + "'"};
    const std::size_t n = std::stoul(s);
    if (n < 1 || n > maxLimit)
        return Error{"invalid_param", "limit", "must be between 1 and " + std::to_string(maxLimit) + ", got " + s};
    return n;
}

Result<std::optional<bool>> parseBoolFilter(const HttpRequest& req, const std::string& name)
{
    auto v = req.param(name);
    if (!v)
        return std::optional<bool>();
    if (*v == "true")
        return std::optional<bool>(true);
    if (*v == "false")
        return std::optional<bool>(false);
    return Error{"invalid_param", name, "must be 'true' or 'false', got '" + *v + "'"};
}

Result<std::vector<std::string>> parseUidList(const HttpRequest& req, const std::string& name)
{
    std::vector<std::string> out;
    auto [lo, hi] = req.query.equal_range(name);
    for (auto it = lo; it != hi; ++it) {
        const std::string& s = it->second;
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = s.find(',', start);
            const std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (item.empty())
                return Error{"invalid_param", name, "must be a comma-separated list of uids without empty items, got '" + s + "'"};
            out.push_back(item);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
    }
    return out;
}

Result<std::optional<EpochSeconds>> parseTimeFilter(const HttpRequest& req, const std::string& name,
                                                    const TimeZoneRules& tz)
{
    auto v = req.param(name);
    if (!v)
        return std::optional<EpochSeconds>();
    if (v->size() == 10) {
        auto d = parseDate(*v);
        if (d)
            return std::optional<EpochSeconds>(localDayStart(tz, d.value() - tz.tzOffset + 12 * 3600));
    } else {
        auto t = parseIso8601(*v);
        if (t)
            return std::optional<EpochSeconds>(t.value());
    }
    return Error{"invalid_param", name, "must be an ISO 8601 time (2024-01-31T00:00:00+00:00) or a date (2024-01-31), got '" + *v + "'"};
}

namespace {

std::string nextUrl(const HttpRequest& req, const std::string& afterUid)
{
    std::string url = req.origin() + req.path + "?";
    for (const auto& [k, v] : req.query)
        if (k != "after" && k != "access_token")
            url += urlEncode(k) + "=" + urlEncode(v) + "&";
    return url + "after=" + urlEncode(afterUid);
}

} // namespace

Result<Page> paginate(const std::vector<nlohmann::json>& all, const HttpRequest& req)
{
    auto limit = parseLimit(req);
    if (!limit)
        return limit.error();
    std::size_t begin = 0;
    if (auto after = req.param("after")) {
        std::size_t i = 0;
        while (i < all.size() && all[i].value("uid", "") != *after)
            ++i;
        if (i == all.size())
            return Error{"invalid_param", "after", "no object with uid '" + *after + "' in this list"};
        begin = i + 1;
    }
    Page page;
    const std::size_t end = std::min(all.size(), begin + limit.value());
    page.items.assign(all.begin() + static_cast<std::ptrdiff_t>(begin), all.begin() + static_cast<std::ptrdiff_t>(end));
    if (end < all.size() && !page.items.empty())
        page.next = nextUrl(req, page.items.back().value("uid", ""));
    return page;
}

nlohmann::json pageBody(const std::string& key, Page page)
{
    nlohmann::json body = nlohmann::json::object();
    body[key] = std::move(page.items);
    body["next"] = page.next ? nlohmann::json(*page.next) : nlohmann::json(nullptr);
    return body;
}

} // namespace gbc

namespace gbc {

Result<nlohmann::json> parseJsonBody(const HttpRequest& req)
{
    if (req.body.empty())
        return nlohmann::json::object();
    nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return Error{"invalid_param", "body", "the request body must be a JSON object"};
    return body;
}

Result<std::vector<std::string>> bodyUidList(const nlohmann::json& body, const std::string& key)
{
    if (!body.contains(key))
        return Error{"required_param_missing", key, "the parameter '" + key + "' is required"};
    const nlohmann::json& v = body.at(key);
    if (!v.is_array())
        return Error{"invalid_param", key, "must be a list of uid strings"};
    std::vector<std::string> out;
    for (const nlohmann::json& item : v) {
        if (!item.is_string() || item.get<std::string>().empty())
            return Error{"invalid_param", key, "must be a list of uid strings"};
        out.push_back(item.get<std::string>());
    }
    return out;
}

} // namespace gbc

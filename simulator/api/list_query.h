// JSON API list plumbing: strict filter parsing (400 invalid_param with the parameter named) and next/after pagination.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clock.h"
#include "http_types.h"
#include "result.h"
#include "time_zone.h"

namespace gbc {

inline constexpr std::size_t kMaxPageSize = 1000;

std::string urlEncode(const std::string& s);

// `limit`: absent -> maxLimit; otherwise an integer 1..maxLimit.
Result<std::size_t> parseLimit(const HttpRequest& req, std::size_t maxLimit = kMaxPageSize);
// "true" / "false"; absent -> nullopt.
Result<std::optional<bool>> parseBoolFilter(const HttpRequest& req, const std::string& name);
// Comma-separated uids (repeated parameters are merged); absent -> empty; an empty item is invalid.
Result<std::vector<std::string>> parseUidList(const HttpRequest& req, const std::string& name);
// ISO 8601 instant, or YYYY-MM-DD meaning local midnight at the utility; absent -> nullopt.
Result<std::optional<EpochSeconds>> parseTimeFilter(const HttpRequest& req, const std::string& name,
                                                    const TimeZoneRules& tz);

// One page of a newest-first list: items strictly after the `after` uid, at most `limit` of them.
struct Page {
    std::vector<nlohmann::json> items;
    std::optional<std::string> next; // absolute URL of the next page, or nullopt
};

// Items must carry a string "uid". `after` naming no item of the list is an invalid_param error.
Result<Page> paginate(const std::vector<nlohmann::json>& all, const HttpRequest& req);

// {"<key>": [...], "next": url|null}.
nlohmann::json pageBody(const std::string& key, Page page); // by value: a temporary page is moved, not copied

} // namespace gbc

namespace gbc {

// The request body as a JSON object; a malformed or non-object body is invalid_param "body".
Result<nlohmann::json> parseJsonBody(const HttpRequest& req);
// body[key] as a non-empty list of uid strings; required_param_missing / invalid_param otherwise.
Result<std::vector<std::string>> bodyUidList(const nlohmann::json& body, const std::string& key);

} // namespace gbc

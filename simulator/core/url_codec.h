// URL text: strict percent-decoding, form/query parsing, query building and redirect-URI matching.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "percent_codec.h"
#include "result.h"

namespace gbc {

using FormFields = std::multimap<std::string, std::string>;

// "a=1&b=x%20y" (query strings and application/x-www-form-urlencoded bodies); `where` names the source in errors.
Result<FormFields> parseUrlEncoded(const std::string& text, const std::string& where);
std::string formatUrlEncoded(const std::vector<std::pair<std::string, std::string>>& fields);
// Adds parameters to a URI that may already have a query ("?" or "&" as needed).
std::string appendQuery(const std::string& uri, const std::vector<std::pair<std::string, std::string>>& params);
// Exact string match, except that for loopback http URIs (127.0.0.1, [::1], localhost) the port may differ
// (RFC 8252 §7.3). Fragments never match.
bool redirectUriMatches(const std::string& registered, const std::string& requested);

} // namespace gbc

// URL text: strict percent-decoding, form/query parsing, query building and redirect-URI matching.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "result.h"

namespace gbc {

using FormFields = std::multimap<std::string, std::string>;

// Every '%' must start a two-hex-digit escape (error code "bad_encoding"); with plusIsSpace, '+' becomes ' '.
Result<std::string> percentDecode(const std::string& text, bool plusIsSpace);
// Keeps RFC 3986 unreserved characters, escapes every other byte as %XX.
std::string percentEncode(const std::string& text);
// "a=1&b=x%20y" (query strings and application/x-www-form-urlencoded bodies); `where` names the source in errors.
Result<FormFields> parseUrlEncoded(const std::string& text, const std::string& where);
std::string formatUrlEncoded(const std::vector<std::pair<std::string, std::string>>& fields);
// Adds parameters to a URI that may already have a query ("?" or "&" as needed).
std::string appendQuery(const std::string& uri, const std::vector<std::pair<std::string, std::string>>& params);
// Exact string match, except that for loopback http URIs (127.0.0.1, [::1], localhost) the port may differ
// (RFC 8252 §7.3). Fragments never match.
bool redirectUriMatches(const std::string& registered, const std::string& requested);

} // namespace gbc

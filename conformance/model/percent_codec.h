// Percent-encoding (RFC 3986 §2.1), shared by the simulator (strict parsing) and the runner (building requests).
#pragma once

#include <string>

#include "result.h"

namespace gbc {

// Every '%' must start a two-hex-digit escape (error code "bad_encoding"); with plusIsSpace, '+' becomes ' '.
Result<std::string> percentDecode(const std::string& text, bool plusIsSpace);
// Keeps RFC 3986 unreserved characters, escapes every other byte as %XX.
std::string percentEncode(const std::string& text);

} // namespace gbc

// Making arbitrary bytes (a target's Latin-1 page, a file name) safe to put into JSON, XML and HTML reports.
#pragma once

#include <string>
#include <string_view>

namespace gbc {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view text);

// `text` with every ill-formed sequence replaced by U+FFFD (one per maximal invalid subpart, as Unicode §3.9
// recommends); well-formed text is returned unchanged.
std::string repairUtf8(std::string_view text);

} // namespace gbc

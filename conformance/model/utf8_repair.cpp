// UTF-8 validation and repair (Unicode §3.9, table 3-7 of well-formed byte sequences).
#include "utf8_repair.h"

namespace gbc {

namespace {

// Length of the well-formed sequence starting at text[i], or 0 when it is ill-formed; `bad` gets how many bytes
// form the maximal invalid subpart to replace by one U+FFFD.
std::size_t sequenceLength(std::string_view text, std::size_t i, std::size_t& bad)
{
    const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const unsigned b0 = byte(0);
    bad = 1;
    if (b0 < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) n = 3, lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    else if (b0 >= 0xF0 && b0 <= 0xF4) n = 4, lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const unsigned b = byte(k);
        if (i + k >= text.size() || b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
            return 0;
        bad = k + 1;
    }
    return n;
}

} // namespace

bool isValidUtf8(std::string_view text)
{
    std::size_t bad = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequenceLength(text, i, bad);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string repairUtf8(std::string_view text)
{
    if (isValidUtf8(text))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequenceLength(text, i, bad);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            i += bad;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

} // namespace gbc

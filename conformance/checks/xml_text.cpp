// Encoding detection and conversion to UTF-8, plus byte offset → line:col lookup.
#include "xml_text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "huge_pages.h"
#include "utf8_handover.h"

namespace gbc {

namespace {

Error encodingError(std::string_view decoded, std::size_t offset, const std::string& message)
{
    TextPosition p = LineIndex(decoded).at(std::min(offset, decoded.size()));
    return Error{"xml.encoding", std::to_string(p.line) + ":" + std::to_string(p.column), message};
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

Result<std::string> fromUtf16(std::string_view bytes, bool bigEndian)
{
    std::string out;
    out.reserve(bytes.size() / 2 + 16);
    auto unit = [&](std::size_t i) {
        auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
        return bigEndian ? static_cast<std::uint32_t>(b0 << 8 | b1) : static_cast<std::uint32_t>(b1 << 8 | b0);
    };
    if (bytes.size() % 2 != 0)
        return encodingError(out, out.size(), "UTF-16 input has an odd number of bytes");
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        std::uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            std::uint32_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            return encodingError(out, out.size(), "lone UTF-16 surrogate in the input");
        appendUtf8(out, u);
    }
    return out;
}

// Length of the UTF-8 sequence starting at s[i], or 0 when it is malformed (overlong, surrogate, > U+10FFFF).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = at(i);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((at(i + k) & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && at(i + 1) < 0xA0) || (c == 0xED && at(i + 1) > 0x9F) || (c == 0xF0 && at(i + 1) < 0x90) ||
        (c == 0xF4 && at(i + 1) > 0x8F))
        return 0;
    return n;
}

// True when all 8 bytes at `p` are printable ASCII (0x20-0x7F), the common case, tested a word at a time.
bool printableAsciiWord(const char* p)
{
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    constexpr std::uint64_t high = 0x8080808080808080ULL, space = 0x2020202020202020ULL;
    return ((w | ((w - space) & ~w)) & high) == 0;
}

// Every byte valid UTF-8 and no control character XML forbids (all C0 controls but tab, LF, CR).
Status checkUtf8(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size() && printableAsciiWord(s.data() + i)) {
            i += 8;
            continue;
        }
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0x20) {
            if (c == '\t' || c == '\n' || c == '\r') {
                ++i;
                continue;
            }
            char name[8];
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
            return encodingError(s, i, std::string("control character ") + name + " is not allowed in XML");
        }
        std::size_t n = utf8SequenceLength(s, i);
        if (n == 0)
            return encodingError(s, i, "invalid UTF-8 byte sequence");
        i += n;
    }
    return okStatus();
}

// The encoding named by an XML declaration at the start of 8-bit text, lower-cased; empty when none.
std::string declaredEncoding(std::string_view s)
{
    if (s.substr(0, 5) != "<?xml")
        return {};
    std::size_t end = s.find("?>");
    std::string_view decl = s.substr(0, end);
    std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos)
        return {};
    std::size_t q = decl.find_first_of("\"'", at);
    if (q == std::string_view::npos)
        return {};
    std::size_t close = decl.find(decl[q], q + 1);
    std::string name(decl.substr(q + 1, close == std::string_view::npos ? 0 : close - q - 1));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return name;
}

std::string fromLatin1(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s)
        appendUtf8(out, static_cast<unsigned char>(ch));
    return out;
}

// A copy of a large input on huge pages (advised before the copy first touches them).
std::string hugeCopy(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    adviseHugePages(out.data(), bytes.size());
    out.append(bytes);
    return out;
}

Result<Utf8Text> finish(std::string text, std::string encoding)
{
    Status ok = checkUtf8(text);
    if (!ok)
        return ok.error();
    return Utf8Text{std::move(text), std::move(encoding)};
}

} // namespace

Result<Utf8Text> toUtf8(std::string_view bytes)
{
    auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (starts("\xEF\xBB\xBF"))
        return finish(std::string(bytes.substr(3)), "UTF-8");
    bool le = starts("\xFF\xFE") || starts(std::string_view("<\0", 2));
    bool be = starts("\xFE\xFF") || starts(std::string_view("\0<", 2));
    if (le || be) {
        std::size_t skip = (starts("\xFF\xFE") || starts("\xFE\xFF")) ? 2 : 0;
        Result<std::string> text = fromUtf16(bytes.substr(skip), be);
        if (!text)
            return text.error();
        return finish(std::move(text).value(), le ? "UTF-16LE" : "UTF-16BE");
    }
    std::string declared = declaredEncoding(bytes);
    if (declared == "iso-8859-1" || declared == "latin1" || declared == "latin-1" || declared == "windows-1252")
        return finish(fromLatin1(bytes), "ISO-8859-1");
    if (!declared.empty() && declared != "utf-8" && declared != "utf8" && declared != "us-ascii" &&
        declared != "ascii" && declared != "utf-16")
        return Error{"xml.encoding", "1:1", "unsupported encoding '" + declared + "' (use UTF-8 or UTF-16)"};
    if (std::string* owned = takeHandedOver(bytes))
        return finish(std::move(*owned), "UTF-8");
    return finish(hugeCopy(bytes), "UTF-8");
}

namespace {
thread_local std::string* tHandedOver = nullptr;
} // namespace

Utf8Handover::Utf8Handover(std::string& owner) { tHandedOver = &owner; }
Utf8Handover::~Utf8Handover() { tHandedOver = nullptr; }

std::string* takeHandedOver(std::string_view bytes)
{
    std::string* owned = tHandedOver;
    if (!owned || owned->data() != bytes.data() || owned->size() != bytes.size())
        return nullptr;
    tHandedOver = nullptr;
    return owned;
}

LineIndex::LineIndex(std::string_view text) : text_(text)
{
    starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
        starts_.push_back(i + 1);
}

TextPosition LineIndex::at(std::size_t offset) const
{
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - starts_.begin());
    std::size_t column = 1;
    for (std::size_t i = starts_[line - 1]; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)
            ++column;
    return TextPosition{line, column};
}

} // namespace gbc

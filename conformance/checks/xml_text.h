// Turns raw document bytes (UTF-8, UTF-16 with or without BOM, Latin-1) into UTF-8 text for the XML parser.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace gbc {

// The input as UTF-8 plus the encoding it arrived in ("UTF-8", "UTF-16LE", "UTF-16BE", "ISO-8859-1").
struct Utf8Text {
    std::string text;
    std::string sourceEncoding;
};

// Converts `bytes` to UTF-8, dropping any byte-order mark. Errors (code "xml.encoding") locate the first bad
// byte as "line:col" in the text decoded so far: invalid UTF-8, a lone UTF-16 surrogate, an odd UTF-16 length,
// or an encoding declaration this tool cannot read.
Result<Utf8Text> toUtf8(std::string_view bytes);

// 1-based line and column (in characters) of a byte offset into UTF-8 text.
struct TextPosition {
    std::size_t line = 0;
    std::size_t column = 0;
};

// Precomputed line starts of a UTF-8 text, for many offset → line:col lookups in O(log n) each.
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text);
    TextPosition at(std::size_t offset) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

} // namespace gbc

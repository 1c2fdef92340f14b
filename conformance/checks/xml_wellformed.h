// Strict XML 1.0 well-formedness rules that pugixml's parser lets through: references, '<' in attribute values,
// "]]>" in text, a late XML declaration.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gbc {

// The first violation found, as a byte offset into the text and a short description.
struct MarkupProblem {
    std::size_t offset = 0;
    std::string what;
};

// Scans UTF-8 XML text (before it is parsed) for what XML 1.0 forbids and pugixml accepts:
// - §4.1 WFC "Entity Declared": an entity reference names one of amp, lt, gt, quot, apos or an entity declared in
//   the internal DTD subset; a bare '&' that starts no reference;
// - §4.1 WFC "Legal Character": a character reference (&#N; or &#xH;) names a Char (§2.2);
// - §3.1 WFC "No < in Attribute Values", and §2.4: '<' in text starts markup, "]]>" does not occur in text;
// - §2.8: the XML declaration, when present, is at the very start.
// Markup it cannot follow (a truncated tag, an unterminated comment) is left to the XML parser: nullopt then.
std::optional<MarkupProblem> findMarkupProblem(std::string_view text);

} // namespace gbc

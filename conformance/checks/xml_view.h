// Read-only, namespace-aware view of one XML document: pugixml parse plus a flat element table with URIs resolved.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "result.h"
#include "xml_text.h"

namespace gbc {

inline constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view kEspiNs = "http://naesb.org/espi";
inline constexpr std::string_view kCustomerNs = "http://naesb.org/espi/customer";

// Namespaces the checks care about; Unbound marks an element whose prefix was never declared.
enum class XmlNs : std::uint8_t { None, Atom, Espi, Customer, Other, Unbound };

inline constexpr std::uint32_t kNoElement = 0xFFFFFFFFu;

struct XmlElement {
    pugi::xml_node node;
    std::string_view local; // name without its prefix
    std::string_view text;   // first text child, whitespace-trimmed (empty when none)
    std::uint32_t parent = kNoElement;
    std::uint32_t firstChild = kNoElement;
    std::uint32_t nextSibling = kNoElement;
    std::uint16_t uriIndex = 0; // into XmlView's URI table; 0 = no namespace
    XmlNs ns = XmlNs::None;
};

// A prefix used on an element or attribute without a declaration in scope.
struct NamespaceProblem {
    std::uint32_t element = kNoElement;
    std::string prefix;
    std::string usedOn; // qualified element or attribute name
};

class XmlView {
public:
    // Parses UTF-8 text. Errors have code "xml.not_well_formed" and where "line:col".
    static Result<XmlView> parse(Utf8Text text);

    std::uint32_t root() const { return 0; }
    std::size_t size() const { return elems_.size(); }
    const XmlElement& operator[](std::uint32_t id) const { return elems_[id]; }
    bool is(std::uint32_t id, XmlNs ns, std::string_view local) const;

    // First child element `ns`:`local` of `parent`, or kNoElement; and how many there are.
    std::uint32_t child(std::uint32_t parent, XmlNs ns, std::string_view local) const;
    std::size_t count(std::uint32_t parent, XmlNs ns, std::string_view local) const;
    // Text content with surrounding whitespace trimmed; empty for kNoElement.
    std::string_view text(std::uint32_t id) const { return id == kNoElement ? std::string_view{} : elems_[id].text; }
    // Resolved namespace URI of an element, empty for none.
    std::string_view uri(std::uint32_t id) const { return uris_[elems_[id].uriIndex]; }
    // Value of an unprefixed attribute; empty when absent.
    std::string_view attribute(std::uint32_t id, const char* name) const;
    bool hasAttribute(std::uint32_t id, const char* name) const;

    TextPosition position(std::uint32_t id) const;
    // XPath-like path without prefixes, e.g. /feed/entry[4]/content/IntervalBlock/IntervalReading[2]/value; [n] is
    // given where the parent has several children of that local name. Sibling positions are computed on first use
    // per parent (so this const method is not safe to call from several threads at once).
    std::string path(std::uint32_t id) const;

    const std::vector<NamespaceProblem>& namespaceProblems() const { return nsProblems_; }
    const std::string& sourceEncoding() const { return storage_->encoding; }
    std::size_t byteSize() const { return storage_->text.size(); }

private:
    // The UTF-8 text is parsed in place (pugixml writes terminators into it); line starts are taken before that,
    // and column counts stay exact for ASCII lines.
    struct Storage {
        std::string text;
        std::string encoding;
        pugi::xml_document doc;
        LineIndex lines;
    };
    friend class XmlViewBuilder;

    std::unique_ptr<Storage> storage_;
    std::vector<XmlElement> elems_;
    std::vector<std::string_view> uris_{std::string_view{}};
    // Lazily filled by path(): 1-based position among same-named siblings, 0 = not computed; and "name repeats".
    mutable std::vector<std::uint32_t> positions_;
    mutable std::vector<bool> repeated_;
    void numberChildren(std::uint32_t parent) const;
    std::vector<NamespaceProblem> nsProblems_;
};

} // namespace gbc

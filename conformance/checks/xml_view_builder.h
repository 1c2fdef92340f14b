// Internal to XmlView: the one-pass walk that fills the element table (namespaces, positions, cached text).
#pragma once

#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "xml_view.h"

namespace gbc {

// XML 1.0 §2.5: "--" must not occur inside a comment, and a comment must not end in "-".
bool isBadComment(pugi::xml_node n);
std::string_view trimXmlSpace(std::string_view s);

// A namespace prefix's meaning in scope.
struct NamespaceBinding {
    std::string_view uri;
    std::uint16_t index = 0; // into XmlView's URI table
    XmlNs ns = XmlNs::None;
};

// One pass over pugixml's tree with its own (iterative) traverse(), so deep nesting cannot overflow the stack and
// no per-node child/sibling calls are needed. A stack indexed by depth holds the open elements.
class XmlViewBuilder : private pugi::xml_tree_walker {
public:
    explicit XmlViewBuilder(XmlView& view) : view_(view) {}

    // Walks the tree under `top`. On error, `failedAt` is the pugixml node where it happened.
    Status build(pugi::xml_node top, pugi::xml_node& failedAt);

private:
    struct Frame {
        std::uint32_t elem = 0;
        std::size_t declMark = 0; // decls_ size before this element's own declarations
        std::uint32_t lastChild = kNoElement;
    };
    using Binding = NamespaceBinding;
    static constexpr std::size_t kSmallSet = 32; // linear scans up to this size, hash maps beyond

    bool for_each(pugi::xml_node& node) override;
    bool visit(pugi::xml_node node, std::size_t depth);
    void pushFrame(std::uint32_t elem, std::size_t declMark);
    void closeFrames(std::size_t depth);
    // The binding of `prefix` in scope; nullptr when unbound (an unbound empty prefix is "no namespace").
    const Binding* lookup(std::string_view prefix) const;
    Status scanAttributes(pugi::xml_node node);
    void checkAttributePrefixes(pugi::xml_node node, std::uint32_t id);
    std::uint16_t uriIndex(std::string_view uri);
    Status addElement(pugi::xml_node node, std::uint32_t parent);

    XmlView& view_;
    std::vector<Frame> frames_;
    std::size_t depth_ = 0;
    Status error_ = okStatus();
    pugi::xml_node failedAt_;
    std::vector<std::pair<std::string_view, Binding>> decls_; // declarations in scope, innermost last
    std::unordered_map<std::string_view, std::vector<Binding>> scope_; // prefix → bindings, innermost last
    std::unordered_map<std::string_view, std::uint16_t> uriIds_;
    std::vector<std::string_view> names_;
    std::size_t declVersion_ = 0; // bumped whenever decls_ changes, to validate the lookup cache
    mutable std::string_view cachedPrefix_;
    mutable std::size_t cachedVersion_ = static_cast<std::size_t>(-1);
    mutable const Binding* cachedBinding_ = nullptr;
};

} // namespace gbc

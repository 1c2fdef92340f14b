// XmlViewBuilder: resolves every element's namespace by URI, numbers same-named siblings and caches text.
#include "xml_view_builder.h"

#include <algorithm>
#include <unordered_map>

namespace gbc {

namespace {

constexpr NamespaceBinding kNoNamespace{};
constexpr NamespaceBinding kXmlNamespace{"http://www.w3.org/XML/1998/namespace", 0, XmlNs::Other};

XmlNs classify(std::string_view uri)
{
    if (uri.empty())
        return XmlNs::None;
    if (uri == kAtomNs)
        return XmlNs::Atom;
    if (uri == kEspiNs)
        return XmlNs::Espi;
    if (uri == kCustomerNs)
        return XmlNs::Customer;
    return XmlNs::Other;
}

} // namespace

bool isBadComment(pugi::xml_node n)
{
    if (n.type() != pugi::node_comment)
        return false;
    std::string_view v = n.value();
    return v.find("--") != std::string_view::npos || (!v.empty() && v.back() == '-');
}

std::string_view trimXmlSpace(std::string_view s)
{
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    std::size_t b = 0, e = s.size();
    while (b < e && space(s[b]))
        ++b;
    while (e > b && space(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

Status XmlViewBuilder::build(pugi::xml_node top, pugi::xml_node& failedAt)
{
    std::size_t mark = decls_.size();
    if (Status s = addElement(top, kNoElement); !s) {
        failedAt = top;
        return s;
    }
    pushFrame(0, mark);
    top.traverse(*this);
    closeFrames(0);
    failedAt = failedAt_;
    return error_;
}

bool XmlViewBuilder::for_each(pugi::xml_node& node)
{
    return visit(node, static_cast<std::size_t>(depth()) + 1);
}

// One node at `depth` (the top element is depth 0): closes deeper frames, then records an element, the first
// text of its parent, or rejects a bad comment.
bool XmlViewBuilder::visit(pugi::xml_node node, std::size_t depth)
{
    closeFrames(depth);
    Frame& parent = frames_[depth - 1];
    pugi::xml_node_type t = node.type();
    if (t == pugi::node_element) {
        std::size_t mark = decls_.size();
        if (Status s = addElement(node, parent.elem); !s) {
            error_ = s;
            failedAt_ = node;
            return false;
        }
        auto id = static_cast<std::uint32_t>(view_.elems_.size() - 1);
        if (parent.lastChild == kNoElement)
            view_.elems_[parent.elem].firstChild = id;
        else
            view_.elems_[parent.lastChild].nextSibling = id;
        parent.lastChild = id;
        pushFrame(id, mark);
    } else if (t == pugi::node_pcdata || t == pugi::node_cdata) {
        XmlElement& e = view_.elems_[parent.elem];
        if (e.text.empty())
            e.text = trimXmlSpace(node.value());
    } else if (t == pugi::node_comment && isBadComment(node)) {
        error_ = Error{"xml.not_well_formed", "", "'--' inside a comment"};
        failedAt_ = node;
        return false;
    }
    return true;
}

void XmlViewBuilder::pushFrame(std::uint32_t elem, std::size_t declMark)
{
    if (depth_ == frames_.size())
        frames_.emplace_back();
    frames_[depth_++] = Frame{elem, declMark, kNoElement};
}

// Leaves the open elements deeper than `depth`, dropping their namespace declarations.
void XmlViewBuilder::closeFrames(std::size_t depth)
{
    while (depth_ > depth) {
        const Frame& f = frames_[--depth_];
        if (decls_.size() == f.declMark)
            continue;
        ++declVersion_;
        while (decls_.size() > f.declMark) {
            scope_[decls_.back().first].pop_back();
            decls_.pop_back();
        }
    }
}

const XmlViewBuilder::Binding* XmlViewBuilder::lookup(std::string_view prefix) const
{
    if (cachedVersion_ == declVersion_ && cachedPrefix_.size() == prefix.size() && // most elements repeat the
        std::equal(prefix.begin(), prefix.end(), cachedPrefix_.begin()))           // last prefix
        return cachedBinding_;
    const Binding* found = prefix.empty() ? &kNoNamespace : nullptr;
    if (prefix == "xml") {
        found = &kXmlNamespace;
    } else if (decls_.size() <= kSmallSet) {
        for (auto it = decls_.rbegin(); it != decls_.rend(); ++it)
            if (it->first == prefix) {
                found = &it->second;
                break;
            }
    } else if (auto it = scope_.find(prefix); it != scope_.end() && !it->second.empty()) {
        found = &it->second.back();
    }
    cachedPrefix_ = prefix;
    cachedVersion_ = declVersion_;
    cachedBinding_ = found;
    return found;
}

// Pushes the element's namespace declarations; rejects duplicate attribute names.
Status XmlViewBuilder::scanAttributes(pugi::xml_node node)
{
    names_.clear();
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view name = a.name();
        names_.push_back(name);
        if (name == "xmlns" || name.substr(0, 6) == "xmlns:") {
            std::string_view prefix = name.size() > 5 ? name.substr(6) : std::string_view{};
            Binding b{a.value(), uriIndex(a.value()), classify(a.value())};
            decls_.emplace_back(prefix, b);
            scope_[prefix].push_back(b);
            ++declVersion_;
        }
    }
    if (names_.size() < 2)
        return okStatus();
    std::sort(names_.begin(), names_.end());
    auto dup = std::adjacent_find(names_.begin(), names_.end());
    if (dup != names_.end())
        return Error{"xml.not_well_formed", "", "duplicate attribute '" + std::string(*dup) + "'"};
    return okStatus();
}

void XmlViewBuilder::checkAttributePrefixes(pugi::xml_node node, std::uint32_t id)
{
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view name = a.name();
        std::size_t colon = name.find(':');
        if (colon == std::string_view::npos || name.substr(0, colon) == "xmlns")
            continue;
        if (!lookup(name.substr(0, colon)))
            view_.nsProblems_.push_back({id, std::string(name.substr(0, colon)), std::string(name)});
    }
}

std::uint16_t XmlViewBuilder::uriIndex(std::string_view uri)
{
    if (uri.empty())
        return 0;
    std::vector<std::string_view>& uris = view_.uris_;
    auto [it, fresh] = uriIds_.emplace(uri, static_cast<std::uint16_t>(uris.size()));
    if (fresh) {
        if (uris.size() == 0xFFFF) { // absurdly many namespaces: further ones read as "none"
            uriIds_.erase(it);
            return 0;
        }
        uris.push_back(uri);
    }
    return it->second;
}

Status XmlViewBuilder::addElement(pugi::xml_node node, std::uint32_t parent)
{
    bool hasAttributes = static_cast<bool>(node.first_attribute());
    if (hasAttributes)
        if (Status attrs = scanAttributes(node); !attrs)
            return attrs;
    auto id = static_cast<std::uint32_t>(view_.elems_.size());
    XmlElement e;
    e.node = node;
    e.parent = parent;
    std::string_view name = node.name();
    std::size_t colon = 0;
    while (colon < name.size() && name[colon] != ':')
        ++colon;
    std::string_view prefix = colon == name.size() ? std::string_view{} : name.substr(0, colon);
    e.local = colon == name.size() ? name : name.substr(colon + 1);
    e.text = trimXmlSpace(node.value()); // a lone text child, embedded by parse_embed_pcdata
    const Binding* b = lookup(prefix);
    e.uriIndex = b ? b->index : 0;
    e.ns = b ? b->ns : XmlNs::Unbound;
    if (!b)
        view_.nsProblems_.push_back({id, std::string(prefix), std::string(name)});
    if (hasAttributes)
        checkAttributePrefixes(node, id);
    view_.elems_.push_back(e);
    return okStatus();
}

} // namespace gbc

// XmlView: parse in place with pugixml, check what pugixml lets through, then index the elements in one walk.
#include "xml_view.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "huge_pages.h"
#include "xml_view_builder.h"
#include "xml_wellformed.h"

namespace gbc {

namespace {

// Comments are kept only so that a comment containing "--" (which pugixml accepts) can be rejected. End-of-line
// and attribute whitespace normalisation are left out: the checks trim text and hrefs carry no line breaks.
// parse_embed_pcdata stores a leaf's text in the element itself: a third fewer nodes to allocate and walk.
constexpr unsigned kParseOptions = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_fragment |
                                   pugi::parse_comments | pugi::parse_embed_pcdata;

// A short one-line excerpt of the text around `offset`, for parse error messages.
std::string excerpt(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t begin = offset > 12 ? offset - 12 : 0;
    std::string out;
    for (std::size_t i = begin; i < text.size() && out.size() < 32; ++i)
        out += (text[i] == '\n' || text[i] == '\r' || text[i] == '\t' || text[i] == '\0') ? ' ' : text[i];
    return out;
}

Error wellFormedError(const LineIndex& lines, std::string_view text, std::size_t offset, const std::string& what)
{
    TextPosition p = lines.at(offset);
    return Error{"xml.not_well_formed", std::to_string(p.line) + ":" + std::to_string(p.column),
                 "not well-formed XML: " + what + " near '" + excerpt(text, offset) + "'"};
}

std::size_t nodeOffset(pugi::xml_node node)
{
    std::ptrdiff_t off = node.offset_debug();
    return off > 0 ? static_cast<std::size_t>(off - 1) : 0;
}

// Exactly one root element and no text beside it (pugixml, parsing as a fragment, keeps both).
Result<pugi::xml_node> singleRoot(const pugi::xml_document& doc, const LineIndex& lines, std::string_view text)
{
    pugi::xml_node root;
    for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_element) {
            if (root)
                return wellFormedError(lines, text, nodeOffset(n), "a second root element");
            root = n;
        } else if ((n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) &&
                   !trimXmlSpace(n.value()).empty()) {
            return wellFormedError(lines, text, nodeOffset(n), "text outside the root element");
        } else if (isBadComment(n)) {
            return wellFormedError(lines, text, nodeOffset(n), "'--' inside a comment");
        }
    }
    if (!root)
        return wellFormedError(lines, text, text.size(), "no root element");
    return root;
}

// Upper bound of the element count (every element starts with '<'), eight bytes at a time. The zero-byte test
// may count a byte twice; an upper bound is all the reservation needs.
std::size_t countTags(std::string_view text)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL, lt = ones * '<';
    std::size_t n = 0, i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        w ^= lt;
        n += static_cast<std::size_t>(((((w - ones) & ~w & highs) >> 7) * ones) >> 56); // bytes flagged in w
    }
    for (; i < text.size(); ++i)
        n += text[i] == '<' ? 1 : 0;
    return n;
}

} // namespace

Result<XmlView> XmlView::parse(Utf8Text input)
{
    XmlView view;
    view.storage_ = std::make_unique<Storage>();
    Storage& st = *view.storage_;
    st.text = std::move(input.text);
    st.encoding = std::move(input.sourceEncoding);
    st.lines = LineIndex(st.text);
    std::size_t tags = countTags(st.text);
    if (std::optional<MarkupProblem> bad = findMarkupProblem(st.text))
        return wellFormedError(st.lines, st.text, bad->offset, bad->what);
    std::string pristine = st.text.size() <= 4096 ? st.text : std::string(); // for short error excerpts only
    pugi::xml_parse_result parsed;
    { // pugixml needs ~32 bytes of nodes per tag of a feed (elements and attributes); huge pages for a big one
        HugePageArenaScope arena(tags * 40 + (std::size_t{2} << 20));
        parsed = st.doc.load_buffer_inplace(st.text.data(), st.text.size(), kParseOptions, pugi::encoding_utf8);
    }
    std::string_view shown = pristine.empty() ? std::string_view(st.text) : std::string_view(pristine);
    if (!parsed) {
        std::string what = parsed.description();
        if (!what.empty())
            what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
        return wellFormedError(st.lines, shown, static_cast<std::size_t>(parsed.offset), what);
    }
    Result<pugi::xml_node> root = singleRoot(st.doc, st.lines, shown);
    if (!root)
        return root.error();
    view.elems_.reserve(tags + 16); // untouched capacity costs address space only
    adviseHugePages(view.elems_.data(), view.elems_.capacity() * sizeof(XmlElement));
    XmlViewBuilder builder(view);
    pugi::xml_node failedAt;
    if (Status built = builder.build(*root, failedAt); !built)
        return wellFormedError(st.lines, shown, nodeOffset(failedAt), built.error().message);
    return view;
}

bool XmlView::is(std::uint32_t id, XmlNs ns, std::string_view local) const
{
    return id != kNoElement && elems_[id].ns == ns && elems_[id].local == local;
}

std::uint32_t XmlView::child(std::uint32_t parent, XmlNs ns, std::string_view local) const
{
    if (parent == kNoElement)
        return kNoElement;
    for (std::uint32_t c = elems_[parent].firstChild; c != kNoElement; c = elems_[c].nextSibling)
        if (elems_[c].ns == ns && elems_[c].local == local)
            return c;
    return kNoElement;
}

std::size_t XmlView::count(std::uint32_t parent, XmlNs ns, std::string_view local) const
{
    std::size_t n = 0;
    if (parent == kNoElement)
        return 0;
    for (std::uint32_t c = elems_[parent].firstChild; c != kNoElement; c = elems_[c].nextSibling)
        n += (elems_[c].ns == ns && elems_[c].local == local) ? 1 : 0;
    return n;
}

std::string_view XmlView::attribute(std::uint32_t id, const char* name) const
{
    return id == kNoElement ? std::string_view{} : std::string_view(elems_[id].node.attribute(name).value());
}

bool XmlView::hasAttribute(std::uint32_t id, const char* name) const
{
    return id != kNoElement && elems_[id].node.attribute(name);
}

TextPosition XmlView::position(std::uint32_t id) const
{
    return id == kNoElement ? TextPosition{1, 1} : storage_->lines.at(nodeOffset(elems_[id].node));
}

void XmlView::numberChildren(std::uint32_t parent) const
{
    std::unordered_map<std::string_view, std::uint32_t> counts;
    auto first = [&](std::uint32_t p) { return p == kNoElement ? root() : elems_[p].firstChild; };
    for (std::uint32_t c = first(parent); c != kNoElement; c = parent == kNoElement ? kNoElement : elems_[c].nextSibling)
        positions_[c] = ++counts[elems_[c].local];
    for (std::uint32_t c = first(parent); c != kNoElement; c = parent == kNoElement ? kNoElement : elems_[c].nextSibling)
        repeated_[c] = counts[elems_[c].local] > 1;
}

std::string XmlView::path(std::uint32_t id) const
{
    if (positions_.empty()) {
        positions_.assign(elems_.size(), 0);
        repeated_.assign(elems_.size(), false);
    }
    std::vector<std::uint32_t> chain;
    for (std::uint32_t e = id; e != kNoElement; e = elems_[e].parent)
        chain.push_back(e);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (positions_[*it] == 0)
            numberChildren(elems_[*it].parent);
        out += '/';
        out += elems_[*it].local;
        if (repeated_[*it])
            out += "[" + std::to_string(positions_[*it]) + "]";
    }
    return out;
}

} // namespace gbc

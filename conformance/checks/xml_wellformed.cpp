// One forward pass over the raw text with a tiny state machine (text, tag, quoted value, comment, PI, CDATA, DTD).
#include "xml_wellformed.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace gbc {

namespace {

bool isNameByte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
           c == '-' || c == '.' || c >= 0x80;
}

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// XML 1.0 §2.2 Char.
bool isXmlChar(std::uint32_t cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

int digitValue(char c, bool hex)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (hex && c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

class Scanner {
public:
    explicit Scanner(std::string_view t) : t_(t) {}
    std::optional<MarkupProblem> run();

private:
    bool fail(std::size_t at, std::string what)
    {
        problem_ = MarkupProblem{at, std::move(what)};
        return false;
    }
    bool startsAt(std::size_t i, std::string_view s) const { return t_.compare(i, s.size(), s) == 0; }
    std::size_t after(std::size_t from, std::string_view end) const; // past `end`, or npos when it never comes
    bool reference(std::size_t& i);
    bool characterReference(std::size_t at, std::size_t& i);
    bool markup(std::size_t& i);
    bool tag(std::size_t& i);
    bool doctype(std::size_t& i);
    void declareEntity(std::size_t i);

    std::string_view t_;
    std::vector<std::string_view> declared_; // general entities of the internal DTD subset
    std::optional<MarkupProblem> problem_;
};

std::size_t Scanner::after(std::size_t from, std::string_view end) const
{
    std::size_t at = t_.find(end, from);
    return at == std::string_view::npos ? at : at + end.size();
}

std::optional<MarkupProblem> Scanner::run()
{
    static constexpr auto interesting = [] {
        std::array<bool, 256> a{};
        a['<'] = a['&'] = a[']'] = true;
        return a;
    }();
    std::size_t i = 0;
    while (i < t_.size()) {
        char c = t_[i];
        if (!interesting[static_cast<unsigned char>(c)]) {
            ++i;
            continue;
        }
        bool ok = true;
        if (c == '&')
            ok = reference(i);
        else if (c == '<')
            ok = markup(i);
        else if (startsAt(i, "]]>"))
            ok = fail(i, "']]>' in text (it may only close a CDATA section)");
        else
            ++i;
        if (!ok)
            return problem_;
    }
    return std::nullopt;
}

// At '&': an entity or character reference ending in ';'. Advances `i` past it.
bool Scanner::reference(std::size_t& i)
{
    std::size_t at = i++;
    if (i < t_.size() && t_[i] == '#')
        return characterReference(at, i);
    std::size_t begin = i;
    while (i < t_.size() && isNameByte(static_cast<unsigned char>(t_[i])))
        ++i;
    if (i == begin || i >= t_.size() || t_[i] != ';')
        return fail(at, "'&' that starts no reference (write it as &amp;)");
    std::string_view name = t_.substr(begin, i - begin);
    ++i;
    for (std::string_view known : {"amp", "lt", "gt", "quot", "apos"})
        if (name == known)
            return true;
    for (std::string_view d : declared_)
        if (name == d)
            return true;
    return fail(at, "undefined entity '&" + std::string(name) + ";' (only amp, lt, gt, quot, apos and entities "
                    "declared in the DTD)");
}

bool Scanner::characterReference(std::size_t at, std::size_t& i)
{
    bool hex = ++i < t_.size() && t_[i] == 'x';
    i += hex ? 1 : 0;
    std::uint32_t cp = 0;
    std::size_t digits = 0;
    for (int d; i < t_.size() && (d = digitValue(t_[i], hex)) >= 0; ++i, ++digits)
        cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    std::size_t end = t_.find_first_of(";<>\"' \n", i);
    std::string shown(t_.substr(at, end == std::string_view::npos ? 12 : std::min<std::size_t>(end - at + 1, 16)));
    if (digits == 0 || i >= t_.size() || t_[i] != ';')
        return fail(at, "malformed character reference '" + shown + "'");
    ++i;
    if (!isXmlChar(cp))
        return fail(at, "character reference '" + shown + "' is not a legal XML character");
    return true;
}

// At '<': a comment, CDATA section, PI, DOCTYPE, end tag or start tag; advances `i` past it.
bool Scanner::markup(std::size_t& i)
{
    std::size_t at = i;
    std::size_t end = std::string_view::npos;
    if (startsAt(at, "<!--")) {
        end = after(at + 4, "-->");
    } else if (startsAt(at, "<![CDATA[")) {
        end = after(at + 9, "]]>");
    } else if (startsAt(at, "<!DOCTYPE")) {
        return doctype(i);
    } else if (startsAt(at, "<?")) {
        bool xmlDecl = startsAt(at, "<?xml") && at + 5 < t_.size() && isSpace(t_[at + 5]);
        if (xmlDecl && at != 0)
            return fail(at, "XML declaration not at the start of the document");
        end = after(at + 2, "?>");
    } else if (startsAt(at, "</")) {
        end = after(at + 2, ">");
    } else if (at + 1 < t_.size() && isNameByte(static_cast<unsigned char>(t_[at + 1])) && t_[at + 1] != '-' &&
               t_[at + 1] != '.' && (t_[at + 1] < '0' || t_[at + 1] > '9')) {
        return tag(i);
    } else {
        return fail(at, "'<' in text that starts no markup (write it as &lt;)");
    }
    i = end == std::string_view::npos ? t_.size() : end;
    return true;
}

// A start tag: attribute values are checked for '<' and references; ends past '>'.
bool Scanner::tag(std::size_t& i)
{
    for (++i; i < t_.size(); ++i) {
        char c = t_[i];
        if (c == '>') {
            ++i;
            return true;
        }
        if (c != '"' && c != '\'')
            continue;
        for (++i; i < t_.size() && t_[i] != c;) {
            if (t_[i] == '<')
                return fail(i, "'<' in an attribute value (write it as &lt;)");
            if (t_[i] == '&') {
                if (!reference(i))
                    return false;
            } else {
                ++i;
            }
        }
    }
    return true;
}

// Records the name of a general entity declared at `i` ("<!ENTITY name ..."); parameter entities are skipped.
void Scanner::declareEntity(std::size_t i)
{
    i += 8;
    while (i < t_.size() && isSpace(t_[i]))
        ++i;
    if (i >= t_.size() || t_[i] == '%')
        return;
    std::size_t begin = i;
    while (i < t_.size() && isNameByte(static_cast<unsigned char>(t_[i])))
        ++i;
    if (i > begin)
        declared_.push_back(t_.substr(begin, i - begin));
}

// The DOCTYPE and its internal subset: entity declarations are collected; quoted strings and comments skipped.
bool Scanner::doctype(std::size_t& i)
{
    bool inSubset = false;
    for (i += 9; i < t_.size(); ++i) {
        char c = t_[i];
        if (c == '"' || c == '\'') {
            std::size_t close = t_.find(c, i + 1);
            i = close == std::string_view::npos ? t_.size() : close;
        } else if (inSubset && startsAt(i, "<!--")) {
            std::size_t end = after(i + 4, "-->");
            i = end == std::string_view::npos ? t_.size() : end - 1;
        } else if (inSubset && startsAt(i, "<!ENTITY")) {
            declareEntity(i);
        } else if (c == '[') {
            inSubset = true;
        } else if (c == ']') {
            inSubset = false;
        } else if (c == '>' && !inSubset) {
            ++i;
            return true;
        }
    }
    return true;
}

} // namespace

std::optional<MarkupProblem> findMarkupProblem(std::string_view text)
{
    return Scanner(text).run();
}

} // namespace gbc

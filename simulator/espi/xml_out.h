// A minimal, fast XML text builder over a std::string: raw markup, escaped text and integers, no DOM.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace gbc {

class XmlOut {
public:
    explicit XmlOut(std::string& buffer) : out_(buffer) {}

    std::string& buffer() { return out_; }

    XmlOut& raw(std::string_view s)
    {
        out_.append(s);
        return *this;
    }
    // Character data or attribute value: escapes & < > " ' and blanks control characters XML 1.0 forbids.
    XmlOut& text(std::string_view s)
    {
        std::size_t from = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char* rep = escapeOf(s[i]);
            if (!rep)
                continue;
            out_.append(s.substr(from, i - from));
            out_.append(rep);
            from = i + 1;
        }
        out_.append(s.substr(from));
        return *this;
    }
    XmlOut& num(std::int64_t v)
    {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
        return *this;
    }
    // <name>value</name>
    XmlOut& element(std::string_view name, std::int64_t v)
    {
        open(name).num(v);
        return close(name);
    }
    XmlOut& element(std::string_view name, std::string_view v)
    {
        open(name).text(v);
        return close(name);
    }
    XmlOut& open(std::string_view name)
    {
        out_ += '<';
        out_.append(name);
        out_ += '>';
        return *this;
    }
    XmlOut& close(std::string_view name)
    {
        out_.append("</", 2);
        out_.append(name);
        out_ += '>';
        return *this;
    }

private:
    static const char* escapeOf(char c)
    {
        switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&apos;";
        case '\t': case '\n': case '\r': return nullptr;
        default: return static_cast<unsigned char>(c) < 0x20 ? " " : nullptr; // not allowed in XML 1.0
        }
    }

    std::string& out_;
};

} // namespace gbc

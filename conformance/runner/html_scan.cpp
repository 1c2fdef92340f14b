// Tolerant HTML scanning: tags, attributes (quoted, unquoted, bare), comments, raw-text elements and entities.
#include "html_scan.h"

#include <algorithm>
#include <cctype>

namespace gbc {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string collapse(const std::string& s)
{
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
        } else {
            if (space)
                out += ' ';
            out += c;
            space = false;
        }
    }
    return out;
}

struct Tag {
    std::string name; // lower-case, "/name" for end tags
    std::map<std::string, std::string> attrs;
    std::size_t end = 0; // index just past '>'
};

// Parses the tag starting at text[pos] == '<'.
Tag readTag(const std::string& t, std::size_t pos)
{
    Tag tag;
    std::size_t i = pos + 1;
    const bool closing = i < t.size() && t[i] == '/';
    if (closing)
        ++i;
    std::size_t start = i;
    while (i < t.size() && !std::isspace(static_cast<unsigned char>(t[i])) && t[i] != '>' && t[i] != '/')
        ++i;
    tag.name = (closing ? "/" : "") + lower(t.substr(start, i - start));
    while (i < t.size() && t[i] != '>') {
        if (std::isspace(static_cast<unsigned char>(t[i])) || t[i] == '/') {
            ++i;
            continue;
        }
        start = i;
        while (i < t.size() && !std::isspace(static_cast<unsigned char>(t[i])) && t[i] != '=' && t[i] != '>')
            ++i;
        const std::string name = lower(t.substr(start, i - start));
        std::string value;
        while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i])))
            ++i;
        if (i < t.size() && t[i] == '=') {
            ++i;
            while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i])))
                ++i;
            if (i < t.size() && (t[i] == '"' || t[i] == '\'')) {
                const char q = t[i++];
                const std::size_t close = t.find(q, i);
                value = t.substr(i, close == std::string::npos ? std::string::npos : close - i);
                i = close == std::string::npos ? t.size() : close + 1;
            } else {
                start = i;
                while (i < t.size() && !std::isspace(static_cast<unsigned char>(t[i])) && t[i] != '>')
                    ++i;
                value = t.substr(start, i - start);
            }
        }
        if (!name.empty() && !tag.attrs.count(name))
            tag.attrs[name] = decodeEntities(value);
    }
    tag.end = i < t.size() ? i + 1 : t.size();
    return tag;
}

std::string attr(const Tag& tag, const std::string& name)
{
    auto it = tag.attrs.find(name);
    return it == tag.attrs.end() ? std::string() : it->second;
}

// Text between the end of an opening tag and its matching closing tag (nesting of the same tag counted).
std::string innerText(const std::string& t, std::size_t from, const std::string& tagName)
{
    int depth = 1;
    std::string text;
    std::size_t i = from;
    while (i < t.size()) {
        if (t[i] != '<') {
            text += t[i++];
            continue;
        }
        Tag inner = readTag(t, i);
        if (inner.name == tagName)
            ++depth;
        else if (inner.name == "/" + tagName && --depth == 0)
            break;
        text += ' ';
        i = inner.end;
    }
    return collapse(decodeEntities(text));
}

HtmlControl controlFrom(const Tag& tag, const std::string& t)
{
    HtmlControl c;
    c.tag = tag.name;
    c.name = attr(tag, "name");
    c.value = attr(tag, "value");
    c.type = lower(attr(tag, "type"));
    if (c.tag == "input" && c.type.empty())
        c.type = "text";
    if (c.tag == "button" && c.type.empty())
        c.type = "submit";
    c.checked = tag.attrs.count("checked") != 0;
    if (c.tag == "textarea")
        c.value = decodeEntities(t.substr(tag.end, t.find("</textarea", tag.end) - tag.end));
    return c;
}

} // namespace

std::string decodeEntities(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const std::size_t semi = text.find(';', i);
        if (semi == std::string::npos || semi - i > 10) {
            out += '&';
            continue;
        }
        const std::string name = text.substr(i + 1, semi - i - 1);
        long code = -1;
        if (name == "amp") code = '&';
        else if (name == "lt") code = '<';
        else if (name == "gt") code = '>';
        else if (name == "quot") code = '"';
        else if (name == "apos") code = '\'';
        else if (name == "nbsp") code = ' ';
        else if (name.size() > 1 && name[0] == '#')
            code = std::strtol(name.c_str() + (name[1] == 'x' || name[1] == 'X' ? 2 : 1), nullptr,
                name[1] == 'x' || name[1] == 'X' ? 16 : 10);
        if (code > 0 && code < 128) {
            out += static_cast<char>(code);
            i = semi;
        } else {
            out += '&';
        }
    }
    return out;
}

namespace {

// Applies one form-related tag (form, /form, a control, an option) to the page being built.
void applyFormTag(const Tag& tag, const std::string& t, HtmlPage& page, int& openForm)
{
    if (tag.name == "form") {
        page.forms.push_back(HtmlForm{attr(tag, "id"), attr(tag, "action"), lower(attr(tag, "method")), {}});
        if (page.forms.back().method.empty())
            page.forms.back().method = "get";
        openForm = static_cast<int>(page.forms.size()) - 1;
    } else if (tag.name == "/form") {
        openForm = -1;
    } else if (tag.name == "input" || tag.name == "button" || tag.name == "textarea" || tag.name == "select") {
        int target = openForm;
        const std::string owner = attr(tag, "form"); // form="id" attaches a control placed outside its form
        for (std::size_t f = 0; !owner.empty() && f < page.forms.size(); ++f)
            if (page.forms[f].id == owner)
                target = static_cast<int>(f);
        if (target >= 0)
            page.forms[static_cast<std::size_t>(target)].controls.push_back(controlFrom(tag, t));
    } else if (tag.name == "option" && openForm >= 0 && !page.forms[openForm].controls.empty()) {
        HtmlControl& sel = page.forms[openForm].controls.back();
        const std::string value = tag.attrs.count("value") ? attr(tag, "value") : innerText(t, tag.end, "option");
        if (sel.tag == "select" && (sel.value.empty() || tag.attrs.count("selected")))
            sel.value = value;
    }
}

} // namespace

HtmlPage scanHtml(const std::string& t)
{
    HtmlPage page;
    int openForm = -1;
    std::size_t i = 0;
    while ((i = t.find('<', i)) != std::string::npos) {
        if (t.compare(i, 4, "<!--") == 0) {
            const std::size_t end = t.find("-->", i + 4);
            i = end == std::string::npos ? t.size() : end + 3;
            continue;
        }
        const Tag tag = readTag(t, i);
        i = tag.end;
        if (tag.name == "script" || tag.name == "style") { // raw text: nothing inside is markup
            const std::size_t end = lower(t.substr(i)).find("</" + tag.name);
            i = end == std::string::npos ? t.size() : i + end;
            continue;
        }
        const std::string id = attr(tag, "id");
        if (!id.empty() && !page.byId.count(id))
            page.byId[id] = HtmlElement{tag.name, tag.attrs, innerText(t, tag.end, tag.name)};
        if (tag.name == "title" && page.title.empty())
            page.title = innerText(t, tag.end, "title");
        applyFormTag(tag, t, page, openForm);
    }
    return page;
}

bool HtmlForm::hasControl(const std::string& name) const
{
    return std::any_of(controls.begin(), controls.end(), [&](const HtmlControl& c) { return c.name == name; });
}

const HtmlControl* HtmlForm::findButton(const std::string& name, const std::string& value) const
{
    for (const HtmlControl& c : controls)
        if (c.isSubmit() && c.name == name && (value.empty() || c.value == value))
            return &c;
    return nullptr;
}

const HtmlElement* HtmlPage::element(const std::string& id) const
{
    auto it = byId.find(id);
    return it == byId.end() ? nullptr : &it->second;
}

bool HtmlPage::looksLikeLogin() const
{
    for (const HtmlForm& f : forms)
        for (const HtmlControl& c : f.controls)
            if (c.type == "password" || c.name == "username" || c.name == "account_number" ||
                c.name == "lookup_value" || c.name == "otp" || c.name == "decision")
                return true;
    return false;
}

Params formSubmission(const HtmlForm& form, const std::map<std::string, std::string>& fills,
    const HtmlControl* button)
{
    Params out;
    std::map<std::string, bool> used;
    for (const HtmlControl& c : form.controls) {
        if (c.name.empty() || c.isSubmit() || c.type == "button" || c.type == "reset" || c.type == "image")
            continue;
        if ((c.type == "checkbox" || c.type == "radio") && !c.checked && !fills.count(c.name))
            continue;
        auto fill = fills.find(c.name);
        if (fill != fills.end() && used[c.name])
            continue; // a filled multi-valued name is sent once
        out.emplace_back(c.name, fill != fills.end() ? fill->second : (c.type == "checkbox" && c.value.empty() ? "on" : c.value));
        if (fill != fills.end())
            used[c.name] = true;
    }
    for (const auto& [name, value] : fills)
        if (!form.hasControl(name))
            out.emplace_back(name, value);
    if (button && !button->name.empty())
        out.emplace_back(button->name, button->value);
    return out;
}

} // namespace gbc

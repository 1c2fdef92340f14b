// A tolerant HTML scanner for login and consent pages: forms with their controls, and elements with an id.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "url.h"

namespace gbc {

struct HtmlControl {
    std::string tag;  // input | button | select | textarea
    std::string type; // lower-case input/button type ("text", "submit", "checkbox"...)
    std::string name;
    std::string value;
    bool checked = false;
    bool isSubmit() const { return (tag == "button" && (type.empty() || type == "submit")) || type == "submit"; }
};

struct HtmlForm {
    std::string id;
    std::string action; // as written (resolve against the page URL)
    std::string method; // lower-case, "get" by default
    std::vector<HtmlControl> controls;

    bool hasControl(const std::string& name) const;
    const HtmlControl* findButton(const std::string& name, const std::string& value) const;
};

struct HtmlElement {
    std::string tag;
    std::map<std::string, std::string> attributes; // lower-case names, decoded values
    std::string text;                              // text content, tags stripped, whitespace collapsed
};

struct HtmlPage {
    std::string title;
    std::vector<HtmlForm> forms;
    std::map<std::string, HtmlElement> byId;

    const HtmlElement* element(const std::string& id) const;
    // True when the page asks for credentials or customer data (a login/verification form).
    bool looksLikeLogin() const;
};

// Never fails: broken markup yields whatever could be recognised.
HtmlPage scanHtml(const std::string& html);

// The fields a browser would submit for `form`, with `fills` overriding values and `button` (if any) appended.
Params formSubmission(const HtmlForm& form, const std::map<std::string, std::string>& fills,
    const HtmlControl* button);

std::string decodeEntities(const std::string& text);

} // namespace gbc

// Plain HTML pages (no JavaScript): escaping, the shared page frame and error pages.
#pragma once

#include <string>

#include "http_types.h"

namespace gbc {

// Escapes & < > " ' so any echoed text is inert in element content and quoted attributes.
std::string escapeHtml(const std::string& text);

// A complete document around `bodyHtml` (already escaped by the caller).
std::string renderPage(const std::string& title, const std::string& bodyHtml);

// An HTML answer with no-store caching, no framing and a CSP that allows no scripts.
HttpAnswer htmlAnswer(int status, const std::string& html);

// `<p id="error" data-error="CODE">message</p>`: how every page reports a problem to people and to test drivers.
std::string errorElement(const std::string& code, const std::string& message);

// A full error page: status, stable error code (data-error), heading and one explanatory sentence.
HttpAnswer errorPage(int status, const std::string& code, const std::string& title, const std::string& message);

} // namespace gbc

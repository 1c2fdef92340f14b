// Page frame and escaping for the simulator's HTML (authorize pages, home page, error pages).
#include "html.h"

namespace gbc {

std::string escapeHtml(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string renderPage(const std::string& title, const std::string& bodyHtml)
{
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>" + escapeHtml(title) + "</title><style>"
           "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45}"
           "label{display:block;margin:.6rem 0 .2rem}input[type=text],input[type=password],input[type=date]{width:100%;"
           "padding:.4rem;box-sizing:border-box}button{margin:.8rem .6rem 0 0;padding:.45rem 1.1rem}"
           "#error{color:#a40000;font-weight:600}#sandbox-otp{font-size:1.4rem;letter-spacing:.2rem}"
           "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.25rem .5rem;text-align:left}"
           ".note{color:#555;font-size:.9rem}</style></head>\n<body>\n"
           "<h1>" + escapeHtml(title) + "</h1>\n" + bodyHtml + "\n</body></html>\n";
}

HttpAnswer htmlAnswer(int status, const std::string& html)
{
    HttpAnswer a = HttpAnswer::make(status, "text/html; charset=utf-8", html);
    a.withHeader("Cache-Control", "no-store")
        .withHeader("X-Frame-Options", "DENY")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        .withHeader("Referrer-Policy", "no-referrer");
    return a;
}

std::string errorElement(const std::string& code, const std::string& message)
{
    return "<p id=\"error\" data-error=\"" + escapeHtml(code) + "\">" + escapeHtml(message) + "</p>\n";
}

HttpAnswer errorPage(int status, const std::string& code, const std::string& title, const std::string& message)
{
    return htmlAnswer(status, renderPage(title, errorElement(code, message) +
                                                    "<p><a href=\"/\">Simulator home</a></p>"));
}

} // namespace gbc

// HTML of the Green Button proxy flow.
#include "proxy_pages.h"

#include "html.h"

namespace gbc {

namespace {

std::string hidden(const std::string& name, const std::string& value)
{
    return "<input type=\"hidden\" name=\"" + escapeHtml(name) + "\" value=\"" + escapeHtml(value) + "\">";
}

std::string brand(const char* who) { return std::string("<p class=\"note\" id=\"brand\">") + who + "</p>\n"; }

} // namespace

std::string proxyFormPage(const Utility& u, const Client& c, const std::string& formUid, const std::string& email,
                          const std::string& redirectUri, const std::string& state, const std::string& error)
{
    const std::string body =
        brand("UtilityAPI authorization form") + error + "<p><strong id=\"company\">" + escapeHtml(c.company) +
        "</strong> asks for access to your " + escapeHtml(u.name) +
        " data. UtilityAPI collects it through the utility's data-sharing platform (Green Button proxy).</p>\n"
        "<form method=\"post\" action=\"/gb-proxy/" + escapeHtml(formUid) + "\">" + hidden("redirect_uri", redirectUri) +
        hidden("state", state) + "<label for=\"email\">Your email</label><input type=\"text\" id=\"email\" name=\"email\" value=\"" +
        escapeHtml(email) + "\" autocomplete=\"email\">\n<label><input type=\"checkbox\" id=\"confirm\" name=\"confirm\" value=\"yes\"> "
        "I share my " + escapeHtml(u.name) + " data with " + escapeHtml(c.company) + "</label>\n"
        "<button type=\"submit\" id=\"continue\">Continue to Final Step</button></form>";
    return renderPage("Share your " + u.name + " data with " + c.company, body);
}

std::string proxyLoginPage(const Utility& u, const std::string& sessionId, const std::string& error)
{
    const std::string body = brand((escapeHtml(u.name) + " account sign-in").c_str()) + error +
                             "<form method=\"post\" action=\"/gb-proxy/utility/" + escapeHtml(u.id) + "/login\">" +
                             hidden("session", sessionId) +
                             "<label for=\"username\">Username</label><input type=\"text\" id=\"username\" name=\"username\" "
                             "autocomplete=\"username\">\n<label for=\"password\">Password</label><input type=\"password\" "
                             "id=\"password\" name=\"password\" autocomplete=\"current-password\">\n"
                             "<button type=\"submit\" id=\"sign-in\">Sign in</button></form>";
    return renderPage(u.name + " — sign in", body);
}

std::string proxySharePage(const Utility& u, const Customer& customer, const std::string& sessionId, const std::string& error)
{
    std::string services;
    std::size_t i = 0;
    for (const auto& [account, service] : flattenedServices(customer)) {
        const std::string id = "service-" + std::to_string(i);
        services += "<label><input type=\"checkbox\" id=\"" + id + "\" name=\"service\" value=\"" + std::to_string(i++) +
                    "\" checked> " + escapeHtml(toString(service->kind)) + " meter " + escapeHtml(service->meterNumber) +
                    " at " + escapeHtml(account->address) + "</label>\n";
    }
    std::string types;
    for (const auto& [key, label] : proxyDataTypes())
        types += "<label><input type=\"checkbox\" id=\"data-" + key + "\" name=\"data\" value=\"" + key + "\" checked> " +
                 escapeHtml(label) + "</label>\n";
    const std::string body = brand((escapeHtml(u.name) + " data-sharing platform").c_str()) + error +
                             "<p>Choose what UtilityAPI may receive for " + escapeHtml(customer.name) + ".</p>\n"
                             "<form method=\"post\" action=\"/gb-proxy/utility/" + escapeHtml(u.id) + "/share\">" +
                             hidden("session", sessionId) + "<fieldset><legend>Services</legend>\n" + services +
                             "</fieldset><fieldset><legend>Data</legend>\n" + types + "</fieldset>"
                             "<button type=\"submit\" id=\"share\">Share my data</button></form>";
    return renderPage(u.name + " — share my data", body);
}

std::string proxyFinalPage(const Utility& u, const Client& c, const ProxySession& s, const Customer& customer,
                           const std::string& error)
{
    std::string chosen;
    const auto all = flattenedServices(customer);
    for (std::size_t i : s.services)
        chosen += "<li>" + escapeHtml(toString(all[i].second->kind)) + " meter " + escapeHtml(all[i].second->meterNumber) + "</li>";
    const std::string body = brand("UtilityAPI authorization form") + error + "<p>" + escapeHtml(u.name) +
                             " confirmed your choices. Authorize UtilityAPI to share this data with <strong>" +
                             escapeHtml(c.company) + "</strong> (" + escapeHtml(s.email) + "):</p><ul id=\"chosen\">" + chosen +
                             "</ul><form method=\"post\" action=\"/gb-proxy/" + escapeHtml(s.formUid) + "/final\">" +
                             hidden("session", s.id) + "<button type=\"submit\" id=\"continue\">Continue to Final Step</button></form>";
    return renderPage("Final step", body);
}

std::string proxyDonePage(const Utility& u, const Client& c, const ProxySession& s)
{
    const std::string body = "<p>Thank you. " + escapeHtml(c.company) + " can now receive your " + escapeHtml(u.name) +
                             " meter, bill, interval and accounting data.</p><p>Authorization <code id=\"authorization-uid\">" +
                             escapeHtml(s.authorizationUid) + "</code></p>";
    return renderPage("Authorization complete", body);
}

} // namespace gbc

// Renders the catalogue as an HTML overview with ready-to-click authorize links.
#include "home_page.h"

#include "html.h"
#include "url_codec.h"

namespace gbc {

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string joinList(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

std::string identities(const Customer& c)
{
    std::vector<std::string> parts;
    for (const std::string& t : c.identities.test)
        parts.push_back("test: " + t);
    for (const Login& l : c.identities.login)
        parts.push_back("login: " + l.username + " / " + l.password);
    for (const LastBill& b : c.identities.lastbill)
        parts.push_back("lastbill: " + b.account + " / " + b.amount + " / " + b.date);
    for (const auto& [label, list] : {std::pair{"account", &c.identities.account}, std::pair{"phone", &c.identities.phone},
                                      std::pair{"email", &c.identities.email}, std::pair{"address", &c.identities.address}})
        for (const std::string& v : *list)
            parts.push_back(std::string(label) + ": " + v);
    std::string out;
    for (const std::string& p : parts)
        out += escapeHtml(p) + "<br>";
    return out;
}

std::string clientRows(const Utility& u)
{
    std::string rows;
    for (const Client& c : u.clients) {
        // The demo third party starts the flow itself (its own state and PKCE), so its callback knows the session.
        const std::string tryLink = appendQuery("/DataCustodian/thirdparty-demo/try", {{"client_id", c.clientId}});
        rows += "<tr><td><code>" + escapeHtml(c.clientId) + "</code></td><td><code>" + escapeHtml(c.clientSecret) +
                "</code></td><td>" + escapeHtml(c.company) + " (" + toString(c.mode) + ")</td><td><code>" +
                escapeHtml(c.apiToken) + "</code></td><td>" + escapeHtml(joinList(c.redirectUris)) +
                "</td><td><a href=\"" + escapeHtml(tryLink) + "\">Try it</a></td></tr>";
    }
    return "<table><tr><th>client_id</th><th>client_secret</th><th>company</th><th>api_token</th>"
           "<th>redirect URIs (loopback: any port)</th><th></th></tr>" + rows + "</table>";
}

std::string utilitySection(const Utility& u, const std::string& origin)
{
    const std::string base = origin + "/DataCustodian/" + lower(u.id) + "/oauth";
    std::vector<std::string> auth;
    for (AuthType t : u.allowedAuth)
        auth.push_back(std::string(toString(t)) + (t == u.defaultAuth ? " (default)" : ""));
    std::string customers;
    for (const Customer& c : u.customers)
        customers += "<tr><td>" + escapeHtml(c.id) + "</td><td>" + escapeHtml(c.scenario) + "</td><td>" +
                     (c.test ? "yes" : "no") + "</td><td>" + identities(c) + "</td></tr>";
    return "<h2 id=\"" + escapeHtml(lower(u.id)) + "\">" + escapeHtml(u.name) + " <code>" + escapeHtml(u.id) +
           "</code></h2><p>Host <code>" + escapeHtml(u.host) + "</code>; verification: " + escapeHtml(joinList(auth)) +
           "</p><p>OAuth: <code>" + escapeHtml(base) + "/authorize</code>, <code>" + escapeHtml(base) +
           "/token</code>, <code>" + escapeHtml(base) + "/revoke</code></p>" + clientRows(u) +
           "<h3>Test accounts</h3><table><tr><th>customer</th><th>scenario</th><th>test</th><th>how to sign in</th></tr>" +
           customers + "</table>\n";
}

} // namespace

std::string homePage(const Catalogue& catalogue, const std::string& origin)
{
    std::string body = "<p>A local mock of UtilityAPI-hosted Green Button Connect My Data utilities. Each utility "
                       "has an OAuth server; put <code>AdditionalScope=auth-{type}-{value}</code> in the scope to "
                       "choose or prefill the verification step.</p><ul>";
    for (const Utility& u : catalogue.utilities)
        body += "<li><a href=\"#" + escapeHtml(lower(u.id)) + "\">" + escapeHtml(u.name) + "</a> (" + escapeHtml(u.id) + ")</li>";
    body += "</ul>\n";
    for (const Utility& u : catalogue.utilities)
        body += utilitySection(u, origin);
    return renderPage("gbc-sim: mock Green Button utilities", body);
}

} // namespace gbc

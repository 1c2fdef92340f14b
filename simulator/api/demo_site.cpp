// Demo third-party website pages.
#include "demo_site.h"

#include <cstdio>

#include "html.h"

namespace gbc {

namespace {

std::string textField(const std::string& name, const std::string& label, const std::string& value, const char* type = "text")
{
    return "<label for=\"" + name + "\">" + label + "</label><input type=\"" + type + "\" id=\"" + name + "\" name=\"" + name +
           "\" value=\"" + escapeHtml(value) + "\">\n";
}

} // namespace

std::string demoConfigPage(const Catalogue& catalogue, const std::string& clientId, const std::string& error)
{
    std::string secret, utilityId;
    for (const Utility& u : catalogue.utilities)
        if (const Client* c = u.findClient(clientId)) {
            utilityId = u.id;
            if (c->mode == ClientMode::Sandbox)
                secret = c->clientSecret; // the public sandbox clients publish their secret
        }
    std::string options;
    for (const Utility& u : catalogue.utilities)
        options += "<option value=\"" + escapeHtml(u.id) + "\"" + (u.id == utilityId ? " selected" : "") + ">" +
                   escapeHtml(u.name + " (" + u.id + ")") + "</option>";
    const std::string body =
        error + "<p>A demo third party: give it any Green Button Connect client, then sign in at the utility to share "
                "your usage. The redirect_uri it uses is <code id=\"redirect-uri\">&lt;this site&gt;" + std::string(kDemoPath) +
        "/callback</code>; every sandbox client has it registered for http://127.0.0.1 and http://localhost.</p>"
        "<form method=\"post\" action=\"" + std::string(kDemoPath) + "/start\">" +
        textField("client_id", "Client ID", clientId) + textField("client_secret", "Client secret", secret, "password") +
        "<label for=\"utility\">Utility</label><select id=\"utility\" name=\"utility\">" + options + "</select>\n" +
        textField("scope", "Scope", kDemoDefaultScope) +
        "<button type=\"submit\" id=\"connect\">Connect my utility account</button></form>";
    return renderPage("Demo third-party website", body);
}

std::string demoUsagePage(const DemoView& view, const std::vector<DailyUsage>& days, const std::string& note)
{
    std::string rows;
    char buf[160];
    for (auto it = days.rbegin(); it != days.rend() && rows.size() < 40000; ++it) {
        std::snprintf(buf, sizeof buf, "<tr data-day=\"%s\" data-kwh=\"%.3f\"><td>%s</td><td>%.3f</td></tr>", it->day.c_str(),
                      it->kwh, it->day.c_str(), it->kwh);
        rows += buf;
    }
    const std::string body =
        "<p>Connected to <strong id=\"utility\">" + escapeHtml(view.utilityId) + "</strong> as client <code>" +
        escapeHtml(view.clientId) + "</code>. Subscription: <code id=\"resource-uri\">" + escapeHtml(view.resourceUri) +
        "</code></p>\n" + (note.empty() ? "" : "<p id=\"note\">" + escapeHtml(note) + "</p>\n") +
        (days.empty() ? "" : usageChartSvg(days)) + "\n<h2>Daily electricity use</h2><table id=\"usage-table\"><tr><th>Day</th>"
        "<th>kWh</th></tr>" + rows + "</table><p><a href=\"" + std::string(kDemoPath) + "\">Start over</a></p>";
    return renderPage("Your energy use", body);
}

} // namespace gbc

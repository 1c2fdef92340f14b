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

namespace {

// One meter: its chart and a table of its days, newest first.
std::string seriesSection(const ServiceSeries& s)
{
    std::string rows;
    char buf[200];
    for (auto it = s.days.rbegin(); it != s.days.rend() && rows.size() < 40000; ++it) {
        std::snprintf(buf, sizeof buf, "<tr data-day=\"%s\" data-value=\"%.3f\"><td>%s</td><td>%.3f</td></tr>",
                      it->day.c_str(), it->value, it->day.c_str(), it->value);
        rows += buf;
    }
    return "<section class=\"meter\" data-service=\"" + escapeHtml(serviceName(s.kind)) + "\"><h3>" + escapeHtml(s.title) +
           "</h3>" + usageChartSvg(s) + "<details><summary>Every day (" + std::to_string(s.days.size()) +
           ")</summary><table class=\"usage-table\"><tr><th>Day</th><th>" + escapeHtml(s.unit) + "</th></tr>" + rows +
           "</table></details></section>\n";
}

} // namespace

std::string demoUsagePage(const DemoView& view, const std::string& note)
{
    std::string services;
    for (int kind : {0, 1, 2, 3}) {
        std::string meters;
        for (const ServiceSeries& s : view.usage)
            if ((kind < 3 && s.kind == kind) || (kind == 3 && s.kind > 2))
                meters += seriesSection(s);
        if (!meters.empty())
            services += "<h2>" + std::string(serviceName(kind)) + "</h2>\n" + meters;
    }
    const std::string body =
        "<p>Connected to <strong id=\"utility\">" + escapeHtml(view.utilityId) + "</strong> as client <code>" +
        escapeHtml(view.clientId) + "</code>. Subscription: <code id=\"resource-uri\">" + escapeHtml(view.resourceUri) +
        "</code></p>\n" + (note.empty() ? "" : "<p id=\"note\">" + escapeHtml(note) + "</p>\n") + services +
        "<p><a href=\"\">Fetch new data</a> &middot; <a href=\"" + std::string(kDemoPath) + "\">Start over</a></p>";
    return renderPage("Your energy use", body);
}

} // namespace gbc

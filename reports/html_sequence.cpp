// The sequence view of one variant: seven lanes, one row per exchange, rows grouped per probe under a heading.
#include "html_parts.h"

namespace gbc::html {

namespace {

// Lane of the party that answered, from the step name's first segment.
int laneOf(const std::string& step)
{
    const std::string head = step.substr(0, step.find('.'));
    if (head == "authz" || head == "login")
        return 1;
    if (head == "token" || head == "revoke")
        return 2;
    if (head == "json")
        return 4;
    if (head == "odr")
        return 5;
    if (head == "callback")
        return 6;
    return 3; // espi.* and anything else the resource server answers
}

std::string segment(const std::string& step, int n)
{
    std::size_t start = 0;
    for (int i = 0; i < n && start != std::string::npos; ++i)
        start = step.find('.', start) == std::string::npos ? std::string::npos : step.find('.', start) + 1;
    if (start == std::string::npos)
        return {};
    return step.substr(start, step.find('.', start) - start);
}

// The probe a step belongs to: a login/callback flow and the token request that redeems its code share one heading.
std::string probeOf(const std::string& step, const std::string& previous)
{
    const std::string head = segment(step, 0), second = segment(step, 1);
    if (head == "login" || head == "callback")
        return "Consent flow: " + second;
    const std::string flow = previous.rfind("Consent flow: ", 0) == 0 ? previous.substr(14) : "";
    if (head == "token" && !flow.empty() && second.rfind(flow, 0) == 0)
        return previous;
    if (head == "authz")
        return "Authorization request checks";
    if (head == "token")
        return "Token endpoint probes";
    if (head == "revoke")
        return "Revocation";
    if (head == "espi")
        return "ESPI resource server";
    if (head == "json")
        return "JSON API";
    if (head == "odr")
        return "On-Demand Read";
    return head;
}

// The end of the URL's path from a segment boundary, at most 26 bytes; "?" marks a query.
std::string shortPath(const std::string& url)
{
    std::size_t start = url.find("://");
    start = start == std::string::npos ? 0 : url.find('/', start + 3);
    std::string path = start == std::string::npos ? "/" : url.substr(start);
    const std::size_t q = path.find('?');
    if (q != std::string::npos)
        path = path.substr(0, q + 1);
    if (path.size() > 26) {
        const std::size_t slash = path.find('/', path.size() - 26);
        path = "…" + path.substr(slash == std::string::npos ? path.size() - 26 : slash);
    }
    return path;
}

} // namespace

std::string sequenceHtml(const Index& index, const std::vector<const HttpExchange*>& exchanges)
{
    if (exchanges.empty())
        return {};
    std::string out = "<div class=sq><div class=sqh><span>Third party (runner)</span><span>Authorization server "
                      "(pages)</span><span>Token endpoint</span><span>Resource server (ESPI)</span><span>JSON API"
                      "</span><span>On-Demand Read</span><span>Redirect listener</span></div>";
    std::string probe;
    for (const HttpExchange* e : exchanges) {
        if (const std::string p = probeOf(e->step, probe); p != probe) {
            probe = p;
            out += "<h5>" + escape(probe) + "</h5>";
        }
        const std::string cls = e->status == 0 || e->status >= 500 ? " class=s5" : e->status >= 400 ? " class=s4" : "";
        const std::string answer = e->status ? std::to_string(e->status) : "no answer";
        const std::string a = index.exchangeAnchor(e->id);
        const bool detailed = index.detailed.count(e->id) != 0; // rows of evidence link to its panel
        out += std::string(detailed ? "<a href=\"#" + a + "\" id=q" + a.substr(1) : "<p") + " class=L" +
            std::to_string(laneOf(e->step)) + ">" + escapeText(e->step + " " + e->method + " " + shortPath(e->url)) +
            "<b" + cls + ">" + escapeText(answer) + "</b>" + (detailed ? "</a>" : "</p>");
    }
    return out + "</div>";
}

} // namespace gbc::html

// HTML escaping plus two inline SVG renderings: the OAuth sequence view and the interval-data chart.
#include "html_parts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "time_format.h"

namespace gbc::html {

std::string escape(const std::string& text)
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

std::string anchor(const std::string& id)
{
    std::string out = "x-";
    for (char c : id)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return out;
}

namespace {

// Lane of the party that answered, from the step name prefix.
int laneOf(const std::string& step)
{
    if (step.rfind("callback", 0) == 0)
        return 2;
    if (step.rfind("token", 0) == 0 || step.rfind("revoke", 0) == 0)
        return 3;
    return 1; // authz.*, login.*
}

bool isOauthStep(const std::string& step)
{
    for (const char* p : {"authz", "login", "callback", "token", "revoke"})
        if (step.rfind(p, 0) == 0)
            return true;
    return false;
}

std::string shortPath(const std::string& url)
{
    std::size_t start = url.find("://");
    start = start == std::string::npos ? 0 : url.find('/', start + 3);
    std::string path = start == std::string::npos ? "/" : url.substr(start);
    const std::size_t q = path.find('?');
    if (q != std::string::npos)
        path = path.substr(0, q) + "?…";
    if (path.size() > 48)
        path = "…" + path.substr(path.size() - 47);
    return path;
}

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

} // namespace

std::string sequenceSvg(const std::vector<const HttpExchange*>& exchanges)
{
    std::vector<const HttpExchange*> shown;
    for (const HttpExchange* e : exchanges)
        if (isOauthStep(e->step) && shown.size() < 60)
            shown.push_back(e);
    if (shown.empty())
        return {};
    const char* lanes[] = {"Third party (runner)", "Authorization server", "Redirect listener", "Token endpoint"};
    const int laneX[] = {90, 330, 570, 810};
    const int rowH = 34, top = 50;
    const int height = top + static_cast<int>(shown.size()) * rowH + 20;
    std::string svg = "<svg class=\"seq\" width=\"920\" height=\"" +
        std::to_string(height) + "\" role=\"img\" aria-label=\"OAuth sequence\">";
    for (int i = 0; i < 4; ++i) {
        const std::string x = std::to_string(laneX[i]);
        svg += "<text x=\"" + x + "\" y=\"20\" text-anchor=\"middle\" class=\"lane\">" + lanes[i] + "</text>";
        svg += "<line x1=\"" + x + "\" y1=\"28\" x2=\"" + x + "\" y2=\"" + std::to_string(height - 5) +
            "\" class=\"life\"/>";
    }
    int y = top;
    for (const HttpExchange* e : shown) {
        const int to = laneX[laneOf(e->step)];
        const std::string label = e->method + " " + shortPath(e->url) + "  (" + e->step + ")";
        const std::string answer = e->status ? std::to_string(e->status) : "no answer";
        const std::string cls = e->status == 0 || e->status >= 500 ? "err" : (e->status >= 400 ? "neg" : "ok");
        svg += "<a href=\"#" + anchor(e->id) + "\"><line x1=\"" + std::to_string(laneX[0]) + "\" y1=\"" +
            std::to_string(y) + "\" x2=\"" + std::to_string(to - 4) + "\" y2=\"" + std::to_string(y) +
            "\" class=\"req\" marker-end=\"url(#arrow)\"/>";
        svg += "<text x=\"" + std::to_string(laneX[0] + 6) + "\" y=\"" + std::to_string(y - 4) + "\" class=\"msg\">" +
            escape(label) + "</text>";
        svg += "<line x1=\"" + std::to_string(to) + "\" y1=\"" + std::to_string(y + 12) + "\" x2=\"" +
            std::to_string(laneX[0] + 4) + "\" y2=\"" + std::to_string(y + 12) + "\" class=\"res " + cls +
            "\" marker-end=\"url(#arrow)\"/>";
        svg += "<text x=\"" + std::to_string(to - 6) + "\" y=\"" + std::to_string(y + 10) +
            "\" text-anchor=\"end\" class=\"msg " + cls + "\">" + escape(answer) + "</text></a>";
        y += rowH;
    }
    svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
           "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs></svg>";
    return svg;
}

std::string chartSvg(const Series& series)
{
    if (series.points.empty())
        return {};
    const double w = 880, h = 220, left = 60, bottom = 30, top = 24;
    auto [tmin, tmax] = std::minmax_element(series.points.begin(), series.points.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    auto [vmin, vmax] = std::minmax_element(series.points.begin(), series.points.end(),
        [](const auto& a, const auto& b) { return a.second < b.second; });
    const double t0 = static_cast<double>(tmin->first), t1 = static_cast<double>(tmax->first);
    const double v0 = std::min(0.0, vmin->second), v1 = std::max(vmax->second, v0 + 1e-9);
    const double spanT = std::max(t1 - t0, 1.0), spanV = v1 - v0;
    std::string pts;
    for (const auto& [t, v] : series.points) {
        const double x = left + (static_cast<double>(t) - t0) / spanT * (w - left - 10);
        const double y = top + (1.0 - (v - v0) / spanV) * (h - top - bottom);
        pts += fmt(x) + "," + fmt(y) + " ";
    }
    std::string svg = "<svg class=\"chart\" width=\"" + fmt(w) +
        "\" height=\"" + fmt(h) + "\" role=\"img\" aria-label=\"" + escape(series.title) + "\">";
    svg += "<text x=\"" + fmt(left) + "\" y=\"14\" class=\"ctitle\">" + escape(series.title) + " (" +
        escape(series.unit) + ", " + std::to_string(series.points.size()) + " readings)</text>";
    svg += "<line x1=\"" + fmt(left) + "\" y1=\"" + fmt(h - bottom) + "\" x2=\"" + fmt(w - 10) + "\" y2=\"" +
        fmt(h - bottom) + "\" class=\"axis\"/><line x1=\"" + fmt(left) + "\" y1=\"" + fmt(top) + "\" x2=\"" +
        fmt(left) + "\" y2=\"" + fmt(h - bottom) + "\" class=\"axis\"/>";
    svg += "<text x=\"" + fmt(left - 4) + "\" y=\"" + fmt(top + 8) + "\" text-anchor=\"end\" class=\"tick\">" +
        fmt(v1) + "</text><text x=\"" + fmt(left - 4) + "\" y=\"" + fmt(h - bottom) +
        "\" text-anchor=\"end\" class=\"tick\">" + fmt(v0) + "</text>";
    svg += "<text x=\"" + fmt(left) + "\" y=\"" + fmt(h - 8) + "\" class=\"tick\">" +
        escape(formatIso8601(tmin->first)) + "</text><text x=\"" + fmt(w - 10) + "\" y=\"" + fmt(h - 8) +
        "\" text-anchor=\"end\" class=\"tick\">" + escape(formatIso8601(tmax->first)) + "</text>";
    svg += "<polyline points=\"" + pts + "\" class=\"line\"/></svg>";
    return svg;
}

} // namespace gbc::html

// HTML building blocks: escaping, the report's short anchors, badges, evidence links, exchanges and the usage chart.
#include "html_parts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "report_groups.h"
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

std::string escapeText(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
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

Index Index::of(const Report& report, const std::string& evidenceFile)
{
    Index ix;
    ix.evidenceFile = evidenceFile;
    for (const CheckResult& r : report.results)
        ix.checkAt.emplace(r.checkId, 0);
    for (auto& [id, at] : ix.checkAt) {
        at = ix.checks.size();
        ix.checks.push_back(id);
    }
    for (std::size_t i = 0; i < report.variants.size(); ++i)
        ix.variantAt.emplace(report.variants[i].id, i);
    for (const HttpExchange& e : report.exchanges) {
        const std::size_t hash = e.id.rfind('#');
        std::string n = hash == std::string::npos ? std::to_string(ix.exchangeAt.size()) : e.id.substr(hash + 1);
        n.erase(0, std::min(n.find_first_not_of('0'), n.size() - 1));
        ix.exchangeAt.emplace(e.id, ix.variantAnchor(e.variant).replace(0, 1, "e") + "-" + n);
    }
    for (const CheckResult& r : report.results)
        if (r.verdict == Verdict::Fail || r.verdict == Verdict::Error || r.verdict == Verdict::Warn)
            ix.detailed.insert(r.evidence.begin(), r.evidence.end());
    for (bool failures : {true, false})
        for (const CheckGroup& g : groupByCheck(report, failures))
            ix.primary.insert(g.hits.front()->evidence.begin(), g.hits.front()->evidence.end());
    return ix;
}

std::string Index::variantAnchor(const std::string& variant) const
{
    auto it = variantAt.find(variant);
    return "v" + (it == variantAt.end() ? anchor(variant) : std::to_string(it->second));
}

std::string Index::resultAnchor(const CheckResult& r) const
{
    auto it = checkAt.find(r.checkId);
    return "r" + variantAnchor(r.variant).substr(1) + "-" + (it == checkAt.end() ? anchor(r.checkId) : std::to_string(it->second));
}

std::string Index::exchangeAnchor(const std::string& exchangeId) const
{
    auto it = exchangeAt.find(exchangeId);
    return it == exchangeAt.end() ? std::string() : it->second;
}

std::string utilityOf(const VariantInfo& v)
{
    return v.utility.empty() ? v.id.substr(0, v.id.find('/')) : v.utility;
}

std::string badge(const CheckResult& r)
{
    if (r.verdict == Verdict::Fail && !r.allowedBy.empty())
        return "<span class=SKIP>FAIL (expected)</span>";
    const char* v = toString(r.verdict);
    return std::string("<span class=") + v + ">" + v + "</span>";
}

std::string evidenceLinks(const Index& index, const CheckResult& r)
{
    std::string out;
    for (const std::string& id : r.evidence)
        if (const std::string a = index.exchangeAnchor(id); !a.empty())
            out += "<a class=ev href=#" + a + ">" + escape(id.substr(id.rfind('#') + 1)) + "</a> ";
    return out;
}

std::string clip(const std::string& body, std::size_t limit, std::size_t fullSize)
{
    const std::size_t full = std::max(fullSize, body.size());
    return body.size() <= limit ? body : body.substr(0, limit) + "\n… (first " + std::to_string(limit) + " of " +
        std::to_string(full) + " bytes)";
}

namespace {

std::string headers(const HeaderList& list)
{
    std::string out;
    for (const auto& [n, v] : list)
        out += n + ": " + v + "\n";
    return out;
}

} // namespace

std::string exchangeHtml(const HttpExchange& e, const std::string& id, std::size_t bodyLimit, const std::string& note)
{
    const std::string answer = e.status ? std::to_string(e.status) : "no answer: " + e.error;
    std::string out = "<details class=ex id=" + id + "><summary><code>" + escape(e.step) + "</code> " +
        escape(e.method) + " " + escape(e.url) + " → " + escape(answer) + "</summary>";
    out += "<pre>" + escapeText(e.method + " " + e.url + "\n" + headers(e.requestHeaders) + "\n" + clip(e.requestBody, bodyLimit)) +
        "</pre>";
    if (e.status) {
        std::string body = clip(e.responseBody, bodyLimit, e.responseBytes);
        if (e.responseBody.size() <= bodyLimit && e.responseBytes > e.responseBody.size() + 64) // the runner kept a part
            body += "\n… (" + std::to_string(e.responseBytes) + " bytes as received)";
        out += "<pre>" + escapeText("HTTP " + std::to_string(e.status) + "\n" + headers(e.responseHeaders) + "\n" + body) + "</pre>";
    }
    return out + note + "</details>";
}

namespace {

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::string value(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, std::fabs(v) >= 1000 ? "%.0f" : "%.3g", v);
    return buf;
}

std::string text(double x, double y, const std::string& cls, const std::string& content, const char* anchorAt = "middle")
{
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchorAt + "\" class=\"" + cls + "\">" +
        escape(content) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& cls)
{
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
        "\" class=\"" + cls + "\"/>";
}

// The series as one relative SVG path on whole pixels, at most one point per 4 px of width (the mean of the points
// that fall on it), so a year of readings costs a few KB.
template <typename X, typename Y>
std::string linePath(const std::vector<std::pair<std::int64_t, double>>& points, X xOf, Y yOf)
{
    std::vector<std::pair<long, double>> buckets; // (x pixel, mean y)
    std::vector<int> counts;
    for (const auto& [t, v] : points) {
        const long x = std::lround(xOf(static_cast<double>(t)) / 4.0) * 4;
        if (buckets.empty() || buckets.back().first != x) {
            buckets.emplace_back(x, 0.0);
            counts.push_back(0);
        }
        buckets.back().second += yOf(v);
        ++counts.back();
    }
    std::string d;
    long px = 0, py = 0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const long x = buckets[i].first, y = std::lround(buckets[i].second / counts[i]);
        d += i == 0 ? "M" + std::to_string(x) + "," + std::to_string(y) + "l"
                    : std::to_string(x - px) + (y - py < 0 ? "" : ",") + std::to_string(y - py) + " ";
        px = x;
        py = y;
    }
    return buckets.size() == 1 ? d + "0,0" : d;
}

} // namespace

std::string chartSvg(const Series& series)
{
    if (series.points.empty())
        return {};
    const double w = 880, h = 250, left = 70, right = 20, top = 30, bottom = 46;
    const double pw = w - left - right, ph = h - top - bottom;
    auto [tmin, tmax] = std::minmax_element(series.points.begin(), series.points.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    auto [vmin, vmax] = std::minmax_element(series.points.begin(), series.points.end(),
        [](const auto& a, const auto& b) { return a.second < b.second; });
    const double t0 = static_cast<double>(tmin->first), spanT = std::max(static_cast<double>(tmax->first) - t0, 1.0);
    const double v0 = std::min(0.0, vmin->second), spanV = std::max(vmax->second - v0, 1e-9);
    const auto xOf = [&](double t) { return left + (t - t0) / spanT * pw; };
    const auto yOf = [&](double v) { return top + (1.0 - (v - v0) / spanV) * ph; };
    std::string svg = "<svg class=chart width=\"" + num(w) + "\" height=\"" + num(h) + "\" role=img aria-label=\"" +
        escape(series.title + " (" + series.unit + ")") + "\">";
    svg += text(left, 16, "ctitle", series.title + " · " + std::to_string(series.points.size()) + " readings", "start");
    std::string grid, ticks;
    for (int i = 0; i <= 4; ++i) {
        const double v = v0 + spanV * i / 4.0, y = yOf(v);
        grid += "M" + num(left - 4) + "," + num(y) + "h" + num(pw + 4);
        ticks += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 3) + "\" class=tick>" + value(v) + "</text>";
    }
    svg += "<g class=yaxis><path class=grid d=\"" + grid + "\"/><path class=axis d=\"M" + num(left) + "," + num(top) + "v" +
        num(ph) + "\"/>" + ticks + "<text class=alabel transform=\"translate(14," + num(top + ph / 2) + ") rotate(-90)\">" +
        escape(series.unit) + " per reading</text></g>";
    std::string marks = "M" + num(left) + "," + num(top + ph) + "h" + num(pw);
    ticks.clear();
    for (int i = 0; i <= 5; ++i) {
        const double t = t0 + spanT * i / 5.0;
        marks += "M" + num(xOf(t)) + "," + num(top + ph) + "v4";
        ticks += "<text x=\"" + num(xOf(t)) + "\" y=\"" + num(top + ph + 16) + "\" class=\"tick" +
            (i == 0 ? " s" : i == 5 ? " e" : "") + "\">" + formatDate(static_cast<EpochSeconds>(t)) + "</text>";
    }
    svg += "<g class=xaxis><path class=axis d=\"" + marks + "\"/>" + ticks + "<text x=\"" + num(left + pw / 2) + "\" y=\"" +
        num(h - 6) + "\" class=alabel>date (UTC)</text></g>";
    for (std::int64_t d : series.dstChanges)
        svg += "<g class=dst>" + line(xOf(static_cast<double>(d)), top, xOf(static_cast<double>(d)), top + ph, "dstl") +
            text(xOf(static_cast<double>(d)) + 3, top + 10, "tick", "DST " + formatDate(d), "start") + "</g>";
    return svg + "<path d=\"" + linePath(series.points, xOf, yOf) + "\" class=line /></svg>";
}

} // namespace gbc::html

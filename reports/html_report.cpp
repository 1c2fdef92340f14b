// HTML report: verdict, summary per plan, failures first, then per-variant sequence view, chart, results and evidence.
#include "html_report.h"

#include "utf8_repair.h"

#include <map>
#include <set>

#include "html_parts.h"

namespace gbc {

using html::anchor;
using html::escape;

namespace {

const char* kStyle = R"(<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1f24}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
.verdict{font-size:18px;font-weight:600;padding:8px 12px;border-radius:4px;display:inline-block}
.PASS{background:#e3f6e5;color:#135c1f}.FAIL{background:#fde7e7;color:#8a1111}.WARN{background:#fff4d6;color:#6b4e00}
.SKIP{background:#eef0f3;color:#4b5563}.ERROR{background:#f3e8ff;color:#5b1a8a}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:360px;white-space:pre-wrap;word-break:break-all}
details{margin:4px 0}summary{cursor:pointer}.muted{color:#6b7280}.fail-item{border-left:4px solid #c62828;padding:4px 10px;margin:8px 0}
svg .lane{font-weight:600;font-size:12px}svg .life{stroke:#9ca3af;stroke-dasharray:4 3}svg .req{stroke:#1f2937}
svg .res{stroke:#6b7280;stroke-dasharray:3 2}svg .msg{font-size:11px}svg .neg{fill:#8a5a00;stroke:#8a5a00}
svg .err{fill:#8a1111;stroke:#8a1111}svg .axis{stroke:#6b7280}svg .tick{font-size:10px;fill:#4b5563}
svg .line{fill:none;stroke:#2563eb;stroke-width:1}svg .ctitle{font-size:12px;font-weight:600}
</style>)";

std::string badge(const CheckResult& r)
{
    if (r.verdict == Verdict::Fail && !r.allowedBy.empty())
        return "<span class=\"SKIP\">FAIL (expected)</span>";
    const char* v = toString(r.verdict);
    return std::string("<span class=\"") + v + "\">" + v + "</span>";
}

std::string evidenceLinks(const CheckResult& r)
{
    std::string out;
    for (const std::string& id : r.evidence)
        out += "<a href=\"#" + anchor(id) + "\">" + escape(id.substr(id.rfind('#') + 1)) + "</a> ";
    return out;
}

std::string headers(const HeaderList& list)
{
    std::string out;
    for (const auto& [n, v] : list)
        out += n + ": " + v + "\n";
    return out;
}

std::string clip(const std::string& body)
{
    const std::size_t limit = 3000;
    return body.size() <= limit ? body : body.substr(0, limit) + "\n… (" + std::to_string(body.size()) + " bytes)";
}

std::string exchangeHtml(const HttpExchange& e)
{
    std::string answer = e.status ? std::to_string(e.status) : "no answer: " + e.error;
    std::string out = "<details id=\"" + anchor(e.id) + "\"><summary><code>" + escape(e.step) + "</code> " +
        escape(e.method) + " " + escape(e.url) + " → " + escape(answer) + "</summary>";
    out += "<pre>" + escape(e.method + " " + e.url + "\n" + headers(e.requestHeaders) + "\n" + clip(e.requestBody)) +
        "</pre>";
    if (e.status)
        out += "<pre>" + escape("HTTP " + std::to_string(e.status) + "\n" + headers(e.responseHeaders) + "\n" +
                   clip(e.responseBody)) + "</pre>";
    return out + "</details>";
}

std::string failureHtml(const CheckResult& r)
{
    return "<div class=\"fail-item\">" + badge(r) + " <b>" + escape(r.checkId) + "</b> [" + escape(r.variant) +
        "] <span class=\"muted\">" + escape(r.reference) + " · " + toString(r.level) + "</span><br>" +
        "<b>Requirement:</b> " + escape(r.requirement) + "<br><b>Expected:</b> " + escape(r.expected) +
        "<br><b>Actual:</b> " + escape(r.actual) +
        (r.location.empty() ? "" : "<br><b>Location:</b> " + escape(r.location)) +
        (r.message.empty() || r.message.rfind("expected ", 0) == 0 ? "" : "<br>" + escape(r.message)) +
        "<br><b>Evidence:</b> " + evidenceLinks(r) + "</div>";
}

std::string summaryTable(const Report& report)
{
    std::map<std::string, std::map<Verdict, int>> perPlan;
    for (const CheckResult& r : report.results)
        ++perPlan[r.plan][r.verdict];
    std::string out = "<table><tr><th>Plan</th>";
    const Verdict order[] = {Verdict::Pass, Verdict::Fail, Verdict::Warn, Verdict::Skip, Verdict::Error};
    for (Verdict v : order)
        out += std::string("<th>") + toString(v) + "</th>";
    out += "</tr>";
    for (const auto& [plan, counts] : perPlan) {
        out += "<tr><td>" + escape(plan) + "</td>";
        for (Verdict v : order) {
            auto it = counts.find(v);
            out += "<td>" + std::to_string(it == counts.end() ? 0 : it->second) + "</td>";
        }
        out += "</tr>";
    }
    return out + "</table>";
}

std::string variantHtml(const Report& report, const VariantInfo& v, const std::vector<const CheckResult*>& results,
    const std::vector<const HttpExchange*>& exchanges)
{
    std::map<Verdict, int> counts;
    for (const CheckResult* r : results)
        ++counts[r->verdict];
    const bool open = counts[Verdict::Fail] > 0 || counts[Verdict::Error] > 0;
    std::string out = std::string("<details") + (open ? " open" : "") + " id=\"" + anchor("variant-" + v.id) +
        "\"><summary><b>" + escape(v.id) + "</b> — " + std::to_string(counts[Verdict::Pass]) + " PASS, " +
        std::to_string(counts[Verdict::Fail]) + " FAIL, " + std::to_string(counts[Verdict::Warn]) + " WARN, " +
        std::to_string(counts[Verdict::Skip]) + " SKIP, " + std::to_string(counts[Verdict::Error]) +
        " ERROR</summary>";
    if (!v.description.empty())
        out += "<p class=\"muted\">" + escape(v.description) + "</p>";
    const std::string seq = html::sequenceSvg(exchanges);
    if (!seq.empty())
        out += "<h3>OAuth exchange</h3>" + seq;
    for (const Series& s : report.series)
        if (s.variant == v.id)
            out += "<h3>Interval data</h3>" + html::chartSvg(s);
    out += "<h3>Checks</h3><table><tr><th>Check</th><th>Verdict</th><th>Requirement</th><th>Detail</th>"
           "<th>Evidence</th></tr>";
    for (const CheckResult* r : results)
        out += "<tr><td title=\"" + escape(r->reference) + "\">" + escape(r->checkId) + "</td><td>" + badge(*r) +
            "</td><td>" + escape(r->requirement) + "</td><td>" + escape(r->message) + "</td><td>" +
            evidenceLinks(*r) + "</td></tr>";
    out += "</table><h3>HTTP exchanges</h3>";
    for (const HttpExchange* e : exchanges)
        out += exchangeHtml(*e);
    return out + "</details>";
}

} // namespace

std::string reportToHtml(const Report& report)
{
    const Summary s = summarize(report);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>gbc-conformance: " +
        escape(report.run.target) + "</title>" + kStyle + "</head><body>";
    out += "<h1>Green Button conformance report</h1><p class=\"verdict " + s.verdict + "\">" +
        escape(verdictLine(report)) + "</p>";
    out += "<table><tr><th>Target</th><td>" + escape(report.run.target) + "</td></tr><tr><th>Plan</th><td>" +
        escape(report.run.plan) + "</td></tr><tr><th>Shard</th><td>" + escape(report.run.shard) +
        "</td></tr><tr><th>Started</th><td>" + escape(report.timing.startedAt) + "</td></tr><tr><th>Tool</th><td>" +
        escape(report.run.tool + " " + report.run.version) + "</td></tr></table>";
    for (const std::string& note : report.notes)
        out += "<p class=\"ERROR\">" + escape(note) + "</p>";
    out += "<h2>Summary by plan</h2>" + summaryTable(report);
    std::string failures;
    for (const CheckResult& r : report.results)
        if (r.verdict == Verdict::Fail || r.verdict == Verdict::Error)
            failures += failureHtml(r);
    out += "<h2>Failures and errors</h2>" + (failures.empty() ? "<p>None.</p>" : failures);
    if (!report.stale.empty()) {
        out += "<h2>Stale expected failures</h2><ul>";
        for (const StaleEntry& st : report.stale)
            out += "<li><b>" + escape(st.check) + "</b> [" + escape(st.variant) + "] no longer fails — " +
                escape(st.reason) + "</li>";
        out += "</ul>";
    }
    std::map<std::string, std::vector<const CheckResult*>> results;
    for (const CheckResult& r : report.results)
        results[r.variant].push_back(&r);
    std::map<std::string, std::vector<const HttpExchange*>> exchanges;
    for (const HttpExchange& e : report.exchanges)
        exchanges[e.variant].push_back(&e);
    out += "<h2>Variants</h2>";
    for (const VariantInfo& v : report.variants)
        out += variantHtml(report, v, results[v.id], exchanges[v.id]);
    return repairUtf8(out + "</body></html>\n"); // markup is ASCII: only quoted target bytes change
}

} // namespace gbc

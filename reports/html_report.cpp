// HTML report: verdict, filters, failures and warnings grouped by check, the matrix, then one section per variant.
#include "html_report.h"

#include "utf8_repair.h"

#include <map>
#include <set>

#include "html_parts.h"

namespace gbc {

using html::escape;

namespace {

std::string options(const std::set<std::string>& values)
{
    std::string out = "<option value=\"\">any";
    for (const std::string& v : values)
        out += "<option>" + escape(v);
    return out;
}

std::string filtersHtml(const Report& report)
{
    std::set<std::string> plans, utilities;
    for (const CheckResult& r : report.results)
        plans.insert(r.plan);
    for (const VariantInfo& v : report.variants)
        utilities.insert(html::utilityOf(v));
    return "<form id=flt hidden><label>Verdict <select id=fv>" + options({"FAIL", "ERROR", "WARN"}) +
        "</select></label><label>Plan <select id=fp>" + options(plans) + "</select></label><label>Utility <select id=fu>" +
        options(utilities) + "</select></label><label>Text <input id=ft type=search placeholder=\"check id, variant, words\">"
        "</label><span id=fn class=muted></span></form>";
}

std::string summaryTable(const Report& report)
{
    std::map<std::string, std::map<Verdict, int>> perPlan;
    for (const CheckResult& r : report.results)
        ++perPlan[r.plan][r.verdict];
    const Verdict order[] = {Verdict::Pass, Verdict::Fail, Verdict::Warn, Verdict::Skip, Verdict::Error};
    std::string out = "<table><tr><th>Plan</th>";
    for (Verdict v : order)
        out += std::string("<th>") + toString(v) + "</th>";
    for (const auto& [plan, counts] : perPlan) {
        out += "<tr><td>" + escape(plan);
        for (Verdict v : order) {
            auto it = counts.find(v);
            out += "<td>" + std::to_string(it == counts.end() ? 0 : it->second);
        }
    }
    return out + "</table>";
}

// At most `max` bytes of `text` (the groups and report.json keep it whole).
std::string brief(const std::string& text, std::size_t max = 140)
{
    return html::escapeText(text.size() <= max ? text : text.substr(0, max) + "…");
}

// Non-PASS results as table rows; PASS and SKIP results as anchored check ids, SKIPs grouped by their reason.
std::string resultsHtml(const html::Index& ix, const std::vector<const CheckResult*>& results)
{
    std::string rows, passes;
    std::map<std::string, std::string> skips;
    for (const CheckResult* r : results) {
        const std::string id = "<i id=" + ix.resultAnchor(*r) + ">" + escape(r->checkId) + "</i> ";
        if (r->verdict == Verdict::Pass)
            passes += id;
        else if (r->verdict == Verdict::Skip)
            skips[r->message] += id;
        else
            rows += "<tr id=" + ix.resultAnchor(*r) + "><td><a href=\"#g-" + escape(r->checkId) + "\">" +
                escape(r->checkId) + "</a><td>" + html::badge(*r) + "<td>" + brief(r->message) +
                ((r->expected.empty() && r->actual.empty()) || r->message.rfind("expected ", 0) == 0 ? ""
                    : "<br><span class=muted>expected " + brief(r->expected) +
                    "; actual " + brief(r->actual) + "</span>") +
                (r->location.empty() ? "" : "<br><span class=muted>" + brief(r->location) + "</span>") + "<td>" +
                html::evidenceLinks(ix, *r);
    }
    std::string out = rows.empty() ? "" : "<table><tr><th>Check<th>Verdict<th>Detail<th>Evidence" + rows + "</table>";
    if (!passes.empty())
        out += "<p><span class=PASS>PASS</span> " + passes + "</p>";
    for (const auto& [reason, ids] : skips)
        out += "<p><span class=SKIP>SKIP</span> " + ids + "<span class=muted>— " + escape(reason) + "</span></p>";
    return out;
}

std::string variantHtml(const Report& report, const html::Index& ix, const HtmlOptions& o, const VariantInfo& v,
    const std::vector<const CheckResult*>& results, const std::vector<const HttpExchange*>& exchanges)
{
    std::map<Verdict, int> counts;
    for (const CheckResult* r : results)
        ++counts[r->verdict];
    std::string out = "<details class=var id=" + ix.variantAnchor(v.id) + html::variantAttrs(v, results) +
        "><summary><b>" + escape(v.id) + "</b> — " + std::to_string(counts[Verdict::Pass]) + " PASS, " +
        std::to_string(counts[Verdict::Fail]) + " FAIL, " + std::to_string(counts[Verdict::Warn]) + " WARN, " +
        std::to_string(counts[Verdict::Skip]) + " SKIP, " + std::to_string(counts[Verdict::Error]) + " ERROR</summary>";
    if (!v.description.empty())
        out += "<p class=muted>" + escape(v.description) + "</p>";
    out += resultsHtml(ix, results);
    if (const std::string seq = html::sequenceHtml(ix, exchanges); !seq.empty())
        out += "<h4>Sequence</h4>" + seq;
    for (const Series& s : report.series)
        if (s.variant == v.id)
            out += html::chartSvg(s);
    std::string evidence;
    for (const HttpExchange* e : exchanges)
        if (ix.detailed.count(e->id)) {
            const std::string a = ix.exchangeAnchor(e->id);
            const std::string note = o.evidenceFile.empty() ? ""
                : "<p class=muted>Whole: <a href=\"" + escape(o.evidenceFile) + "#" + a + "\">" + escape(o.evidenceFile) + "</a></p>";
            evidence += html::exchangeHtml(*e, a, ix.primary.count(e->id) ? o.bodyLimit : o.bodyLimit / 6, note);
        }
    if (!evidence.empty())
        out += "<h4>Evidence</h4>" + evidence;
    return out + "</details>";
}

std::string head(const Report& report, const std::string& title)
{
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + ": " +
        escape(report.run.target) + "</title>" + htmlStyle() + "</head><body>";
}

} // namespace

std::string reportToHtml(const Report& report, const HtmlOptions& o)
{
    const Summary s = summarize(report);
    const html::Index ix = html::Index::of(report, o.evidenceFile);
    std::string out = head(report, "gbc-conformance");
    out += "<h1>Green Button conformance report</h1><p class=\"verdict " + s.verdict + "\">" +
        escape(verdictLine(report)) + "</p>";
    out += "<table><tr><th>Target</th><td>" + escape(report.run.target) + "</td></tr><tr><th>Plan</th><td>" +
        escape(report.run.plan) + "</td></tr><tr><th>Shard</th><td>" + escape(report.run.shard) +
        "</td></tr><tr><th>Started</th><td>" + escape(report.timing.startedAt) + "</td></tr><tr><th>Tool</th><td>" +
        escape(report.run.tool + " " + report.run.version) + "</td></tr></table>";
    for (const std::string& note : report.notes)
        out += "<p class=ERROR>" + escape(note) + "</p>";
    out += filtersHtml(report) + "<h2>Summary by plan</h2>" + summaryTable(report);
    const std::string failures = html::groupsHtml(report, ix, true), warnings = html::groupsHtml(report, ix, false);
    out += "<h2 id=failures>Failures and errors by check</h2>" + (failures.empty() ? "<p>None.</p>" : failures);
    if (!warnings.empty())
        out += "<h2>Warnings and expected failures by check</h2><div id=warnings>" + warnings + "</div>";
    if (!report.stale.empty()) {
        out += "<h2>Stale expected failures</h2><ul>";
        for (const StaleEntry& st : report.stale)
            out += "<li><b>" + escape(st.check) + "</b> [" + escape(st.variant) + "] no longer fails — " +
                escape(st.reason) + "</li>";
        out += "</ul>";
    }
    out += "<h2>Checks × variants</h2>" + html::matrixHtml(report, ix);
    std::map<std::string, std::vector<const CheckResult*>> results;
    for (const CheckResult& r : report.results)
        results[r.variant].push_back(&r);
    std::map<std::string, std::vector<const HttpExchange*>> exchanges;
    for (const HttpExchange& e : report.exchanges)
        exchanges[e.variant].push_back(&e);
    out += "<h2>Variants</h2><p class=muted>Exchange bodies are clipped, their full size stated; " +
        std::string(o.evidenceFile.empty() ? "--full-evidence writes them whole beside this report."
                                           : "every exchange is whole in " + escape(o.evidenceFile) + ".") + "</p>";
    for (const VariantInfo& v : report.variants)
        out += variantHtml(report, ix, o, v, results[v.id], exchanges[v.id]);
    return repairUtf8(out + htmlScript() + "</body></html>\n"); // markup is ASCII: only quoted target bytes change
}

std::string evidenceToHtml(const Report& report)
{
    const html::Index ix = html::Index::of(report, "");
    std::string out = head(report, "gbc-conformance evidence") + "<h1>Every HTTP exchange</h1><p class=muted>Bodies as "
        "the report keeps them (redacted; the runner keeps the first 8 KiB of each).</p>";
    std::string variant;
    for (const HttpExchange& e : report.exchanges) {
        if (e.variant != variant)
            out += "<h2>" + escape(variant = e.variant) + "</h2>";
        out += html::exchangeHtml(e, ix.exchangeAnchor(e.id), std::string::npos, "");
    }
    return repairUtf8(out + htmlScript() + "</body></html>\n");
}

} // namespace gbc

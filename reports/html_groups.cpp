// The HTML report's views by cause: one block per failing (or warning) check, and the checks x variants matrix.
#include "html_parts.h"

#include "report_groups.h"

namespace gbc::html {

namespace {

constexpr std::size_t kVariantsShown = 5; // variants listed before the rest collapse

std::string joined(const std::set<std::string>& items)
{
    std::string out;
    for (const std::string& s : items)
        out += (out.empty() ? "" : " ") + s;
    return out;
}

std::string firstHtml(const Index& index, const CheckResult& r)
{
    std::string out = "<div class=first><b>First:</b> <a href=#" + index.resultAnchor(r) + ">" + escape(r.variant) +
        "</a>";
    if (!r.message.empty())
        out += " — " + escape(r.message);
    if (!r.expected.empty() || !r.actual.empty())
        out += "<br><b>Expected:</b> " + escape(r.expected) + "<br><b>Actual:</b> " + escape(r.actual);
    if (!r.location.empty())
        out += "<br><b>Location:</b> " + escape(r.location);
    if (!r.allowedBy.empty())
        out += "<br><b>Expected failure:</b> " + escape(r.allowedBy);
    const std::string ev = evidenceLinks(index, r);
    return out + (ev.empty() ? "" : "<br><b>Evidence:</b> " + ev) + "</div>";
}

std::string groupHtml(const Index& index, const std::vector<const CheckResult*>& hits, std::size_t ran,
    const std::map<std::string, std::string>& utilities)
{
    const CheckResult& first = *hits.front();
    std::set<std::string> verdicts, units;
    for (const CheckResult* r : hits) {
        verdicts.insert(toString(r->verdict));
        auto u = utilities.find(r->variant);
        units.insert(u == utilities.end() ? "" : u->second);
    }
    std::string out = "<section class=grp id=\"g-" + escape(first.checkId) + "\" data-v=\"" + joined(verdicts) +
        "\" data-p=\"" + escape(first.plan) + "\" data-u=\"" + escape(joined(units)) + "\"><h3>" + badge(first) +
        " " + escape(first.checkId) + " <span class=muted>in " + std::to_string(hits.size()) + "/" +
        std::to_string(ran) + " variants · " + toString(first.level) + " · " + escape(first.reference) +
        "</span></h3><p>" + escape(first.requirement) + "</p><p class=vl>";
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (i == kVariantsShown)
            out += "<details><summary>and " + std::to_string(hits.size() - kVariantsShown) + " more</summary>";
        out += "<a href=#" + index.resultAnchor(*hits[i]) + ">" + escape(hits[i]->variant) + "</a> ";
    }
    out += std::string(hits.size() > kVariantsShown ? "</details>" : "") + "</p>";
    return out + firstHtml(index, first) + "</section>";
}

} // namespace

std::string groupsHtml(const Report& report, const Index& index, bool failures)
{
    std::map<std::string, std::string> utilities;
    for (const VariantInfo& v : report.variants)
        utilities[v.id] = utilityOf(v);
    std::string out;
    for (const CheckGroup& g : groupByCheck(report, failures))
        out += groupHtml(index, g.hits, g.ran, utilities);
    return out;
}

std::string variantAttrs(const VariantInfo& v, const std::vector<const CheckResult*>& results)
{
    std::set<std::string> verdicts;
    std::string text = v.id;
    for (const CheckResult* r : results) {
        verdicts.insert(toString(r->verdict));
        if (r->verdict != Verdict::Pass && r->verdict != Verdict::Skip)
            text += " " + r->checkId;
    }
    return " data-u=\"" + escape(utilityOf(v)) + "\" data-vs=\"" + joined(verdicts) + "\" data-t=\"" + escape(text) + "\"";
}

std::string matrixHtml(const Report& report, const Index& index)
{
    std::map<std::pair<std::size_t, std::size_t>, const CheckResult*> cells;
    std::vector<std::vector<const CheckResult*>> perVariant(report.variants.size());
    for (const CheckResult& r : report.results) {
        auto v = index.variantAt.find(r.variant);
        if (v != index.variantAt.end()) {
            cells[{v->second, index.checkAt.at(r.checkId)}] = &r;
            perVariant[v->second].push_back(&r);
        }
    }
    std::string out = "<div class=mxw><table class=mx><tr><th>Variant</th>";
    for (const std::string& c : index.checks)
        out += "<th class=vh><span>" + escape(c) + "</span>";
    out += "</tr>";
    for (std::size_t v = 0; v < report.variants.size(); ++v) {
        const VariantInfo& info = report.variants[v];
        out += "<tr" + variantAttrs(info, perVariant[v]) + "><th><a href=#v" + std::to_string(v) + ">" +
            escape(info.id) + "</a>";
        for (std::size_t c = 0; c < index.checks.size(); ++c) {
            auto it = cells.find({v, c});
            if (it == cells.end()) {
                out += "<td>";
                continue;
            }
            const CheckResult& r = *it->second;
            const bool allowed = r.verdict == Verdict::Fail && !r.allowedBy.empty();
            const std::string verdict = allowed ? "FAIL (expected)" : toString(r.verdict);
            const std::string letter = allowed ? "x" : verdict.substr(0, 1);
            out += "<td class=" + (allowed ? "S" : letter) + "><a href=#" + index.resultAnchor(r) + ">" + letter + "</a>";
        }
        out += "</tr>";
    }
    return out + "</table></div>";
}

} // namespace gbc::html

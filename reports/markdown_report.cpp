// Markdown rendering of the grouped failures: short enough for a CI job summary or a pull-request comment.
#include "markdown_report.h"

#include "report_groups.h"
#include "utf8_repair.h"

namespace gbc {

namespace {

// A table cell: one line, pipes and backticks escaped, at most `max` bytes.
std::string cell(const std::string& text, std::size_t max = 200)
{
    std::string out;
    for (char c : text) {
        if (c == '|' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>')
            out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out.size() > max ? out.substr(0, max - 3) + "..." : out;
}

std::string table(const std::vector<CheckGroup>& groups)
{
    std::string out = "| Verdict | Check | Variants | First failure | First variant |\n|---|---|---|---|---|\n";
    for (const CheckGroup& g : groups) {
        const CheckResult& r = *g.hits.front();
        std::string what = r.message.empty() ? r.requirement : r.message;
        if (!r.expected.empty() || !r.actual.empty())
            what += " (expected " + r.expected + "; actual " + r.actual + ")";
        out += std::string("| ") + (r.verdict == Verdict::Fail && !r.allowedBy.empty() ? "FAIL (expected)" : toString(r.verdict)) +
            " | **" + cell(g.checkId) + "** " + cell(r.requirement, 120) + " | " + std::to_string(g.hits.size()) + "/" +
            std::to_string(g.ran) + " | " + cell(what, 240) + " | " + cell(r.variant) + " |\n";
    }
    return out;
}

} // namespace

std::string reportToMarkdown(const Report& report)
{
    const Summary s = summarize(report);
    const char* icon = s.verdict == "PASS" ? "✅" : s.verdict == "FAIL" ? "❌" : "⚠️";
    std::string out = std::string("## ") + icon + " Green Button conformance: " + s.verdict + "\n\n**" +
        cell(verdictLine(report), 400) + "**  \ntarget " + cell(report.run.target) + ", plan " + cell(report.run.plan) +
        ", shard " + cell(report.run.shard) + "\n\n";
    const std::vector<CheckGroup> failures = groupByCheck(report, true), warnings = groupByCheck(report, false);
    out += failures.empty() ? "No failing check.\n" : "### Failing checks\n\n" + table(failures);
    if (!warnings.empty())
        out += "\n### Warnings and expected failures\n\n" + table(warnings);
    if (!report.stale.empty()) {
        out += "\n### Stale expected failures\n\n";
        for (const StaleEntry& st : report.stale)
            out += "- **" + cell(st.check) + "** [" + cell(st.variant) + "] no longer fails: " + cell(st.reason) + "\n";
    }
    for (const std::string& note : report.notes)
        out += "\n> ERROR: " + cell(note, 400) + "\n";
    return repairUtf8(out);
}

} // namespace gbc

// Report summary, verdict line, exit code and canonical ordering.
#include "report.h"

#include <algorithm>
#include <set>

namespace gbc {

Summary summarize(const Report& report)
{
    Summary s;
    for (Verdict v : {Verdict::Pass, Verdict::Fail, Verdict::Warn, Verdict::Skip, Verdict::Error})
        s.counts[v] = 0;
    for (const CheckResult& r : report.results) {
        if (r.verdict == Verdict::Fail && !r.allowedBy.empty())
            ++s.allowedFailures;
        else
            ++s.counts[r.verdict];
    }
    s.stale = static_cast<int>(report.stale.size());
    const bool harnessFault = s.counts[Verdict::Error] > 0 || !report.notes.empty();
    if (harnessFault) {
        s.exitCode = 2;
        s.verdict = "ERROR";
    } else if (s.counts[Verdict::Fail] > 0 || s.stale > 0) {
        s.exitCode = 1;
        s.verdict = "FAIL";
    } else {
        s.exitCode = 0;
        s.verdict = "PASS";
    }
    return s;
}

std::string verdictLine(const Report& report)
{
    const Summary s = summarize(report);
    std::string line = s.verdict + ": " + std::to_string(s.counts.at(Verdict::Fail)) + " FAIL, " +
        std::to_string(s.counts.at(Verdict::Error)) + " ERROR, " + std::to_string(s.counts.at(Verdict::Pass)) +
        " PASS, " + std::to_string(s.counts.at(Verdict::Warn)) + " WARN, " +
        std::to_string(s.counts.at(Verdict::Skip)) + " SKIP";
    if (s.allowedFailures > 0)
        line += ", " + std::to_string(s.allowedFailures) + " expected FAIL";
    if (s.stale > 0)
        line += ", " + std::to_string(s.stale) + " stale expected-failure entr" + (s.stale == 1 ? "y" : "ies");
    std::set<std::string> checks;
    for (const CheckResult& r : report.results)
        checks.insert(r.checkId);
    line += " (" + std::to_string(checks.size()) + " checks x " + std::to_string(report.variants.size()) +
        " variant" + (report.variants.size() == 1 ? "" : "s") + ")";
    return line;
}

void normalize(Report& report)
{
    std::sort(report.variants.begin(), report.variants.end(),
        [](const VariantInfo& a, const VariantInfo& b) { return a.id < b.id; });
    std::stable_sort(report.results.begin(), report.results.end(), [](const CheckResult& a, const CheckResult& b) {
        return a.checkId != b.checkId ? a.checkId < b.checkId : a.variant < b.variant;
    });
    // Exchanges keep their per-variant recording order (ids end in a zero-padded sequence number).
    std::stable_sort(report.exchanges.begin(), report.exchanges.end(),
        [](const HttpExchange& a, const HttpExchange& b) { return a.variant < b.variant; });
    std::stable_sort(report.series.begin(), report.series.end(),
        [](const Series& a, const Series& b) { return a.variant < b.variant; });
    std::sort(report.stale.begin(), report.stale.end(), [](const StaleEntry& a, const StaleEntry& b) {
        return a.check != b.check ? a.check < b.check : a.variant < b.variant;
    });
}

const HttpExchange* findExchange(const Report& report, const std::string& id)
{
    for (const HttpExchange& e : report.exchanges)
        if (e.id == id)
            return &e;
    return nullptr;
}

} // namespace gbc

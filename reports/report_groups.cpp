// Grouping results by check for the views that lead a reader to the cause.
#include "report_groups.h"

#include <algorithm>
#include <map>

namespace gbc {

namespace {

std::string oneLine(const std::string& s, std::size_t max)
{
    std::string out;
    for (char c : s)
        out += (c == '\n' || c == '\r') ? ' ' : c;
    return out.size() > max ? out.substr(0, max - 3) + "..." : out;
}

} // namespace

std::vector<CheckGroup> groupByCheck(const Report& report, bool failures)
{
    std::map<std::string, CheckGroup> byCheck;
    for (const CheckResult& r : report.results) {
        CheckGroup& g = byCheck[r.checkId];
        g.checkId = r.checkId;
        ++g.ran;
        const bool failure = (r.verdict == Verdict::Fail && r.allowedBy.empty()) || r.verdict == Verdict::Error;
        const bool warning = r.verdict == Verdict::Warn || (r.verdict == Verdict::Fail && !r.allowedBy.empty());
        if (failures ? failure : warning)
            g.hits.push_back(&r);
    }
    std::vector<CheckGroup> out;
    for (auto& [id, g] : byCheck)
        if (!g.hits.empty())
            out.push_back(std::move(g));
    std::stable_sort(out.begin(), out.end(), [](const CheckGroup& a, const CheckGroup& b) { return a.hits.size() > b.hits.size(); });
    return out;
}

std::string groupLine(const CheckGroup& g)
{
    const CheckResult& first = *g.hits.front();
    const std::string verdict = first.verdict == Verdict::Fail && !first.allowedBy.empty() ? "FAIL (expected)" : toString(first.verdict);
    const std::string what = first.message.empty() ? first.requirement : first.message;
    return verdict + " " + g.checkId + " in " + std::to_string(g.hits.size()) + "/" + std::to_string(g.ran) +
        " variants: " + oneLine(what, 160) + " — first: " + first.variant;
}

} // namespace gbc

// Shard merge: disjoint unions with duplicate detection, then canonical ordering.
#include "report_merge.h"

#include <algorithm>
#include <set>

#include <fnmatch.h>

namespace gbc {

namespace {

Status compatible(const Report& first, const Report& r, std::size_t index)
{
    const std::string where = "input " + std::to_string(index + 1);
    if (r.run.plan != first.run.plan)
        return Error{"merge.plan", where, "plan '" + r.run.plan + "' differs from '" + first.run.plan + "'"};
    if (r.run.target != first.run.target)
        return Error{"merge.target", where, "target '" + r.run.target + "' differs from '" + first.run.target + "'"};
    return okStatus();
}

void mergeTiming(Timing& into, const Timing& t, bool first)
{
    if (first || (!t.startedAt.empty() && t.startedAt < into.startedAt))
        into.startedAt = t.startedAt;
    if (t.finishedAt > into.finishedAt)
        into.finishedAt = t.finishedAt;
    into.totalMs += t.totalMs;
    into.variantMs.insert(t.variantMs.begin(), t.variantMs.end());
    into.endpoints.insert(t.endpoints.begin(), t.endpoints.end());
}

// Appends input `index`'s results. A check x variant may hold several results within one input (validate: one per
// located finding), but never in two inputs; `seen` holds the keys of the earlier inputs.
Status addResults(Report& out, const Report& r, std::size_t index, std::set<std::string>& seen)
{
    std::set<std::string> mine;
    for (const CheckResult& c : r.results) {
        const std::string key = c.checkId + "\n" + c.variant;
        if (seen.count(key))
            return Error{"merge.duplicate", "input " + std::to_string(index + 1),
                "check " + c.checkId + " for variant " + c.variant + " appears in two inputs (overlapping shards?)"};
        mine.insert(key);
        out.results.push_back(c);
    }
    seen.insert(mine.begin(), mine.end());
    return okStatus();
}

} // namespace

Result<Report> mergeReports(const std::vector<Report>& shards)
{
    if (shards.empty())
        return Error{"merge.empty", "", "give at least one report to merge"};
    Report out;
    out.run = shards.front().run;
    out.run.command = "merge";
    out.run.shard = "merged " + std::to_string(shards.size());
    std::set<std::string> variants, results, exchanges, stale;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const Report& r = shards[i];
        if (Status st = compatible(shards.front(), r, i); !st)
            return st.error();
        for (const VariantInfo& v : r.variants)
            if (variants.insert(v.id).second)
                out.variants.push_back(v);
        if (Status st = addResults(out, r, i, results); !st)
            return st.error();
        for (const HttpExchange& e : r.exchanges)
            if (exchanges.insert(e.id).second)
                out.exchanges.push_back(e);
        out.series.insert(out.series.end(), r.series.begin(), r.series.end());
        for (const StaleEntry& s : r.stale)
            if (stale.insert(s.check + "\n" + s.variant).second)
                out.stale.push_back(s);
        out.notes.insert(out.notes.end(), r.notes.begin(), r.notes.end());
        mergeTiming(out.timing, r.timing, i == 0);
    }
    // An entry stale in one shard is not stale when another shard's failure used it.
    out.stale.erase(std::remove_if(out.stale.begin(), out.stale.end(), [&](const StaleEntry& s) {
        return std::any_of(out.results.begin(), out.results.end(), [&](const CheckResult& r) {
            return r.verdict == Verdict::Fail && r.allowedBy == s.reason &&
                fnmatch(s.check.c_str(), r.checkId.c_str(), 0) == 0 && fnmatch(s.variant.c_str(), r.variant.c_str(), 0) == 0;
        });
    }), out.stale.end());
    normalize(out);
    return out;
}

} // namespace gbc

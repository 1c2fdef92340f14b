// The run loop: select checks and variants, probe each variant (workers in parallel), judge, assemble the report.
#include "runner.h"

#include <chrono>
#include <set>
#include <thread>

#include "probes.h"
#include "time_format.h"
#include "variant_outcome.h"

namespace gbc {

std::vector<const RunnerCheck*> selectChecks(const RunOptions& o)
{
    std::vector<const RunnerCheck*> out;
    for (const RunnerCheck& c : runnerChecks()) {
        if (!checkInPlan(c, o.plan))
            continue;
        bool keep = o.filters.empty();
        for (const std::string& f : o.filters)
            keep = keep || globMatch(f, c.record.id);
        for (const std::string& x : o.excludes)
            keep = keep && !globMatch(x, c.record.id);
        if (keep)
            out.push_back(&c);
    }
    return out;
}

std::vector<const VariantSpec*> selectVariants(const Target& target, const RunOptions& o)
{
    std::vector<const VariantSpec*> matching;
    for (const VariantSpec& v : target.variants) {
        bool keep = o.variants.empty();
        for (const std::string& g : o.variants)
            keep = keep || globMatch(g, v.id);
        if (keep)
            matching.push_back(&v);
    }
    std::vector<const VariantSpec*> out;
    for (std::size_t i = 0; i < matching.size(); ++i)
        if (static_cast<int>(i % static_cast<std::size_t>(o.shardCount)) == o.shardIndex - 1)
            out.push_back(matching[i]);
    return out;
}

Result<std::pair<int, int>> parseShard(const std::string& text)
{
    const std::size_t slash = text.find('/');
    const auto number = [](const std::string& s) {
        return !s.empty() && s.size() < 6 && s.find_first_not_of("0123456789") == std::string::npos ? std::stoi(s) : 0;
    };
    const int i = slash == std::string::npos ? 0 : number(text.substr(0, slash));
    const int n = slash == std::string::npos ? 0 : number(text.substr(slash + 1));
    if (i < 1 || n < 1 || i > n)
        return Error{"usage.shard", "--shard " + text, "expected I/N with 1 <= I <= N, e.g. 2/4"};
    return std::make_pair(i, n);
}

namespace {

std::string isoNow()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return formatIso8601(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

void applyExpectedFailures(Report& report, const std::vector<ExpectedFailure>& entries)
{
    for (const ExpectedFailure& e : entries) {
        bool matched = false, failing = false;
        for (CheckResult& r : report.results) {
            if (!globMatch(e.check, r.checkId) || !globMatch(e.variant, r.variant))
                continue;
            matched = true;
            if (r.verdict == Verdict::Fail) {
                failing = true;
                if (r.allowedBy.empty())
                    r.allowedBy = e.reason;
            }
        }
        if (matched && !failing)
            report.stale.push_back({e.check, e.variant, e.reason});
    }
}

} // namespace

Report runTarget(const Target& target, const RunOptions& o, ConsoleProgress* progress)
{
    Report report;
    report.run = RunInfo{"gbc-conformance", o.version, "run", target.name, o.plan,
        std::to_string(o.shardIndex) + "/" + std::to_string(o.shardCount), o.filters, o.excludes};
    report.timing.startedAt = isoNow();
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<const RunnerCheck*> checks = selectChecks(o);
    const std::vector<const VariantSpec*> variants = selectVariants(target, o);
    ProbeSelection sel;
    for (const RunnerCheck* c : checks)
        sel.plans.insert(c->plan);
    const std::size_t workers = std::max<std::size_t>(1, o.workerOrigins.size());
    std::vector<VariantOutput> outputs(variants.size());
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            WorkerCarry carry;
            const std::string origin = o.workerOrigins.empty() ? "" : o.workerOrigins[w];
            for (std::size_t i = w; i < variants.size(); i += workers) {
                if (progress)
                    progress->variantStarted(variants[i]->id, static_cast<int>(variants.size()));
                const VariantSpec v = rebase(*variants[i], o.workerBase, origin);
                outputs[i] = runVariant(v, checks, sel, carry, origin);
                if (progress)
                    progress->variantFinished(v.id, outputs[i].results);
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    for (VariantOutput& out : outputs)
        mergeInto(report, std::move(out));
    applyExpectedFailures(report, o.expectedFailures);
    normalize(report);
    report.timing.finishedAt = isoNow();
    report.timing.totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    for (std::size_t w = 0; w < o.workerOrigins.size(); ++w)
        report.timing.endpoints["{sim}" + (w == 0 ? std::string() : "@" + std::to_string(w + 1))] = o.workerOrigins[w];
    return report;
}

} // namespace gbc

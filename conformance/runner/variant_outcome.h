// Probing and judging one variant: the report pieces it contributes (results, redacted exchanges, series).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "probes.h"
#include "redactor.h"
#include "report.h"
#include "runner_families.h"
#include "target.h"

namespace gbc {

struct VariantOutput {
    VariantInfo info;
    std::vector<CheckResult> results;
    std::vector<HttpExchange> exchanges;
    std::vector<Series> series;
    double ms = 0;
    std::map<std::string, std::string> endpoints; // placeholder -> origin (callback listener)
};

// What a worker's variants pass on to the next ones: the previous authorized subscription id (for the
// foreign-subscription check) and the clients whose Authorization list and Bulk were read already.
struct WorkerCarry {
    std::string foreignSubscription;
    std::set<std::string> clientsRead;     // token URL + client id
    bool wholeHistoryWalked = false;       // one variant walked the whole granted history
};

// Probes `variant` and applies `checks`, updating `carry`. `simOrigin` is aliased as {sim} in evidence.
VariantOutput runVariant(const VariantSpec& variant, const std::vector<const RunnerCheck*>& checks,
    const ProbeSelection& sel, WorkerCarry& carry, const std::string& simOrigin);

// The variant with every URL that starts with `from` moved to `to` (no change when either is empty).
VariantSpec rebase(const VariantSpec& variant, const std::string& from, const std::string& to);

void mergeInto(Report& report, VariantOutput&& out);

// Largest body kept per exchange in reports.
inline constexpr std::size_t kEvidenceBodyLimit = 8192;

// A body as reports keep it: redacted, then its first kEvidenceBodyLimit bytes (redaction scans only a window
// around the kept part, never a whole multi-MB feed).
std::string keptEvidenceBody(const std::string& body, const Redactor& redactor);

} // namespace gbc

// Runs the selected plan over a target's variants (optionally sharded and in parallel workers) into a Report.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "console_report.h"
#include "expected_failures.h"
#include "report.h"
#include "runner_families.h"
#include "target.h"

namespace gbc {

struct RunOptions {
    std::string plan = "full";
    std::vector<std::string> filters;  // check-id globs to keep (empty = all)
    std::vector<std::string> excludes; // check-id globs to drop
    std::vector<std::string> variants; // variant-id globs to keep (empty = all)
    int shardIndex = 1;                // 1-based
    int shardCount = 1;
    std::vector<ExpectedFailure> expectedFailures;
    // Parallel workers: worker k rewrites `workerBase` to workerOrigins[k] in its variants' URLs (one simulator
    // per worker). Empty: one worker, URLs as written.
    std::string workerBase;
    std::vector<std::string> workerOrigins;
    std::string version;
};

// The checks the options select, in id order (for `run` and `list`).
std::vector<const RunnerCheck*> selectChecks(const RunOptions& options);

// The variants the options select (variant globs, then the shard), in target order.
std::vector<const VariantSpec*> selectVariants(const Target& target, const RunOptions& options);

// Parses "I/N" (1 <= I <= N).
Result<std::pair<int, int>> parseShard(const std::string& text);

Report runTarget(const Target& target, const RunOptions& options, ConsoleProgress* progress);

} // namespace gbc

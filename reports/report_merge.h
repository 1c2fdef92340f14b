// Combines shard reports (`gbc-conformance merge`) into one report.
#pragma once

#include <vector>

#include "report.h"
#include "result.h"

namespace gbc {

// Unions variants, results, exchanges, series, stale entries and notes. The same check x variant in two inputs,
// or inputs from different plans or targets, is an error (several results of one check x variant inside one input,
// as validate writes them, are kept). Timing: earliest start, latest finish, summed totals.
Result<Report> mergeReports(const std::vector<Report>& shards);

} // namespace gbc

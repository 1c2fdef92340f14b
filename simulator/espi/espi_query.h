// ESPI feed query parameters (FB 37): published-min/max, updated-min/max, max-results, start-index, depth.
#pragma once

#include <cstdint>
#include <optional>

#include "clock.h"
#include "http_types.h"
#include "result.h"

namespace gbc {

struct FeedQuery {
    std::optional<EpochSeconds> publishedMin, publishedMax, updatedMin, updatedMax;
    std::optional<std::int64_t> maxResults; // cap on entries (depth is folded in: the smaller of the two)
    std::int64_t startIndex = 1;            // 1-based index of the first matching entry to return
};

// Parses the query of `req`. Dates are ISO 8601 (YYYY-MM-DDThh:mm:ssZ, fraction and +hh:mm offsets allowed),
// integers are plain digits. A malformed or repeated value is an Error{"espi.bad_request", "<url>?<param>", ...};
// with `lenient` (defect bad_query_accepted) malformed values are ignored instead.
Result<FeedQuery> parseFeedQuery(const HttpRequest& req, bool lenient);

// What the filter needs to know about one entry.
struct EntryTimes {
    EpochSeconds published = 0, updated = 0;
    bool intervalTimed = false; // IntervalBlock: filtered by interval start/end instead of published/updated
    EpochSeconds intervalStart = 0, intervalEnd = 0;
};

// True when the entry passes the date filters. An IntervalBlock is kept when its start >= min and
// start + duration <= max (ExportFilter semantics); `ignorePublishedOnIntervals` = defect query_param_ignored.
bool passesDateFilter(const FeedQuery& q, const EntryTimes& e, bool ignorePublishedOnIntervals);

} // namespace gbc

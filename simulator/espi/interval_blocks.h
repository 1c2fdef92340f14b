// IntervalBlocks of a service: one per local day (15-minute electric data) or per local month (daily gas/water data).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load_profile.h"
#include "usage_model.h"

namespace gbc {

struct BlockSpan {
    std::string id;          // "YYYYMMDD" (daily) or "YYYYMM" (monthly), local calendar
    EpochSeconds start = 0;  // UTC
    EpochSeconds end = 0;    // UTC, exclusive
    LocalDay firstDay;       // the local day at `start`
};

// Every block of the service inside the plan's history window, oldest first.
std::vector<BlockSpan> blocksOf(const SubscriptionPlan& plan, const ServicePlan& service);
// The block named `id`, or nullopt when it is malformed or outside the window.
std::optional<BlockSpan> findBlock(const SubscriptionPlan& plan, const ServicePlan& service, const std::string& id);
// The block's readings, contiguous from start to end.
void blockReadings(const SubscriptionPlan& plan, const ServicePlan& service, const BlockSpan& block,
                   std::vector<Reading>& out);

// "YYYYMMDD" / "YYYYMM" of a local civil date.
std::string dayId(std::int64_t days);
std::string monthId(int year, unsigned month);
// Parses "YYYYMM" into (year, month); nullopt when malformed.
std::optional<std::pair<int, unsigned>> parseMonthId(const std::string& id);

} // namespace gbc

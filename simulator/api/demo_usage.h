// Demo third-party site, pure part: reading electric usage out of an ESPI Batch feed and drawing it as inline SVG.
#pragma once

#include <string>
#include <vector>

#include "clock.h"
#include "result.h"

namespace gbc {

struct DailyUsage {
    std::string day; // YYYY-MM-DD in the feed's standard local time (LocalTimeParameters tzOffset)
    double kwh = 0;
};

// Follows IntervalBlock -> MeterReading -> ReadingType links inside the feed and sums electric (uom 72, Wh)
// readings per local day, oldest first. Errors: demo.bad_xml when the text is not an Atom feed.
Result<std::vector<DailyUsage>> dailyElectricUsage(const std::string& atomXml);

// An <svg> bar chart of the last `maxDays` days, with a <title> per bar; no scripts, no external assets.
std::string usageChartSvg(const std::vector<DailyUsage>& days, std::size_t maxDays = 31);

} // namespace gbc

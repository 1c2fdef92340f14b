// Demo third-party site, pure part: reading usage per service out of ESPI feeds (local days by the utility's DST
// rules) and merging fetches, so incremental fetches and BatchList-named resources add to what is known.
#pragma once

#include <string>
#include <vector>

#include "clock.h"
#include "result.h"

namespace gbc {

struct DailyUsage {
    std::string day; // YYYY-MM-DD in the utility's local time (LocalTimeParameters with its DST rules)
    double value = 0; // in the series' unit
};

// One meter (UsagePoint) of one service, read from its first MeterReading with interval data.
struct ServiceSeries {
    std::string usagePointId; // the UsagePoint's id (last path segment)
    int kind = 0;             // ESPI ServiceCategory kind: 0 electricity, 1 gas, 2 water
    std::string title;        // the UsagePoint entry's title
    std::string unit;         // kWh, therm, m3, US gal
    std::vector<DailyUsage> days; // oldest first
};

// "Electricity", "Gas", "Water" (else "Service").
const char* serviceName(int kind);

// Every UsagePoint of an Atom feed with interval data, in document order. Namespace prefixes are ignored; links
// are followed as relative or absolute hrefs. Errors: demo.bad_xml when the text is not an Atom feed.
Result<std::vector<ServiceSeries>> readUsage(const std::string& atomXml);

// Adds `fresh` to `known`: a day present in both takes the fresh value (a refetch, not more use); new meters are
// appended. Days stay sorted.
void mergeUsage(std::vector<ServiceSeries>& known, const std::vector<ServiceSeries>& fresh);

// An <svg class="usage-chart"> bar chart of the last `maxDays` days of one series, with a y axis (unit, ticks), an
// x axis (dates) and a <title> per bar; no scripts, no external assets.
std::string usageChartSvg(const ServiceSeries& series, std::size_t maxDays = 31);

} // namespace gbc

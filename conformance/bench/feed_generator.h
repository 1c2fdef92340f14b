// Writes a synthetic, valid Green Button subscription feed of any length (used by the benchmark and the tests).
#pragma once

#include <cstdint>
#include <string>

namespace gbc {

struct FeedSpec {
    int days = 396;              // 13 months
    int intervalSeconds = 900;   // 15-minute readings
    std::int64_t firstDay = 1704085200; // 2024-01-01T00:00 US Eastern (local midnight, as UTC epoch seconds)
    bool withCost = true;
};

// One electric UsagePoint with LocalTimeParameters (US Eastern), one MeterReading and ReadingType, one
// IntervalBlock per local day (23 h / 25 h on DST changes), and a UsageSummary. It passes every MUST check for
// FB 1, 4, 5, 12 and 15, and validates against espi.xsd 4.0.
std::string generateFeed(const FeedSpec& spec);

} // namespace gbc

// Synthetic load shapes: deterministic per-day readings for electric (15-minute), gas and water (daily) services.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "catalogue.h"
#include "clock.h"
#include "time_zone.h"

namespace gbc {

// One interval reading as the ESPI data carries it: raw integer value in ReadingType units x 10^multiplier.
struct Reading {
    EpochSeconds start = 0;
    std::int32_t duration = 0;
    std::int64_t value = 0;
};

// One local calendar day of a utility, with its UTC bounds (23, 24 or 25 hours long).
struct LocalDay {
    EpochSeconds start = 0;   // local midnight, UTC
    EpochSeconds end = 0;     // next local midnight, UTC
    std::int64_t days = 0;    // local civil date as days since 1970-01-01
    int year = 1970;
    unsigned month = 1, dayOfMonth = 1, daysInMonth = 31;
    unsigned weekday = 4;     // 0 = Sunday
    EpochSeconds shiftAt = 0; // UTC instant where the UTC offset changes within the day (0 = none)
    std::int32_t shift = 0;   // seconds the local clock jumps at shiftAt (+3600 spring, -3600 fall)

    // Seconds of local wall-clock time since midnight at UTC instant t inside the day.
    std::int64_t localSecondsAt(EpochSeconds t) const { return t - start + (shiftAt != 0 && t >= shiftAt ? shift : 0); }
};

// The local day starting at `dayStartUtc` (which must be a local midnight).
LocalDay localDayFrom(const TimeZoneRules& tz, EpochSeconds dayStartUtc);
// Local midnight (UTC) of the local civil date `days`.
EpochSeconds localMidnight(const TimeZoneRules& tz, std::int64_t days);

// Everything that keys and shapes one service's values.
struct LoadProfile {
    ServiceKind kind = ServiceKind::Electric;
    bool commercial = false;
    bool metric = false;          // m3 instead of therm/gallon (non-USD utilities)
    std::uint64_t seed = 1;
    std::uint64_t customerKey = 0; // fnv1a64(customer id)
    std::size_t serviceIndex = 0;
};

// Interval readings of one local day: 15-minute slots for electric (92/96/100 of them), one daily reading otherwise.
// Values depend only on (seed, customer, service index, local date): any day can be generated on its own.
void dayReadings(const LoadProfile& p, const LocalDay& day, std::vector<Reading>& out);
// The sum of dayReadings values without materialising them.
std::int64_t dayTotal(const LoadProfile& p, const LocalDay& day);

} // namespace gbc

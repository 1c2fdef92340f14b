// Calendar arithmetic and ISO 8601 text: instants, dates and durations, all in UTC epoch seconds.
#pragma once

#include <string>

#include "clock.h"
#include "result.h"

namespace gbc {

struct CivilDate {
    int year;
    unsigned month; // 1..12
    unsigned day;   // 1..31
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
std::int64_t daysFromCivil(CivilDate d);
CivilDate civilFromDays(std::int64_t days);
// 0 = Sunday ... 6 = Saturday.
unsigned weekdayFromDays(std::int64_t days);
unsigned daysInMonth(int year, unsigned month);

// "2025-06-15T12:00:00Z".
std::string formatIso8601(EpochSeconds t);
// "2025-06-15T12:00:00.000000+00:00" (UtilityAPI JSON style), shifted to the given offset.
std::string formatIsoMicros(EpochSeconds t, int offsetSeconds = 0);
// "2025-06-15".
std::string formatDate(EpochSeconds t, int offsetSeconds = 0);

// Accepts YYYY-MM-DDThh:mm:ss with optional fraction and Z or ±hh:mm; fraction is dropped.
Result<EpochSeconds> parseIso8601(const std::string& text);
// Accepts YYYY-MM-DD (midnight UTC + offset applied by the caller).
Result<EpochSeconds> parseDate(const std::string& text);
// Strict ESPI query form: exactly YYYY-MM-DDThh:mm:ssZ.
Result<EpochSeconds> parseEspiQueryTime(const std::string& text);
// ISO 8601 duration: PnDTnHnMnS (also PnW); years/months are rejected as ambiguous.
Result<EpochSeconds> parseIsoDuration(const std::string& text);

} // namespace gbc

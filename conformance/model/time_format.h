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

// Like parseIso8601 but keeps the fraction: microseconds since the epoch (any offset, Z, 0-9 fraction digits).
// Compare instants with this, never the text: 01:45:00-06:00 and 01:00:00-07:00 are 15 minutes apart.
Result<std::int64_t> parseIsoMicros(const std::string& text);

// RFC 9110 §5.6.7 HTTP-date. Formats IMF-fixdate ("Sun, 15 Jun 2025 12:00:30 GMT"); parses IMF-fixdate and the
// obsolete RFC 850 ("Sunday, 15-Jun-25 12:00:30 GMT") and asctime ("Sun Jun 15 12:00:30 2025") forms.
std::string formatHttpDate(EpochSeconds t);
Result<EpochSeconds> parseHttpDate(const std::string& text);
// RFC 9110 §10.2.3 Retry-After: delay-seconds or an HTTP-date; the delay from `now` (never negative).
Result<EpochSeconds> parseRetryAfter(const std::string& text, EpochSeconds now);

} // namespace gbc

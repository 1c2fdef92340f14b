// ESPI LocalTimeParameters: DST rule words (decode/encode) and a utility's UTC offset at any instant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "clock.h"
#include "result.h"

namespace gbc {

// A utility's local time as ESPI LocalTimeParameters encodes it.
struct TimeZoneRules {
    std::string name;              // IANA name, for people
    std::int32_t tzOffset = 0;     // seconds east of UTC, without DST
    std::int32_t dstOffset = 0;    // seconds added during DST
    std::uint32_t dstStartRule = 0xFFFFFFFF;
    std::uint32_t dstEndRule = 0xFFFFFFFF;
};

constexpr std::uint32_t kNoDstRule = 0xFFFFFFFF;

// One decoded DstRuleType word (espi.xsd): bits 28-31 month, 25-27 operator, 20-24 day of month,
// 17-19 weekday (1 = Monday ... 7 = Sunday), 12-16 hour, 0-11 seconds.
struct DstRule {
    unsigned month = 0;      // 1..12
    unsigned op = 0;         // 0 day of month, 1 weekday on/after day, 2..6 first..fifth weekday, 7 last weekday
    unsigned dayOfMonth = 0; // 1..31 (ops 0 and 1)
    unsigned weekday = 0;    // 1..7 (ops 1..7)
    unsigned hour = 0;       // 0..23
    unsigned seconds = 0;    // 0..3599 added to the hour
};

// Rejects words whose fields cannot name a real date (month 0, weekday 0 where needed, hour 24...).
// kNoDstRule is not a rule: callers test for it first.
Result<DstRule> decodeDstRule(std::uint32_t word);
std::uint32_t encodeDstRule(const DstRule& rule);
// "360E2000" style, upper-case, 8 digits.
std::string formatDstRule(std::uint32_t word);

// The wall-clock instant (as if local time were UTC) at which the rule fires in `year`;
// nullopt when the date does not exist that year (e.g. fifth Sunday).
std::optional<EpochSeconds> ruleLocalInstant(const DstRule& rule, int year);

// UTC offset (seconds east) in force at `utc`: tzOffset, plus dstOffset between the start and end rules.
// DST starts at the start rule's standard local time and ends at the end rule's daylight local time.
std::int32_t utcOffsetAt(const TimeZoneRules& tz, EpochSeconds utc);

// Local midnight of the local day containing `utc`, as a UTC instant; and the next local midnight.
EpochSeconds localDayStart(const TimeZoneRules& tz, EpochSeconds utc);
EpochSeconds nextLocalDayStart(const TimeZoneRules& tz, EpochSeconds dayStartUtc);

} // namespace gbc

// DST rule words and UTC offsets per espi.xsd DstRuleType; pure arithmetic, no tz database.
#include "time_zone.h"

#include <cstdio>

#include "time_format.h"

namespace gbc {

Result<DstRule> decodeDstRule(std::uint32_t w)
{
    DstRule r;
    r.month = (w >> 28) & 0xF;
    r.op = (w >> 25) & 0x7;
    r.dayOfMonth = (w >> 20) & 0x1F;
    r.weekday = (w >> 17) & 0x7;
    r.hour = (w >> 12) & 0x1F;
    r.seconds = w & 0xFFF;
    const std::string hex = formatDstRule(w);
    if (r.month < 1 || r.month > 12)
        return Error{"dst.bad_month", hex, "month field is " + std::to_string(r.month) + ", not 1..12"};
    if (r.op >= 1 && (r.weekday < 1 || r.weekday > 7))
        return Error{"dst.bad_weekday", hex, "weekday field is " + std::to_string(r.weekday) + ", not 1..7"};
    if (r.op <= 1 && (r.dayOfMonth < 1 || r.dayOfMonth > daysInMonth(2000, r.month)))
        return Error{"dst.bad_day", hex, "day-of-month field is " + std::to_string(r.dayOfMonth) + " for month " +
                                             std::to_string(r.month)};
    if (r.hour > 23)
        return Error{"dst.bad_hour", hex, "hour field is " + std::to_string(r.hour) + ", not 0..23"};
    if (r.seconds >= 3600)
        return Error{"dst.bad_seconds", hex, "seconds field is " + std::to_string(r.seconds) + ", not below 3600"};
    return r;
}

std::uint32_t encodeDstRule(const DstRule& r)
{
    return (r.month & 0xFu) << 28 | (r.op & 0x7u) << 25 | (r.dayOfMonth & 0x1Fu) << 20 | (r.weekday & 0x7u) << 17 |
           (r.hour & 0x1Fu) << 12 | (r.seconds & 0xFFFu);
}

std::string formatDstRule(std::uint32_t word)
{
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08X", word);
    return buf;
}

namespace {

// ESPI weekday 1 = Monday .. 7 = Sunday; weekdayFromDays gives 0 = Sunday.
unsigned espiWeekday(std::int64_t days)
{
    const unsigned w = weekdayFromDays(days);
    return w == 0 ? 7 : w;
}

std::optional<std::int64_t> ruleDay(const DstRule& r, int year)
{
    const unsigned dim = daysInMonth(year, r.month);
    const std::int64_t first = daysFromCivil({year, r.month, 1});
    if (r.op == 0)
        return r.dayOfMonth <= dim ? std::optional<std::int64_t>(first + r.dayOfMonth - 1) : std::nullopt;
    if (r.op == 1) {
        std::int64_t d = first + r.dayOfMonth - 1;
        while (espiWeekday(d) != r.weekday)
            ++d;
        return d - first < dim ? std::optional<std::int64_t>(d) : std::nullopt;
    }
    if (r.op == 7) {
        std::int64_t d = first + dim - 1;
        while (espiWeekday(d) != r.weekday)
            --d;
        return d;
    }
    std::int64_t d = first;
    while (espiWeekday(d) != r.weekday)
        ++d;
    d += 7 * (r.op - 2);
    return d - first < dim ? std::optional<std::int64_t>(d) : std::nullopt;
}

} // namespace

std::optional<EpochSeconds> ruleLocalInstant(const DstRule& rule, int year)
{
    const auto day = ruleDay(rule, year);
    if (!day)
        return std::nullopt;
    return *day * 86400 + rule.hour * 3600 + rule.seconds;
}

std::int32_t utcOffsetAt(const TimeZoneRules& tz, EpochSeconds utc)
{
    if (tz.dstStartRule == kNoDstRule || tz.dstEndRule == kNoDstRule || tz.dstOffset == 0)
        return tz.tzOffset;
    const auto start = decodeDstRule(tz.dstStartRule);
    const auto end = decodeDstRule(tz.dstEndRule);
    if (!start || !end)
        return tz.tzOffset;
    const int year = civilFromDays((utc + tz.tzOffset) / 86400).year;
    const auto s = ruleLocalInstant(*start, year);
    const auto e = ruleLocalInstant(*end, year);
    if (!s || !e)
        return tz.tzOffset;
    const EpochSeconds startUtc = *s - tz.tzOffset;
    const EpochSeconds endUtc = *e - tz.tzOffset - tz.dstOffset;
    const bool inDst = startUtc < endUtc ? (utc >= startUtc && utc < endUtc) : (utc >= startUtc || utc < endUtc);
    return inDst ? tz.tzOffset + tz.dstOffset : tz.tzOffset;
}

EpochSeconds localDayStart(const TimeZoneRules& tz, EpochSeconds utc)
{
    const std::int32_t off = utcOffsetAt(tz, utc);
    const EpochSeconds local = utc + off;
    const EpochSeconds midnightLocal = local - ((local % 86400) + 86400) % 86400;
    // Midnight is never inside a US/Canada transition (they happen at 02:00), so one correction suffices.
    EpochSeconds guess = midnightLocal - off;
    const std::int32_t offAtGuess = utcOffsetAt(tz, guess);
    return midnightLocal - offAtGuess;
}

EpochSeconds nextLocalDayStart(const TimeZoneRules& tz, EpochSeconds dayStartUtc)
{
    return localDayStart(tz, dayStartUtc + 86400 + 3 * 3600);
}

} // namespace gbc

// Load shapes in integer arithmetic (no libm), so values are identical on every platform and build.
#include "load_profile.h"

#include <array>

#include "prng.h"
#include "time_format.h"

namespace gbc {

namespace {

using Hourly = std::array<std::int64_t, 24>;  // per-mille of the mean, by local hour
using Monthly = std::array<std::int64_t, 12>; // per-mille, by month

constexpr Hourly kResWeekday = {520, 470, 440, 430, 440, 520, 800, 1150, 1100, 850, 750, 720,
                                760, 740, 730, 800, 1000, 1350, 1650, 1750, 1650, 1450, 1100, 750};
constexpr Hourly kResWeekend = {560, 500, 460, 440, 440, 470, 560, 760, 1000, 1200, 1250, 1200,
                                1150, 1100, 1050, 1050, 1150, 1350, 1550, 1600, 1500, 1350, 1100, 800};
constexpr Hourly kComWeekday = {330, 320, 320, 320, 330, 420, 700, 1200, 1650, 1800, 1850, 1850,
                                1800, 1850, 1850, 1800, 1700, 1400, 950, 650, 500, 420, 370, 340};
constexpr Hourly kComWeekend = {360, 350, 350, 350, 350, 360, 380, 420, 450, 470, 480, 480,
                                480, 480, 470, 460, 450, 430, 410, 390, 380, 370, 360, 360};

constexpr Monthly kResElectricSeason = {1150, 1080, 950, 850, 880, 1100, 1350, 1380, 1120, 900, 980, 1150};
constexpr Monthly kComElectricSeason = {1000, 980, 950, 940, 980, 1100, 1250, 1260, 1120, 980, 960, 990};
constexpr Monthly kGasSeason = {1900, 1750, 1400, 900, 500, 280, 220, 230, 350, 750, 1300, 1800};
constexpr Monthly kWaterSeason = {800, 800, 850, 950, 1100, 1300, 1450, 1400, 1200, 950, 850, 800};

// Mean value per reading before shaping, in raw ReadingType units (see usage_model.cpp for the multipliers):
// electric mWh per 15 minutes, gas millitherm or litre per day, water gallon or litre per day.
std::int64_t baseValue(const LoadProfile& p)
{
    switch (p.kind) {
    case ServiceKind::Electric:
        return p.commercial ? 5200000 : 280000;
    case ServiceKind::Gas:
        return p.metric ? (p.commercial ? 40000 : 6200) : (p.commercial ? 14000 : 2200);
    case ServiceKind::Water:
        return p.metric ? (p.commercial ? 7200 : 900) : (p.commercial ? 1900 : 240);
    }
    return 1000;
}

const Monthly& seasonTable(const LoadProfile& p)
{
    switch (p.kind) {
    case ServiceKind::Electric:
        return p.commercial ? kComElectricSeason : kResElectricSeason;
    case ServiceKind::Gas:
        return kGasSeason;
    case ServiceKind::Water:
        return kWaterSeason;
    }
    return kWaterSeason;
}

// Value scale for the whole day: base x per-service size x season (interpolated towards next month) x weekday.
std::int64_t dayScale(const LoadProfile& p, const LocalDay& day)
{
    KeyedRng serviceRng(p.seed, p.customerKey, p.serviceIndex, 0x5e5e5e5eull);
    const std::int64_t serviceSize = serviceRng.between(800, 1200);
    const Monthly& season = seasonTable(p);
    const std::int64_t s0 = season[day.month - 1];
    const std::int64_t s1 = season[day.month % 12];
    const std::int64_t seasonal = s0 + (s1 - s0) * (day.dayOfMonth - 1) / day.daysInMonth;
    const bool weekend = day.weekday == 0 || day.weekday == 6;
    std::int64_t v = baseValue(p) * serviceSize / 1000 * seasonal / 1000;
    if (p.kind != ServiceKind::Electric && weekend)
        v = v * (p.commercial ? 600 : 1100) / 1000;
    return v;
}

const Hourly& shapeFor(const LoadProfile& p, const LocalDay& day)
{
    const bool weekend = day.weekday == 0 || day.weekday == 6;
    if (p.commercial)
        return weekend ? kComWeekend : kComWeekday;
    return weekend ? kResWeekend : kResWeekday;
}

} // namespace

LocalDay localDayFrom(const TimeZoneRules& tz, EpochSeconds dayStartUtc)
{
    LocalDay d;
    d.start = dayStartUtc;
    d.end = nextLocalDayStart(tz, dayStartUtc);
    const std::int32_t offStart = utcOffsetAt(tz, d.start);
    const std::int32_t offEnd = utcOffsetAt(tz, d.end - 1);
    d.days = (d.start + offStart) / 86400;
    const CivilDate c = civilFromDays(d.days);
    d.year = c.year;
    d.month = c.month;
    d.dayOfMonth = c.day;
    d.daysInMonth = daysInMonth(c.year, c.month);
    d.weekday = weekdayFromDays(d.days);
    if (offStart != offEnd) {
        EpochSeconds lo = d.start, hi = d.end - 1; // offset(lo) == offStart, offset(hi) == offEnd
        while (hi - lo > 1) {
            const EpochSeconds mid = lo + (hi - lo) / 2;
            (utcOffsetAt(tz, mid) == offStart ? lo : hi) = mid;
        }
        d.shiftAt = hi;
        d.shift = offEnd - offStart;
    }
    return d;
}

EpochSeconds localMidnight(const TimeZoneRules& tz, std::int64_t days)
{
    // Noon local time of that date is inside it whatever the DST state; take its day start.
    return localDayStart(tz, days * 86400 + 12 * 3600 - tz.tzOffset);
}

void dayReadings(const LoadProfile& p, const LocalDay& day, std::vector<Reading>& out)
{
    out.clear();
    KeyedRng rng(p.seed, p.customerKey, p.serviceIndex, static_cast<std::uint64_t>(day.days));
    const std::int64_t scale = dayScale(p, day);
    if (p.kind != ServiceKind::Electric) {
        const std::int64_t v = scale * rng.between(750, 1250) / 1000;
        out.push_back({day.start, static_cast<std::int32_t>(day.end - day.start), v > 0 ? v : 1});
        return;
    }
    const Hourly& shape = shapeFor(p, day);
    for (EpochSeconds t = day.start; t < day.end; t += 900) {
        const std::int64_t local = day.localSecondsAt(t);
        const std::size_t hour = static_cast<std::size_t>(local / 3600) % 24;
        const std::int64_t quarter = (local % 3600) / 900;
        const std::int64_t s = (shape[hour] * (4 - quarter) + shape[(hour + 1) % 24] * quarter) / 4;
        const std::int64_t v = scale * s / 1000 * rng.between(820, 1180) / 1000;
        out.push_back({t, 900, v > 0 ? v : 1});
    }
}

std::int64_t dayTotal(const LoadProfile& p, const LocalDay& day)
{
    thread_local std::vector<Reading> buffer;
    dayReadings(p, day, buffer);
    std::int64_t sum = 0;
    for (const Reading& r : buffer)
        sum += r.value;
    return sum;
}

} // namespace gbc

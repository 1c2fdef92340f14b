// Block enumeration and lookup on local day / month boundaries; readings come from load_profile.
#include "interval_blocks.h"

#include <algorithm>

#include "time_format.h"

namespace gbc {

namespace {

void appendDigits(std::string& out, unsigned v, int width)
{
    char buf[8];
    for (int i = width - 1; i >= 0; --i, v /= 10)
        buf[i] = static_cast<char>('0' + v % 10);
    out.append(buf, static_cast<std::size_t>(width));
}

std::optional<unsigned> digitsValue(const std::string& s, std::size_t from, std::size_t count)
{
    unsigned v = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return std::nullopt;
        v = v * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return v;
}

std::int64_t firstOfNextMonth(int year, unsigned month)
{
    return month == 12 ? daysFromCivil({year + 1, 1, 1}) : daysFromCivil({year, month + 1, 1});
}

BlockSpan monthBlock(const SubscriptionPlan& plan, int year, unsigned month)
{
    const TimeZoneRules& tz = plan.utility->timeZone;
    BlockSpan b;
    b.id = monthId(year, month);
    b.start = std::max(plan.window.start, localMidnight(tz, daysFromCivil({year, month, 1})));
    b.end = std::min(plan.window.end, localMidnight(tz, firstOfNextMonth(year, month)));
    b.firstDay = localDayFrom(tz, b.start);
    return b;
}

} // namespace

std::string dayId(std::int64_t days)
{
    const CivilDate c = civilFromDays(days);
    std::string out;
    appendDigits(out, static_cast<unsigned>(c.year), 4);
    appendDigits(out, c.month, 2);
    appendDigits(out, c.day, 2);
    return out;
}

std::string monthId(int year, unsigned month)
{
    std::string out;
    appendDigits(out, static_cast<unsigned>(year), 4);
    appendDigits(out, month, 2);
    return out;
}

std::optional<std::pair<int, unsigned>> parseMonthId(const std::string& id)
{
    if (id.size() != 6)
        return std::nullopt;
    const auto y = digitsValue(id, 0, 4);
    const auto m = digitsValue(id, 4, 2);
    if (!y || !m || *m < 1 || *m > 12 || *y < 1971)
        return std::nullopt;
    return std::make_pair(static_cast<int>(*y), *m);
}

std::vector<BlockSpan> blocksOf(const SubscriptionPlan& plan, const ServicePlan& service)
{
    std::vector<BlockSpan> out;
    const TimeZoneRules& tz = plan.utility->timeZone;
    if (plan.window.start >= plan.window.end)
        return out;
    if (service.dailyBlocks) {
        for (EpochSeconds d = plan.window.start; d < plan.window.end;) {
            BlockSpan b;
            b.firstDay = localDayFrom(tz, d);
            b.start = d;
            b.end = b.firstDay.end;
            b.id = dayId(b.firstDay.days);
            d = b.end;
            out.push_back(std::move(b));
        }
        return out;
    }
    const LocalDay first = localDayFrom(tz, plan.window.start);
    int year = first.year;
    unsigned month = first.month;
    for (;;) {
        BlockSpan b = monthBlock(plan, year, month);
        if (b.start >= plan.window.end)
            break;
        out.push_back(std::move(b));
        if (++month == 13)
            month = 1, ++year;
    }
    return out;
}

std::optional<BlockSpan> findBlock(const SubscriptionPlan& plan, const ServicePlan& service, const std::string& id)
{
    const TimeZoneRules& tz = plan.utility->timeZone;
    if (service.dailyBlocks) {
        if (id.size() != 8)
            return std::nullopt;
        const auto ym = parseMonthId(id.substr(0, 6));
        const auto d = digitsValue(id, 6, 2);
        if (!ym || !d || *d < 1 || *d > daysInMonth(ym->first, ym->second))
            return std::nullopt;
        const EpochSeconds start = localMidnight(tz, daysFromCivil({ym->first, ym->second, *d}));
        if (start < plan.window.start || start >= plan.window.end)
            return std::nullopt;
        BlockSpan b;
        b.firstDay = localDayFrom(tz, start);
        b.start = start;
        b.end = b.firstDay.end;
        b.id = id;
        return b;
    }
    const auto ym = parseMonthId(id);
    if (!ym)
        return std::nullopt;
    BlockSpan b = monthBlock(plan, ym->first, ym->second);
    if (b.start >= b.end)
        return std::nullopt;
    return b;
}

void blockReadings(const SubscriptionPlan& plan, const ServicePlan& service, const BlockSpan& block,
                   std::vector<Reading>& out)
{
    out.clear();
    if (service.dailyBlocks) {
        dayReadings(service.profile, block.firstDay, out);
        return;
    }
    thread_local std::vector<Reading> day;
    LocalDay d = block.firstDay;
    for (;;) {
        dayReadings(service.profile, d, day);
        out.insert(out.end(), day.begin(), day.end());
        if (d.end >= block.end)
            break;
        d = localDayFrom(plan.utility->timeZone, d.end);
    }
}

} // namespace gbc

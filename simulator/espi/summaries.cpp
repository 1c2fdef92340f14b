// Monthly summaries computed from the same day generator as the IntervalBlocks, so totals always agree.
#include "summaries.h"

#include "interval_blocks.h"
#include "prng.h"
#include "time_format.h"

namespace gbc {

namespace {

// Tariff per raw reading unit, as a fraction of 1/100000 currency: cost = consumption * num / den.
struct Tariff {
    std::int64_t num, den, fixed;
};

Tariff tariffOf(const ServicePlan& s, bool commercial)
{
    const bool metric = s.profile.metric;
    switch (s.service->kind) {
    case ServiceKind::Electric: // mWh; 0.13 (residential) or 0.10 per kWh
        return {commercial ? 10 : 13, 1000, commercial ? 4500000 : 1000000};
    case ServiceKind::Gas: // millitherm at 1.10/therm, or litre at 0.40/m3
        return metric ? Tariff{40, 1, 1500000} : Tariff{110, 1, 1200000};
    case ServiceKind::Water: // gallon at 0.006, or litre at 2.00/m3
        return metric ? Tariff{200, 1, 900000} : Tariff{600, 1, 800000};
    }
    return {0, 1, 0};
}

std::optional<MonthSummary> summarise(const SubscriptionPlan& plan, const ServicePlan& service, int year,
                                      unsigned month, bool withConsumption)
{
    const TimeZoneRules& tz = plan.utility->timeZone;
    MonthSummary m;
    m.id = monthId(year, month);
    m.start = localMidnight(tz, daysFromCivil({year, month, 1}));
    const std::int64_t next = month == 12 ? daysFromCivil({year + 1, 1, 1}) : daysFromCivil({year, month + 1, 1});
    m.end = localMidnight(tz, next);
    if (m.start < plan.window.start || m.end > plan.window.end)
        return std::nullopt;
    if (!withConsumption)
        return m;
    for (EpochSeconds d = m.start; d < m.end; d = nextLocalDayStart(tz, d))
        m.consumption += dayTotal(service.profile, localDayFrom(tz, d));
    const Tariff t = tariffOf(service, plan.commercial);
    m.energyCost = m.consumption * t.num / t.den;
    m.fixedCharge = t.fixed;
    return m;
}

} // namespace

std::vector<MonthSummary> monthlySummaries(const SubscriptionPlan& plan, const ServicePlan& service,
                                           bool withConsumption)
{
    std::vector<MonthSummary> out;
    if (plan.window.start >= plan.window.end)
        return out;
    const TimeZoneRules& tz = plan.utility->timeZone;
    const CivilDate first = civilFromDays((plan.window.start + utcOffsetAt(tz, plan.window.start)) / 86400);
    int year = first.year;
    unsigned month = first.month;
    for (;;) {
        if (localMidnight(tz, daysFromCivil({year, month, 1})) >= plan.window.end)
            break;
        if (auto m = summarise(plan, service, year, month, withConsumption))
            out.push_back(std::move(*m));
        if (++month == 13)
            month = 1, ++year;
    }
    return out;
}

std::optional<MonthSummary> findMonthSummary(const SubscriptionPlan& plan, const ServicePlan& service,
                                             const std::string& id)
{
    const auto ym = parseMonthId(id);
    if (!ym)
        return std::nullopt;
    return summarise(plan, service, ym->first, ym->second, true);
}

PowerQuality powerQualityOf(const ServicePlan& service, const MonthSummary& month)
{
    KeyedRng r(service.profile.seed, service.profile.customerKey, service.index,
               static_cast<std::uint64_t>(month.start) ^ 0x9a11e7ull);
    PowerQuality q;
    q.flickerPlt = r.between(2, 12);
    q.flickerPst = r.between(2, 15);
    q.harmonicVoltage = r.between(150, 400);
    q.longInterruptions = r.between(0, 2);
    q.mainsVoltage = r.between(119000, 121500);
    q.measurementProtocol = 1;
    q.powerFrequency = r.between(59980, 60020);
    q.rapidVoltageChanges = r.between(0, 4);
    q.shortInterruptions = r.between(0, 6);
    q.supplyVoltageDips = r.between(0, 8);
    q.supplyVoltageImbalance = r.between(5, 30);
    q.supplyVoltageVariations = r.between(1, 10);
    q.tempOvervoltage = r.between(0, 2);
    return q;
}

} // namespace gbc

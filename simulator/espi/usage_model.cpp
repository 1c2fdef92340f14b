// Usage model: services shared by an authorization, their ReadingTypes and history window, and interval readings.
#include "usage_model.h"

#include <algorithm>

#include "espi_ids.h"
#include "interval_blocks.h"
#include "prng.h"
#include "time_format.h"

namespace gbc {

namespace {

double pow10(int exponent)
{
    double f = 1;
    for (int i = 0; i < exponent; ++i)
        f *= 10;
    for (int i = 0; i > exponent; --i)
        f /= 10;
    return f;
}

bool isMetric(int currency)
{
    return currency != 840; // US utilities bill therms and gallons; the others cubic metres
}

} // namespace

ReadingTypeSpec readingTypeFor(ServiceKind kind, int currency)
{
    ReadingTypeSpec rt;
    rt.currency = currency;
    const bool metric = isMetric(currency);
    switch (kind) {
    case ServiceKind::Electric: // FB 5 signature 4/1/1/12/72
        rt.commodity = 1, rt.kind = 12, rt.uom = 72, rt.powerOfTenMultiplier = -3, rt.intervalLength = 900;
        rt.unitWord = "kwh", rt.kwhPerQuantity = 0.001;
        break;
    case ServiceKind::Gas: // FB 10: commodity 7, kind 12 + uom 169 (therm) or kind 58 + uom 42 (m3)
        rt.commodity = 7, rt.kind = metric ? 58 : 12, rt.uom = metric ? 42 : 169;
        rt.powerOfTenMultiplier = -3, rt.intervalLength = 86400, rt.phase = -1;
        rt.unitWord = metric ? "m3" : "therm", rt.kwhPerQuantity = metric ? 10.55 : 29.3071;
        break;
    case ServiceKind::Water: // FB 11: 4/9/1/58 with uom 128 (US gal) or 42 (m3)
        rt.commodity = 9, rt.kind = 58, rt.uom = metric ? 42 : 128;
        rt.powerOfTenMultiplier = metric ? -3 : 0, rt.intervalLength = 86400, rt.phase = -1;
        rt.unitWord = metric ? "m3" : "gal", rt.kwhPerQuantity = 0;
        break;
    }
    return rt;
}

TimeWindow historyWindow(const TimeZoneRules& tz, EpochSeconds historyLengthSeconds, EpochSeconds now)
{
    TimeWindow w;
    w.end = localDayStart(tz, now);
    if (historyLengthSeconds > 0) {
        w.start = localDayStart(tz, w.end - historyLengthSeconds);
        return w;
    }
    const CivilDate today = civilFromDays((w.end + utcOffsetAt(tz, w.end)) / 86400);
    int year = today.year;
    int month = static_cast<int>(today.month) - 13;
    while (month < 1) {
        month += 12;
        --year;
    }
    const unsigned day = std::min(today.day, daysInMonth(year, static_cast<unsigned>(month)));
    w.start = localMidnight(tz, daysFromCivil({year, static_cast<unsigned>(month), day}));
    return w;
}

const ServicePlan* SubscriptionPlan::findByUsagePoint(const std::string& id) const
{
    for (const ServicePlan& s : services)
        if (s.usagePointId == id)
            return &s;
    return nullptr;
}

const ServicePlan* SubscriptionPlan::findByIndex(std::size_t serviceIndex) const
{
    for (const ServicePlan& s : services)
        if (s.index == serviceIndex)
            return &s;
    return nullptr;
}

bool SubscriptionPlan::grants(int functionBlock) const
{
    return std::find(record.functionBlocks.begin(), record.functionBlocks.end(), functionBlock) !=
           record.functionBlocks.end();
}

namespace {

ServicePlan servicePlanOf(const SimContext& ctx, const SubscriptionPlan& plan, const Account& account,
                          const Service& service, std::size_t index)
{
    ServicePlan s;
    s.index = index;
    s.account = &account;
    s.service = &service;
    s.readingType = readingTypeFor(service.kind, plan.utility->currency);
    if (service.kind == ServiceKind::Electric && plan.commercial)
        s.readingType.phase = 225; // ABCN: three-phase service
    const std::string& sub = plan.record.uid;
    s.usagePointId = usagePointId(sub, index);
    s.meterReadingId = meterReadingId(s.usagePointId, s.readingType.unitWord, s.readingType.intervalLength);
    s.readingTypeId = readingTypeId(sub, s.meterReadingId);
    s.localTimeParametersId = localTimeParametersId(sub, s.usagePointId);
    s.profile = LoadProfile{service.kind, plan.commercial, isMetric(plan.utility->currency), ctx.seed,
                            fnv1a64(plan.customer->id), index};
    s.dailyBlocks = service.kind == ServiceKind::Electric;
    return s;
}

} // namespace

Result<SubscriptionPlan> planSubscription(const SimContext& ctx, const AuthorizationRecord& record)
{
    SubscriptionPlan plan;
    plan.record = record;
    plan.utility = ctx.catalogue.findUtility(record.utilityId);
    if (!plan.utility)
        return Error{"espi.unknown_utility", "authorization " + record.uid, "utility '" + record.utilityId +
                                                                               "' is not in the catalogue"};
    plan.customer = plan.utility->findCustomer(record.customerId);
    if (!plan.customer)
        return Error{"espi.unknown_customer", "authorization " + record.uid,
                     "customer '" + record.customerId + "' is not in utility " + plan.utility->id};
    plan.scenario = ctx.catalogue.findScenario(plan.customer->scenario);
    plan.commercial = plan.scenario && plan.scenario->profile == "commercial";
    plan.window = historyWindow(plan.utility->timeZone, record.historyLengthSeconds, ctx.clock.now());
    const auto& shared = record.sharedServices;
    std::size_t index = 0;
    for (const Account& account : plan.customer->accounts)
        for (const Service& service : account.services) {
            const std::size_t i = index++;
            if (shared.empty() || std::find(shared.begin(), shared.end(), i) != shared.end())
                plan.services.push_back(servicePlanOf(ctx, plan, account, service, i));
        }
    return plan;
}

std::vector<IntervalPoint> intervalReadings(const SubscriptionPlan& plan, const ServicePlan& service,
                                            EpochSeconds from, EpochSeconds to)
{
    std::vector<IntervalPoint> out;
    const TimeZoneRules& tz = plan.utility->timeZone;
    const EpochSeconds lo = std::max(from, plan.window.start);
    const EpochSeconds hi = std::min(to, plan.window.end);
    if (lo >= hi)
        return out;
    const double scale = pow10(service.readingType.powerOfTenMultiplier);
    std::vector<Reading> day;
    for (EpochSeconds d = localDayStart(tz, lo); d < hi; d = nextLocalDayStart(tz, d)) {
        dayReadings(service.profile, localDayFrom(tz, d), day);
        for (const Reading& r : day) {
            if (r.start < lo || r.start >= hi)
                continue;
            const double quantity = static_cast<double>(r.value) * scale;
            out.push_back({r.start, r.duration, r.value, quantity, quantity * service.readingType.kwhPerQuantity});
        }
    }
    return out;
}

Result<std::vector<IntervalPoint>> intervalReadings(const SimContext& ctx, const AuthorizationRecord& record,
                                                    std::size_t serviceIndex, EpochSeconds from, EpochSeconds to)
{
    auto plan = planSubscription(ctx, record);
    if (!plan)
        return plan.error();
    const ServicePlan* service = plan->findByIndex(serviceIndex);
    if (!service)
        return Error{"espi.unknown_service", "authorization " + record.uid,
                     "service index " + std::to_string(serviceIndex) + " is not shared by this authorization"};
    return intervalReadings(*plan, *service, from, to);
}

} // namespace gbc

// On-Demand Read answer bodies built from the usage model's day generator.
#include "odr_data.h"

#include <cmath>

#include "load_profile.h"
#include "time_format.h"

namespace gbc {

namespace {

double pow10(int e) { return std::pow(10.0, e); }

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// Local midnight of the first day of the local month containing `t`.
EpochSeconds localMonthStart(const TimeZoneRules& tz, EpochSeconds t)
{
    const EpochSeconds dayStart = localDayStart(tz, t);
    const CivilDate d = civilFromDays((dayStart + utcOffsetAt(tz, dayStart)) / 86400);
    return localMidnight(tz, daysFromCivil({d.year, d.month, 1}));
}

// Seed page: "meter": 123 inside data (a number when the uid is all digits), "123" outside.
nlohmann::json meterNumberOrString(const std::string& uid)
{
    if (!uid.empty() && uid.size() <= 18 && uid.find_first_not_of("0123456789") == std::string::npos)
        return std::stoull(uid);
    return uid;
}

nlohmann::json datapoint(const char* type, const nlohmann::json& unit, double value)
{
    return {{"meter_number", nullptr}, {"type", type}, {"unit", unit}, {"value", value}};
}

} // namespace

OdrRegister odrRegister(const MeterRef& meter, EpochSeconds readAt)
{
    const TimeZoneRules& tz = meter.plan.utility->timeZone;
    const ServicePlan& s = *meter.service;
    OdrRegister reg;
    reg.end = readAt - readAt % 900;
    reg.start = localMonthStart(tz, reg.end - 1);
    const double toKwh = pow10(s.readingType.powerOfTenMultiplier) * s.readingType.kwhPerQuantity;
    std::vector<Reading> day;
    std::int64_t total = 0;
    for (EpochSeconds d = localDayStart(tz, reg.start); d < reg.end; d = nextLocalDayStart(tz, d)) {
        dayReadings(s.profile, localDayFrom(tz, d), day);
        for (const Reading& r : day) {
            if (r.start < reg.start || r.start + r.duration > reg.end)
                continue;
            total += r.value;
            reg.lastDemandKw = static_cast<double>(r.value) * toKwh * 3600.0 / r.duration;
        }
    }
    reg.fwdKwh = round3(static_cast<double>(total) * toKwh);
    reg.lastDemandKw = round3(reg.lastDemandKw);
    return reg;
}

nlohmann::json odrData(const MeterRef& meter, const OdrRead& read)
{
    const EpochSeconds readAt = read.started + read.timing.updatedAfterSeconds;
    const OdrRegister reg = odrRegister(meter, readAt);
    const ServicePlan& s = *meter.service;
    const std::string startText = formatIsoMicros(reg.start), endText = formatIsoMicros(reg.end);
    nlohmann::json base = {
        {"billing_account", s.account->number},
        {"billing_address", nullptr},
        {"billing_contact", meter.plan.customer->name},
        {"meter_numbers", {s.service->meterNumber}},
        {"service_address", s.account->address},
        {"service_class", toString(s.service->kind)},
        {"service_identifier", s.service->meterNumber},
        {"service_tariff", s.service->tariff},
    };
    nlohmann::json readings = {
        {"datapoints",
         {datapoint("fwd", "kwh", reg.fwdKwh), datapoint("rev", "kvarh", 0.0), datapoint("fwd", "kw", reg.lastDemandKw),
          datapoint("power_factor", nullptr, 1.0)}},
        {"end", endText},
        {"start", startText},
    };
    return {
        {"authorization_uid", meter.record().uid},
        {"base", base},
        {"blocks", {"base", "readings"}},
        {"created", formatIsoMicros(readAt)},
        {"meter", meterNumberOrString(meter.uid())},
        {"notes", nlohmann::json::array()},
        {"readings", readings},
        {"uid", meter.uid() + "-" + startText + "-" + endText},
        {"updated", formatIsoMicros(readAt)},
        {"utility", meter.plan.utility->id},
    };
}

nlohmann::json odrAnswer(const MeterRef& meter, const OdrRead& read, EpochSeconds now)
{
    const OdrView view = viewAt(read, now);
    return {
        {"data", view.status == OdrStatus::Updated ? odrData(meter, read) : nlohmann::json(nullptr)},
        {"meter", meter.uid()},
        {"status", toString(view.status)},
        {"ts", formatIsoMicros(view.statusSince)},
        {"ttl_seconds", view.ttlSeconds},
    };
}

} // namespace gbc

// JSON API usage objects built from the same generator as the ESPI IntervalBlocks and UsageSummaries.
#include "usage_objects.h"

#include <cmath>

#include "api_objects.h"
#include "time_format.h"

namespace gbc {

namespace {

double roundTo(double v, int digits)
{
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

double quantityOf(const ServicePlan& s, std::int64_t raw) { return static_cast<double>(raw) * std::pow(10.0, s.readingType.powerOfTenMultiplier); }

nlohmann::json kwhOrNull(const ServicePlan& s, double quantity)
{
    if (s.readingType.kwhPerQuantity == 0)
        return nullptr;
    return roundTo(quantity * s.readingType.kwhPerQuantity, 6);
}

std::string espiBase(const std::string& baseUrl, const MeterRef& m)
{
    return baseUrl + "/DataCustodian/espi/1_1/resource/Subscription/" + m.record().uid + "/UsagePoint/" + m.uid();
}

nlohmann::json baseBlock(const MeterRef& m)
{
    nlohmann::json base = meterBase(m);
    base.erase("billing_contact");
    base.erase("billing_address");
    base.erase("billing_account");
    return base;
}

} // namespace

std::string displayUnit(const ServicePlan& s)
{
    const std::string& w = s.readingType.unitWord;
    if (w == "therm")
        return "therms";
    if (w == "gal")
        return "gallons";
    return w;
}

std::string billUid(const MeterRef& m, const MonthSummary& month) { return m.uid() + "_" + month.id; }

nlohmann::json billJson(const MeterRef& m, const MonthSummary& month, const std::string& baseUrl)
{
    const ServicePlan& s = *m.service;
    const Utility& u = *m.plan.utility;
    const double volume = quantityOf(s, month.consumption);
    const double energy = roundTo(static_cast<double>(month.energyCost) / 100000.0, 2);
    const double fixed = roundTo(static_cast<double>(month.fixedCharge) / 100000.0, 2);
    const std::string start = localIso(u, month.start), end = localIso(u, month.end);
    nlohmann::json base = meterBase(m);
    base["bill_start_date"] = start;
    base["bill_end_date"] = end;
    base["bill_statement_date"] = end;
    base["bill_total_cost"] = roundTo(energy + fixed, 2);
    base["bill_total_kwh"] = kwhOrNull(s, volume);
    base["bill_total_unit"] = displayUnit(s);
    base["bill_total_volume"] = roundTo(volume, 6);
    const std::string created = formatIsoMicros(std::max(m.record().created, m.record().dataReadyAt));
    return {
        {"uid", billUid(m, month)},
        {"meter_uid", m.uid()},
        {"authorization_uid", m.record().uid},
        {"created", created},
        {"updated", created},
        {"notes", nlohmann::json::array()},
        {"utility", u.id},
        {"blocks", {"base", "sources", "line_items"}},
        {"base", base},
        {"sources", {{{"type", "greenbutton_cmd"}, {"raw_url", espiBase(baseUrl, m) + "/UsageSummary/" + month.id}}}},
        {"line_items",
         {{{"name", "Energy charge"}, {"kind", "energy"}, {"cost", energy}, {"volume", roundTo(volume, 6)},
           {"unit", displayUnit(s)}, {"start", start}, {"end", end}},
          {{"name", "Customer charge"}, {"kind", "fixed"}, {"cost", fixed}, {"volume", nullptr}, {"unit", nullptr},
           {"start", start}, {"end", end}}}},
    };
}

std::string intervalUid(const MeterRef& m, const BlockSpan& block) { return m.uid() + "_" + block.id; }

nlohmann::json intervalJson(const MeterRef& m, const BlockSpan& block, EpochSeconds from, EpochSeconds to,
                            const std::string& baseUrl)
{
    const ServicePlan& s = *m.service;
    const Utility& u = *m.plan.utility;
    nlohmann::json readings = nlohmann::json::array();
    // The UTC offset changes at most once inside a block: look it up per reading only when it does.
    const int startOffset = utcOffsetAt(u.timeZone, block.start), endOffset = utcOffsetAt(u.timeZone, block.end);
    auto offsetAt = [&](EpochSeconds t) { return startOffset == endOffset ? startOffset : utcOffsetAt(u.timeZone, t); };
    for (const IntervalPoint& p : intervalReadings(m.plan, s, std::max(from, block.start), std::min(to, block.end))) {
        readings.push_back({
            {"start", formatIsoMicros(p.start, offsetAt(p.start))},
            {"end", formatIsoMicros(p.start + p.duration, offsetAt(p.start + p.duration))},
            {"kwh", kwhOrNull(s, p.quantity)},
            {"datapoints", {{{"type", "net"}, {"unit", displayUnit(s)}, {"value", roundTo(p.quantity, 6)}}}},
        });
    }
    const std::string created = formatIsoMicros(std::max(m.record().created, m.record().dataReadyAt));
    nlohmann::json base = baseBlock(m);
    base["qualities"] = nlohmann::json::array({"measured"});
    return {
        {"uid", intervalUid(m, block)},
        {"meter_uid", m.uid()},
        {"authorization_uid", m.record().uid},
        {"created", created},
        {"updated", created},
        {"notes", nlohmann::json::array()},
        {"utility", u.id},
        {"blocks", {"base", "sources", "readings"}},
        {"base", std::move(base)},
        {"sources",
         {{{"type", "greenbutton_cmd"}, {"raw_url", espiBase(baseUrl, m) + "/MeterReading/" + s.meterReadingId + "/IntervalBlock/" + block.id}}}},
        {"readings", std::move(readings)},
    };
}

std::vector<BillingAccountRef> billingAccountsOf(const std::vector<MeterRef>& meters)
{
    std::vector<BillingAccountRef> out;
    for (const MeterRef& m : meters) {
        const Customer& c = *m.plan.customer;
        std::size_t position = 0;
        while (position < c.accounts.size() && &c.accounts[position] != m.service->account)
            ++position;
        const std::string uid = m.record().uid + "-" + std::to_string(position + 1);
        auto it = std::find_if(out.begin(), out.end(), [&](const BillingAccountRef& a) { return a.uid == uid; });
        if (it == out.end())
            out.push_back({uid, {m}});
        else
            it->meters.push_back(m);
    }
    return out;
}

nlohmann::json billingAccountJson(const BillingAccountRef& account)
{
    const MeterRef& first = account.meters.front();
    const Account& a = *first.service->account;
    nlohmann::json meterUids = nlohmann::json::array();
    for (const MeterRef& m : account.meters)
        meterUids.push_back(m.uid());
    const std::string created = formatIsoMicros(first.record().created);
    return {
        {"uid", account.uid},
        {"authorization_uid", first.record().uid},
        {"utility", first.plan.utility->id},
        {"created", created},
        {"updated", created},
        {"billing_account", a.number},
        {"billing_contact", first.plan.customer->name},
        {"billing_address", a.address},
        {"meter_uids", meterUids},
        {"is_archived", false},
    };
}

} // namespace gbc

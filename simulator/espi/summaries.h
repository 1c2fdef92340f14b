// Monthly UsageSummary (consumption and bill, cost in 1/100000 currency) and ElectricPowerQualitySummary values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "usage_model.h"

namespace gbc {

// One billing period = one complete local calendar month inside the history window.
struct MonthSummary {
    std::string id;                // "YYYYMM"
    EpochSeconds start = 0;        // local month start, UTC
    EpochSeconds end = 0;          // next local month start, UTC
    std::int64_t consumption = 0;  // sum of the month's readings, raw ReadingType units
    std::int64_t energyCost = 0;   // 1/100000 currency
    std::int64_t fixedCharge = 0;  // 1/100000 currency
    std::int64_t bill() const { return energyCost + fixedCharge; }
};

// `withConsumption` false skips summing the readings (billing periods only, consumption and costs 0).
std::vector<MonthSummary> monthlySummaries(const SubscriptionPlan& plan, const ServicePlan& service,
                                           bool withConsumption = true);
std::optional<MonthSummary> findMonthSummary(const SubscriptionPlan& plan, const ServicePlan& service,
                                             const std::string& id);

// ElectricPowerQualitySummary values of one month (all 13 FB 17 fields).
struct PowerQuality {
    std::int64_t flickerPlt, flickerPst, harmonicVoltage, longInterruptions, mainsVoltage;
    int measurementProtocol;
    std::int64_t powerFrequency, rapidVoltageChanges, shortInterruptions, supplyVoltageDips, supplyVoltageImbalance,
        supplyVoltageVariations, tempOvervoltage;
};
PowerQuality powerQualityOf(const ServicePlan& service, const MonthSummary& month);

} // namespace gbc

// JSON API usage objects (pure): Bill (one per billing month), Interval (one per ESPI IntervalBlock) and Billing Account,
// all derived from the ESPI usage model so every number matches the Atom feeds.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_access.h"
#include "interval_blocks.h"
#include "summaries.h"

namespace gbc {

// "kwh", "therms", "gallons", "m3".
std::string displayUnit(const ServicePlan& s);

std::string billUid(const MeterRef& m, const MonthSummary& month);
// baseUrl: origin for the ESPI raw_url of the sources block.
nlohmann::json billJson(const MeterRef& m, const MonthSummary& month, const std::string& baseUrl);

std::string intervalUid(const MeterRef& m, const BlockSpan& block);
// Readings of the block restricted to [from, to).
nlohmann::json intervalJson(const MeterRef& m, const BlockSpan& block, EpochSeconds from, EpochSeconds to,
                            const std::string& baseUrl);

// One billing account per (authorization, customer account) with the meters it holds.
struct BillingAccountRef {
    std::string uid; // "<authorization uid>-<account number position>"
    std::vector<MeterRef> meters;
};
std::vector<BillingAccountRef> billingAccountsOf(const std::vector<MeterRef>& meters);
nlohmann::json billingAccountJson(const BillingAccountRef& account);

} // namespace gbc

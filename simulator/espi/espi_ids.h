// Resource id shapes of the ESPI API (UtilityAPI style) and their inverse parsers; all pure string functions.
//
// Subscription id = Authorization id = RetailCustomer id = AuthorizationRecord::uid ("sub").
// UsagePoint id   = sub + two-digit (service index + 1), e.g. "467189" + "03" = "46718903"; it is the JSON API meter uid.
// MeterReading id = usagePointId + "_" + unit + "_" + intervalLength, e.g. "46718903_kwh_900".
// ReadingType id  = sub + "_" + meterReadingId;  LocalTimeParameters id = "TIMEZONE_" + sub + "_" + usagePointId.
// IntervalBlock id = local date "YYYYMMDD" (daily blocks) or local month "YYYYMM" (monthly blocks of daily readings).
// UsageSummary and ElectricPowerQualitySummary ids = local billing month "YYYYMM".
// ApplicationInformation id = the client id; Bulk id = digits derived from the client id (as the token endpoint).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "catalogue.h"

namespace gbc {

std::string usagePointId(const std::string& subscriptionId, std::size_t serviceIndex);
// Inverse of usagePointId for a known subscription: the service index, or nullopt when `id` is not one of its shape.
std::optional<std::size_t> serviceIndexOf(const std::string& subscriptionId, const std::string& usagePointId);
// Inverse without the subscription: (subscription id, service index).
struct UsagePointKey {
    std::string subscriptionId;
    std::size_t serviceIndex = 0;
};
std::optional<UsagePointKey> parseUsagePointId(const std::string& usagePointId);

// "kwh", "therm", "m3", "gal" ... the unit word used in MeterReading ids.
std::string meterReadingId(const std::string& usagePointId, const std::string& unitWord, int intervalLength);
std::string readingTypeId(const std::string& subscriptionId, const std::string& meterReadingId);
std::string localTimeParametersId(const std::string& subscriptionId, const std::string& usagePointId);
// (subscription id, service index) named by a ReadingType or LocalTimeParameters id; nullopt when malformed.
std::optional<UsagePointKey> parseReadingTypeId(const std::string& id);
std::optional<UsagePointKey> parseLocalTimeParametersId(const std::string& id);

std::string applicationInformationId(const Client& client);
std::string bulkId(const Client& client);

// True when every character is safe in an id path segment: [A-Za-z0-9_.-], 1..128 characters.
bool isSafeId(const std::string& id);

} // namespace gbc

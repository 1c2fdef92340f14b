// Public usage model of one authorization: its shared services, ReadingTypes, history window and the interval
// readings behind every ESPI feed. The JSON API / ODR use intervalReadings() to serve the very same numbers.
//
// Service index = position in the customer's services with accounts flattened in catalogue order
// (Customer.accounts[0].services..., accounts[1].services...). Only AuthorizationRecord::sharedServices are
// visible when that list is non-empty. UsagePoint id (= JSON meter uid) = usagePointId(record.uid, index)
// (espi_ids.h, with parseUsagePointId for the way back). Monthly bills with costs: summaries.h; the IntervalBlock
// split (local days / months): interval_blocks.h. Everything is a pure function of (seed, catalogue, record, now).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "authorization_directory.h"
#include "catalogue.h"
#include "load_profile.h"
#include "result.h"
#include "sim_context.h"

namespace gbc {

// The ReadingType of a service (espi.xsd codes).
struct ReadingTypeSpec {
    int accumulationBehaviour = 4; // deltaData
    int commodity = 1;             // 1 electricity, 7 natural gas, 9 potable water
    int flowDirection = 1;         // forward
    int kind = 12;                 // 12 energy, 58 volume
    int uom = 72;                  // 72 Wh, 169 therm, 42 m3, 128 US gallon
    int powerOfTenMultiplier = -3; // value x 10^multiplier = quantity in uom
    int intervalLength = 900;      // seconds: 900 electric, 86400 gas/water
    int currency = 840;            // ISO 4217 numeric, from the utility
    int phase = 769;               // electric only (PhaseCodeKind 769 = S12N, single-phase residential)
    std::string unitWord;          // "kwh", "therm", "m3", "gal": used in MeterReading ids
    double kwhPerQuantity = 0;     // quantity (value x 10^multiplier, in uom) -> kWh; 0 for water
};

ReadingTypeSpec readingTypeFor(ServiceKind kind, int currency);

// One shared service of an authorization, with its resource ids.
struct ServicePlan {
    std::size_t index = 0;
    const Account* account = nullptr;
    const Service* service = nullptr;
    std::string usagePointId, meterReadingId, readingTypeId, localTimeParametersId;
    ReadingTypeSpec readingType;
    LoadProfile profile;
    bool dailyBlocks = true; // electric: one IntervalBlock per local day; gas/water: one per local month
};

struct TimeWindow {
    EpochSeconds start = 0; // local midnight
    EpochSeconds end = 0;   // local midnight (exclusive): the start of "today" at the utility
};

// History covered by an authorization: `historyLengthSeconds` back from today's local midnight
// (13 calendar months when 0), both ends on local day boundaries.
TimeWindow historyWindow(const TimeZoneRules& tz, EpochSeconds historyLengthSeconds, EpochSeconds now);

// Everything the ESPI resources of one authorization are generated from.
struct SubscriptionPlan {
    AuthorizationRecord record;
    const Utility* utility = nullptr;
    const Customer* customer = nullptr;
    const Scenario* scenario = nullptr;
    bool commercial = false;
    TimeWindow window;
    std::vector<ServicePlan> services; // shared services, by index

    const ServicePlan* findByUsagePoint(const std::string& usagePointId) const;
    const ServicePlan* findByIndex(std::size_t serviceIndex) const;
    bool grants(int functionBlock) const;
};

// Builds the plan at the clock's now; errors (espi.unknown_utility / unknown_customer) when the record names
// something the catalogue lacks.
Result<SubscriptionPlan> planSubscription(const SimContext& ctx, const AuthorizationRecord& record);

// One interval as the JSON API shows it: the ESPI reading plus its value in physical units.
struct IntervalPoint {
    EpochSeconds start = 0;
    std::int64_t duration = 0; // seconds (900; 82800/86400/90000 for daily readings)
    std::int64_t value = 0;    // raw ESPI IntervalReading value
    double quantity = 0;       // value x 10^powerOfTenMultiplier, in the ReadingType uom (Wh, therm, m3, gal)
    double kwh = 0;            // energy in kWh (electric: quantity / 1000; gas: converted; water: 0)
};

// The readings of one service whose start lies in [from, to) and inside the history window, oldest first.
// Errors: espi.unknown_service when serviceIndex is not shared by the authorization.
Result<std::vector<IntervalPoint>> intervalReadings(const SimContext& ctx, const AuthorizationRecord& record,
                                                    std::size_t serviceIndex, EpochSeconds from, EpochSeconds to);
// Same, from an already built plan.
std::vector<IntervalPoint> intervalReadings(const SubscriptionPlan& plan, const ServicePlan& service,
                                            EpochSeconds from, EpochSeconds to);

} // namespace gbc

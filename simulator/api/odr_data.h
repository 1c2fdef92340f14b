// On-Demand Read answer bodies (pure): {meter, status, ts, ttl_seconds, data} exactly as the EPE seed page shows them.
#pragma once

#include <nlohmann/json.hpp>

#include "api_access.h"
#include "odr_machine.h"

namespace gbc {

// The register read a finished read reports: from the start of the local billing month to the last complete
// 15-minute interval before the read completed, summed from the same generator as the interval data.
struct OdrRegister {
    EpochSeconds start = 0, end = 0;
    double fwdKwh = 0;       // energy delivered in [start, end)
    double lastDemandKw = 0; // average power over the last complete interval
};

OdrRegister odrRegister(const MeterRef& meter, EpochSeconds readAt);

// `data` of an updated read (authorization_uid, base, blocks, created, meter, notes, readings, uid, updated, utility).
nlohmann::json odrData(const MeterRef& meter, const OdrRead& read);

// The whole answer at `now`; data is null until the read is "updated".
nlohmann::json odrAnswer(const MeterRef& meter, const OdrRead& read, EpochSeconds now);

} // namespace gbc

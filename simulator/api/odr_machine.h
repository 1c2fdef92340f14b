// On-Demand Read lifecycle (pure): initialized -> waiting -> pending -> updated|errored on the simulator clock, one read per ttl window.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "catalogue.h"
#include "clock.h"

namespace gbc {

enum class OdrStatus { Initialized, Waiting, Pending, Updated, Errored };

const char* toString(OdrStatus s);

// One read started for one meter at `started`, following the scenario's timing.
struct OdrRead {
    std::string meterUid;
    EpochSeconds started = 0;
    OdrTiming timing;
    int sequence = 1; // 1 for the meter's first read, then 2, 3...
};

// The read as seen at one instant.
struct OdrView {
    OdrStatus status = OdrStatus::Initialized;
    EpochSeconds statusSince = 0;  // when the current status was entered (the answer's ts)
    std::int64_t ttlSeconds = 0;   // seconds left before a new read may start; never negative
    bool finished() const { return status == OdrStatus::Updated || status == OdrStatus::Errored; }
};

OdrView viewAt(const OdrRead& read, EpochSeconds now);

// What a request did: the read it answers with and whether it started that read.
struct OdrOutcome {
    OdrRead read;
    bool started = false;
};

// Every meter's latest read. Not thread-safe: the owner serialises access.
class OdrBook {
public:
    // A request at `now`: returns the current read while its ttl lasts, otherwise starts a new one.
    // With ignoreTtl (defect odr_ignores_ttl) every request starts a new read.
    OdrOutcome request(const std::string& meterUid, const OdrTiming& timing, EpochSeconds now, bool ignoreTtl = false);
    std::optional<OdrRead> latest(const std::string& meterUid) const;
    void forget(const std::string& meterUid) { reads_.erase(meterUid); }

private:
    std::map<std::string, OdrRead> reads_;
};

} // namespace gbc

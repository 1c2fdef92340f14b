// On-Demand Read lifecycle: status and ttl derived from the start instant and the scenario's timing.
#include "odr_machine.h"

#include <algorithm>

namespace gbc {

const char* toString(OdrStatus s)
{
    switch (s) {
    case OdrStatus::Initialized: return "initialized";
    case OdrStatus::Waiting: return "waiting";
    case OdrStatus::Pending: return "pending";
    case OdrStatus::Updated: return "updated";
    case OdrStatus::Errored: return "errored";
    }
    return "initialized";
}

OdrView viewAt(const OdrRead& read, EpochSeconds now)
{
    const OdrTiming& t = read.timing;
    const EpochSeconds age = now - read.started;
    OdrView v;
    v.ttlSeconds = std::max<std::int64_t>(0, t.ttlSeconds - age);
    if (age >= t.updatedAfterSeconds) {
        v.status = t.errored ? OdrStatus::Errored : OdrStatus::Updated;
        v.statusSince = read.started + t.updatedAfterSeconds;
    } else if (age >= t.pendingAfterSeconds) {
        v.status = OdrStatus::Pending;
        v.statusSince = read.started + t.pendingAfterSeconds;
    } else if (age >= t.waitingAfterSeconds) {
        v.status = OdrStatus::Waiting;
        v.statusSince = read.started + t.waitingAfterSeconds;
    } else {
        v.status = OdrStatus::Initialized;
        v.statusSince = read.started;
    }
    return v;
}

OdrOutcome OdrBook::request(const std::string& meterUid, const OdrTiming& timing, EpochSeconds now, bool ignoreTtl)
{
    auto it = reads_.find(meterUid);
    if (it != reads_.end() && !ignoreTtl && viewAt(it->second, now).ttlSeconds > 0)
        return {it->second, false};
    OdrRead read{meterUid, now, timing, it == reads_.end() ? 1 : it->second.sequence + 1};
    reads_[meterUid] = read;
    return {read, true};
}

std::optional<OdrRead> OdrBook::latest(const std::string& meterUid) const
{
    auto it = reads_.find(meterUid);
    return it == reads_.end() ? std::nullopt : std::optional<OdrRead>(it->second);
}

} // namespace gbc

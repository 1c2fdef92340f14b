// Injectable clock: real wall time or a fixed time that tests and /__sim/clock move by hand.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "result.h"

namespace gbc {

using EpochSeconds = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    virtual EpochSeconds now() const = 0;
};

class RealClock : public Clock {
public:
    EpochSeconds now() const override;
};

// A clock that only moves when told to; safe to read and move from several threads.
class FixedClock : public Clock {
public:
    explicit FixedClock(EpochSeconds start) : now_(start) {}
    EpochSeconds now() const override { return now_.load(); }
    void set(EpochSeconds t) { now_.store(t); }
    void advance(EpochSeconds seconds) { now_.fetch_add(seconds); }

private:
    std::atomic<EpochSeconds> now_;
};

// Parses "real" or "fixed:ISO8601" (the --clock flag).
Result<std::shared_ptr<Clock>> makeClock(const std::string& spec);

} // namespace gbc

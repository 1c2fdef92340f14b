// Clock implementations and the --clock flag parser.
#include "clock.h"

#include <chrono>

#include "time_format.h"

namespace gbc {

EpochSeconds RealClock::now() const
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

Result<std::shared_ptr<Clock>> makeClock(const std::string& spec)
{
    if (spec == "real")
        return std::shared_ptr<Clock>(std::make_shared<RealClock>());
    const std::string prefix = "fixed:";
    if (spec.rfind(prefix, 0) != 0)
        return Error{"clock.bad_spec", "--clock", "expected 'real' or 'fixed:ISO8601', got '" + spec + "'"};
    auto t = parseIso8601(spec.substr(prefix.size()));
    if (!t)
        return Error{"clock.bad_spec", "--clock", t.error().message};
    return std::shared_ptr<Clock>(std::make_shared<FixedClock>(*t));
}

} // namespace gbc

// The clock-control endpoint: JSON in, JSON out, only for FixedClock.
#include "clock_control.h"

#include <nlohmann/json.hpp>

#include "time_format.h"

namespace gbc {

namespace {

using Json = nlohmann::ordered_json;

// 9999-12-31T23:59:59Z: the latest instant ISO 8601 text (and every feed) can show with four-digit years.
constexpr EpochSeconds kLatestInstant = 253402300799;

HttpAnswer json(int status, const Json& body)
{
    HttpAnswer a = HttpAnswer::make(status, "application/json", body.dump());
    a.withHeader("Cache-Control", "no-store");
    return a;
}

HttpAnswer problem(int status, const std::string& error, const std::string& description)
{
    return json(status, Json{{"error", error}, {"error_description", description}});
}

HttpAnswer now(const SimContext& ctx)
{
    const EpochSeconds t = ctx.clock.now();
    return json(200, Json{{"now", formatIso8601(t)}, {"epoch", t},
                          {"fixed", dynamic_cast<const FixedClock*>(&ctx.clock) != nullptr}});
}

} // namespace

HttpAnswer handleClockPost(SimContext& ctx, const HttpRequest& req)
{
    auto* fixed = dynamic_cast<FixedClock*>(&ctx.clock);
    if (!fixed)
        return problem(409, "clock_not_fixed", "the simulator runs on the real clock; start it with "
                                               "--clock fixed:ISO8601 to move time");
    const Json body = Json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || body.size() != 1 ||
        !(body.contains("advance") || body.contains("set")) || !body.begin()->is_string())
        return problem(400, "invalid_request", R"(body must be {"advance": "PT15M"} or {"set": "2025-06-15T12:00:00Z"})");
    const std::string value = body.begin()->get<std::string>();
    if (body.contains("advance")) {
        const auto d = parseIsoDuration(value);
        if (!d)
            return problem(400, "invalid_request", "advance: " + d.error().message);
        if (ctx.clock.now() > kLatestInstant - *d)
            return problem(400, "invalid_request", "advance: " + value + " would move the clock past " +
                                                       formatIso8601(kLatestInstant));
        fixed->advance(*d);
    } else {
        const auto t = parseIso8601(value);
        if (!t)
            return problem(400, "invalid_request", "set: " + t.error().message);
        fixed->set(*t);
    }
    return now(ctx);
}

std::vector<Route> clockRoutes(SimContext& ctx)
{
    return {
        Route{"GET", "/__sim/clock", [&ctx](const HttpRequest&) { return now(ctx); }},
        Route{"POST", "/__sim/clock", [&ctx](const HttpRequest& req) { return handleClockPost(ctx, req); }},
    };
}

} // namespace gbc

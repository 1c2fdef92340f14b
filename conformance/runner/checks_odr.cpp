// On-Demand Read checks (plan odr): response shape, lifecycle order, ttl window, data shape and units, errors.
#include "runner_families.h"

#include <set>

#include "time_format.h"

namespace gbc {

namespace {

int rank(const std::string& status)
{
    if (status == "initialized") return 0;
    if (status == "waiting") return 1;
    if (status == "pending") return 2;
    if (status == "updated" || status == "errored") return 3;
    return -1;
}

std::vector<std::string> pollSteps(const Observation& obs)
{
    std::vector<std::string> steps = {"odr.first"};
    for (long long i = 1; i <= obs.factInt("odr.polls"); ++i)
        steps.push_back("odr.poll." + std::to_string(i));
    return steps;
}

Outcome checkShape(const Observation& obs)
{
    Needed n = need(obs, {"odr", "authorized", "token", "odr.meter"}, "odr.first");
    if (n.stop)
        return *n.stop;
    const std::string expected = "200 JSON {meter, status, ts, ttl_seconds, data}";
    const std::optional<nlohmann::json> j = jsonBody(*n.ex);
    if (n.ex->status != 200 || !j || !j->is_object())
        return failed(expected, brief(*n.ex), {"odr.first"});
    std::string bad;
    if (!j->contains("meter"))
        bad += "meter missing; ";
    if (rank(jsonString(*j, "status")) < 0)
        bad += "status '" + jsonString(*j, "status") + "' not in initialized|waiting|pending|updated|errored; ";
    if (!parseIsoMicros(jsonString(*j, "ts")))
        bad += "ts not an ISO 8601 time; ";
    if (!j->contains("ttl_seconds") || !(*j)["ttl_seconds"].is_number_integer() || (*j)["ttl_seconds"].get<long>() < 0)
        bad += "ttl_seconds not a non-negative integer; ";
    if (!j->contains("data"))
        bad += "data missing (null until updated); ";
    if (!bad.empty())
        return failed(expected, bad, {"odr.first"});
    return passed("status " + jsonString(*j, "status"), {"odr.first"});
}

Outcome checkLifecycle(const Observation& obs)
{
    Needed n = need(obs, {"odr", "authorized", "token", "odr.meter"}, "odr.first");
    if (n.stop)
        return *n.stop;
    std::string seen;
    int last = -1;
    bool limited = false;
    const std::vector<std::string> steps = pollSteps(obs);
    for (const std::string& s : steps) {
        const HttpExchange* e = obs.step(s);
        if ((limited = e && e->status == 429)) // a repeat inside the ttl refused: allowed (OD-003), nothing more to see
            break;
        const std::string status = e ? jsonString(jsonBody(*e).value_or(nlohmann::json()), "status") : "";
        seen += (seen.empty() ? "" : " -> ") + (status.empty() ? "?" : status);
        if (rank(status) < last || rank(status) < 0)
            return failed("statuses in the order initialized -> waiting -> pending -> updated|errored", seen, steps);
        last = rank(status);
    }
    if (limited && last != 3)
        return skipped("polls inside the ttl window are answered 429 + Retry-After (allowed, see OD-003), so the "
                       "lifecycle after '" + seen + "' cannot be observed");
    if (obs.fact("odr.expect_terminal") == "yes" && last != 3)
        return failed("a terminal status (updated or errored) after the lifecycle time", seen, steps);
    return passed(seen, steps);
}

long ttlOf(const nlohmann::json& j)
{
    return j.contains("ttl_seconds") && j["ttl_seconds"].is_number_integer() ? j["ttl_seconds"].get<long>() : -1L;
}

// Inside the ttl window no new read starts: from one answer to the next the status never goes back and
// ttl_seconds counts down as time passes (it does not start over); the repeat request (no time passed) likewise.
Outcome checkTtl(const Observation& obs)
{
    std::vector<std::string> steps = pollSteps(obs);
    Needed first = need(obs, {"odr", "authorized", "token", "odr.meter"}, steps.front());
    if (first.stop)
        return *first.stop;
    if (Needed repeat = need(obs, {}, "odr.repeat"); repeat.stop)
        return *repeat.stop;
    steps.push_back("odr.repeat");
    for (std::size_t i = 1; i < steps.size(); ++i) {
        const HttpExchange* prev = obs.step(steps[i - 1]);
        const HttpExchange* next = obs.step(steps[i]);
        if (!prev || !next || next->status == 429)
            continue;
        const nlohmann::json a = jsonBody(*prev).value_or(nlohmann::json());
        const nlohmann::json b = jsonBody(*next).value_or(nlohmann::json());
        if (ttlOf(a) <= 0)
            break; // the window ended: a new read is allowed from here on
        const long passed = i < steps.size() - 1 ? obs.factInt("odr.advance." + std::to_string(i)) : 0;
        const bool restarted = rank(jsonString(b, "status")) < rank(jsonString(a, "status")) || ttlOf(b) > ttlOf(a) ||
            (passed > 0 && ttlOf(b) >= ttlOf(a));
        if (next->status != 200 || restarted)
            return failed("the running read (status " + jsonString(a, "status") + ", ttl_seconds below " +
                    std::to_string(ttlOf(a)) + " after " + std::to_string(passed) + " s) or 429",
                "status " + jsonString(b, "status") + ", ttl_seconds " + std::to_string(ttlOf(b)), {steps[i - 1], steps[i]},
                "a request inside the ttl window started a new read");
    }
    return passed("every request inside the ttl window returned the running read", steps);
}

Outcome checkDataShape(const Observation& obs)
{
    const std::vector<std::string> steps = pollSteps(obs);
    Needed n = need(obs, {"odr", "authorized", "token", "odr.meter"}, steps.back());
    if (n.stop)
        return *n.stop;
    const nlohmann::json j = jsonBody(*n.ex).value_or(nlohmann::json());
    if (jsonString(j, "status") != "updated")
        return skipped("the read did not reach 'updated' (status " + jsonString(j, "status") + ")");
    const nlohmann::json& data = j.contains("data") ? j["data"] : nlohmann::json();
    const std::string expected = "data.base object and data.readings {start < end, datapoints[{type, unit, value}]}";
    if (!data.is_object() || !data.contains("base") || !data["base"].is_object() || !data.contains("readings"))
        return failed(expected, "data: " + data.dump().substr(0, 200), {steps.back()});
    const nlohmann::json& readings = data["readings"];
    if (!instantsOrdered(readings, "start", "end") ||
        !readings.contains("datapoints") || !readings["datapoints"].is_array() || readings["datapoints"].empty())
        return failed(expected, "readings: " + readings.dump().substr(0, 200), {steps.back()});
    static const std::set<std::string> units = {"kwh", "kw", "kvarh", "kvar", "kvah", "therms", "ccf", "gallons"};
    for (const nlohmann::json& p : readings["datapoints"]) {
        const bool unitOk = p.contains("unit") && (p["unit"].is_null() || units.count(jsonString(p, "unit")));
        if (!p.is_object() || jsonString(p, "type").empty() || !unitOk || !p.contains("value") ||
            !(p["value"].is_number() || p["value"].is_null()))
            return failed(expected, "datapoint " + p.dump(), {steps.back()});
    }
    return passed(std::to_string(readings["datapoints"].size()) + " datapoints with known units", {steps.back()});
}

Outcome errorBody(const Observation& obs, const std::string& step, std::vector<int> statuses, const std::string& what)
{
    Needed n = need(obs, {"odr"}, step);
    if (n.stop)
        return *n.stop;
    const std::optional<nlohmann::json> j = jsonBody(*n.ex);
    bool statusOk = false;
    std::string expected;
    for (int s : statuses) {
        statusOk = statusOk || n.ex->status == s;
        expected += (expected.empty() ? "" : "/") + std::to_string(s);
    }
    expected += " with a JSON error body for " + what;
    if (!statusOk || !j || jsonString(*j, "error").empty())
        return failed(expected, brief(*n.ex), {step});
    return passed(std::to_string(n.ex->status) + " " + jsonString(*j, "error"), {step});
}

Outcome checkForeignMeter(const Observation& o) { return errorBody(o, "odr.foreign_meter", {403, 404}, "a meter outside the authorization"); }
Outcome checkMissingMeter(const Observation& o) { return errorBody(o, "odr.missing_meter", {400}, "a request without meter"); }

RunnerCheck make(const char* id, const char* requirement, RunnerCheckFn fn)
{
    return RunnerCheck{CheckRecord{id, "UtilityAPI seed page (EPE On-Demand Read)", Level::Must, requirement, "odr"}, "odr", fn};
}

} // namespace

void addOdrChecks(std::vector<RunnerCheck>& out)
{
    out.push_back(make("OD-001", "An ODR request answers {meter, status, ts, ttl_seconds, data} with a known status.", checkShape));
    out.push_back(make("OD-002", "ODR statuses only move forward: initialized -> waiting -> pending -> updated|errored.", checkLifecycle));
    out.push_back(make("OD-003", "No new read starts inside the ttl window: a repeat request returns the current read (or 429).", checkTtl));
    out.push_back(make("OD-004", "An updated read carries data.base and data.readings with start < end and datapoints with known units.", checkDataShape));
    out.push_back(make("OD-005", "An ODR request for a meter outside the authorization gets 403/404 with a JSON error.", checkForeignMeter));
    out.push_back(make("OD-006", "An ODR request without a meter gets 400 with a JSON error.", checkMissingMeter));
}

} // namespace gbc

// UtilityAPI JSON API v2 checks (plan json-api): object shapes, pagination, error bodies.
#include "runner_families.h"

#include <set>

namespace gbc {

namespace {

std::string missingKeys(const nlohmann::json& j, std::initializer_list<const char*> keys)
{
    std::string out;
    for (const char* k : keys)
        if (!j.is_object() || !j.contains(k))
            out += std::string(out.empty() ? "" : ", ") + k;
    return out;
}

Outcome checkAuthorizationShape(const Observation& obs)
{
    Needed n = need(obs, {"json", "authorized", "token", "authorization_uri"}, "json.authorization");
    if (n.stop)
        return *n.stop;
    const std::string expected = "200 Authorization {uid, created, scope, status, utility, is_test, meters...}";
    const nlohmann::json j = jsonBody(*n.ex).value_or(nlohmann::json());
    if (n.ex->status != 200)
        return failed(expected, brief(*n.ex), {"json.authorization"});
    const std::string missing = missingKeys(j, {"uid", "created", "scope", "status", "utility", "is_test", "is_revoked"});
    if (!missing.empty() || !j["uid"].is_string())
        return failed(expected, missing.empty() ? "uid is not a string" : "missing: " + missing, {"json.authorization"});
    if (jsonString(j, "uid") != obs.fact("authorization_uid"))
        return failed("uid " + obs.fact("authorization_uid") + " (the ESPI Authorization id)", "uid " + jsonString(j, "uid"),
            {"json.authorization"});
    return passed("Authorization object complete, uid shared with ESPI", {"json.authorization"});
}

Outcome checkMeterList(const Observation& obs)
{
    Needed n = need(obs, {"json", "authorized", "token", "authorization_uri"}, "json.meters");
    if (n.stop)
        return *n.stop;
    const std::string expected = "200 {meters: [...], next} with uid, authorization_uid, created, status and utility on each meter";
    const nlohmann::json j = jsonBody(*n.ex).value_or(nlohmann::json());
    if (n.ex->status != 200 || !j.is_object() || !j.contains("meters") || !j["meters"].is_array() || !j.contains("next"))
        return failed(expected, brief(*n.ex), {"json.meters"});
    if (j["meters"].empty())
        return failed(expected, "no meters for the authorization", {"json.meters"});
    for (const nlohmann::json& m : j["meters"]) {
        const std::string missing = missingKeys(m, {"uid", "authorization_uid", "created", "status", "utility"});
        if (!missing.empty())
            return failed(expected, "meter missing: " + missing, {"json.meters"});
        if (jsonString(m, "authorization_uid") != obs.fact("authorization_uid"))
            return failed(expected, "a meter of authorization " + jsonString(m, "authorization_uid"), {"json.meters"});
    }
    return passed(std::to_string(j["meters"].size()) + " meters", {"json.meters"});
}

Outcome checkPagination(const Observation& obs)
{
    Needed first = need(obs, {"json", "authorized", "token", "authorization_uri", "json.meter"}, "json.intervals.1");
    if (first.stop)
        return *first.stop;
    const std::string expected = "pages of at most `limit` items linked by next, without repeats, ending with next: null";
    const nlohmann::json a = jsonBody(*first.ex).value_or(nlohmann::json());
    if (first.ex->status != 200 || !a.contains("intervals") || !a["intervals"].is_array() || !a.contains("next"))
        return failed(expected, brief(*first.ex), {"json.intervals.1"});
    const std::size_t limit = static_cast<std::size_t>(obs.factInt("json.limit", 1));
    if (a["intervals"].size() > limit)
        return failed(expected, std::to_string(a["intervals"].size()) + " items for limit=" + obs.fact("json.limit"), {"json.intervals.1"});
    if (a["next"].is_null())
        return skipped("a single page of intervals: nothing to paginate");
    Needed second = need(obs, {}, "json.intervals.2");
    if (second.stop)
        return *second.stop;
    const nlohmann::json b = jsonBody(*second.ex).value_or(nlohmann::json());
    if (second.ex->status != 200 || !b.contains("intervals") || !b["intervals"].is_array() || b["intervals"].empty())
        return failed(expected, brief(*second.ex), {"json.intervals.1", "json.intervals.2"});
    std::set<std::string> uids;
    for (const nlohmann::json* page : {&a, &b})
        for (const nlohmann::json& item : (*page)["intervals"])
            if (!uids.insert(jsonString(item, "uid")).second)
                return failed(expected, "interval " + jsonString(item, "uid") + " appears twice", {"json.intervals.1", "json.intervals.2"});
    return passed("two pages, " + std::to_string(uids.size()) + " distinct intervals", {"json.intervals.1", "json.intervals.2"});
}

Outcome checkIntervalShape(const Observation& obs)
{
    Needed n = need(obs, {"json", "authorized", "token", "authorization_uri", "json.meter"}, "json.intervals.1");
    if (n.stop)
        return *n.stop;
    const std::string expected = "intervals with uid, meter_uid, base and readings [{start < end, kwh number|null}]";
    const nlohmann::json j = jsonBody(*n.ex).value_or(nlohmann::json());
    if (!j.contains("intervals") || !j["intervals"].is_array() || j["intervals"].empty())
        return failed(expected, brief(*n.ex), {"json.intervals.1"});
    for (const nlohmann::json& item : j["intervals"]) {
        const std::string missing = missingKeys(item, {"uid", "meter_uid", "base", "readings"});
        if (!missing.empty() || !item["readings"].is_array())
            return failed(expected, "interval missing: " + missing, {"json.intervals.1"});
        for (const nlohmann::json& r : item["readings"])
            if (!instantsOrdered(r, "start", "end") || !r.contains("kwh") || !(r["kwh"].is_number() || r["kwh"].is_null()))
                return failed(expected, "reading " + r.dump().substr(0, 200), {"json.intervals.1"});
    }
    return passed("interval objects well formed", {"json.intervals.1"});
}

Outcome errorBody(const Observation& obs, const std::string& step, int status, const std::string& what)
{
    Needed n = need(obs, {"json"}, step);
    if (n.stop)
        return *n.stop;
    const std::string expected = std::to_string(status) + " {error, error_description, url} for " + what;
    const std::optional<nlohmann::json> j = jsonBody(*n.ex);
    if (n.ex->status != status || !j || jsonString(*j, "error").empty() || !j->contains("error_description") ||
        !j->contains("url"))
        return failed(expected, brief(*n.ex), {step});
    return passed(std::to_string(status) + " " + jsonString(*j, "error"), {step});
}

Outcome checkNotFound(const Observation& o) { return errorBody(o, "json.not_found", 404, "an unknown authorization uid"); }
Outcome checkNoToken(const Observation& o) { return errorBody(o, "json.no_token", 401, "a request without a token"); }
Outcome checkMissingParam(const Observation& o) { return errorBody(o, "json.missing_param", 400, "/intervals without meters or authorizations"); }

RunnerCheck make(const char* id, const char* ref, const char* requirement, RunnerCheckFn fn)
{
    return RunnerCheck{CheckRecord{id, ref, Level::Must, requirement, "json-api"}, "json-api", fn};
}

} // namespace

void addJsonApiChecks(std::vector<RunnerCheck>& out)
{
    out.push_back(make("JA-001", "UtilityAPI docs (api/authorizations)", "GET /authorizations/{uid} returns a complete Authorization object whose uid is the ESPI Authorization id.", checkAuthorizationShape));
    out.push_back(make("JA-002", "UtilityAPI docs (api/meters)", "GET /meters?authorizations= lists the authorization's meters as {meters, next} with complete meter objects.", checkMeterList));
    out.push_back(make("JA-003", "UtilityAPI docs (api/intervals, pagination)", "Lists paginate with limit and next: no page exceeds limit and no item repeats.", checkPagination));
    out.push_back(make("JA-004", "UtilityAPI docs (api/intervals)", "Interval objects carry uid, meter_uid, base and readings with start < end and numeric kwh.", checkIntervalShape));
    out.push_back(make("JA-005", "UtilityAPI docs (formats: errors)", "An unknown object answers 404 with {error, error_description, url}.", checkNotFound));
    out.push_back(make("JA-006", "UtilityAPI docs (authentication)", "A request without a token answers 401 with {error, error_description, url}.", checkNoToken));
    out.push_back(make("JA-007", "UtilityAPI docs (api/intervals)", "/intervals without meters or authorizations answers 400 with {error, error_description, url}.", checkMissingParam));
}

} // namespace gbc

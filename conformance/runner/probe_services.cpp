// JSON API and On-Demand Read probes; both use the UtilityAPI API token.
#include "probes.h"

#include <chrono>
#include <thread>

namespace gbc {

namespace {

nlohmann::json body(const HttpExchange& e)
{
    nlohmann::json j = nlohmann::json::parse(e.responseBody, nullptr, false);
    return j.is_discarded() ? nlohmann::json() : j;
}

std::string str(const nlohmann::json& j, const char* key)
{
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

} // namespace

void probeJsonApi(Session& s)
{
    const JsonApiConfig& api = s.config().jsonApi;
    if (api.base.empty() || api.token.empty()) {
        s.closeGate("json", "the target has no JSON API (jsonApi.base/token not set)");
        return;
    }
    s.record("json.not_found", s.get(api.base + "/authorizations/does-not-exist-0", api.token));
    s.record("json.no_token", s.get(api.base + "/meters", ""));
    s.record("json.missing_param", s.get(api.base + "/intervals", api.token));
    if (!s.gateOpen("authorized") || !s.gateOpen("token") || !s.gateOpen("authorization_uri"))
        return;
    Learned& l = s.learned();
    s.record("json.authorization", s.get(api.base + "/authorizations/" + percentEncode(l.authorizationUid), api.token));
    const nlohmann::json meters = body(s.record("json.meters",
        s.get(withParams(api.base + "/meters", {{"authorizations", l.authorizationUid}}), api.token)));
    if (meters.contains("meters") && meters["meters"].is_array() && !meters["meters"].empty())
        l.meterUid = str(meters["meters"][0], "uid");
    if (l.meterUid.empty()) {
        s.closeGate("json.meter", "prerequisite failed: no meter listed for the authorization (see JA-002)");
        return;
    }
    const std::string limit = "2";
    s.fact("json.limit", limit);
    const nlohmann::json page = body(s.record("json.intervals.1",
        s.get(withParams(api.base + "/intervals", {{"meters", l.meterUid}, {"limit", limit}}), api.token)));
    const std::string next = str(page, "next");
    if (!next.empty())
        s.record("json.intervals.2", s.get(resolveUrl(api.base + "/intervals", next), api.token));
}

namespace {

std::string odrUrl(Session& s, const std::string& meter)
{
    return meter.empty() ? s.config().odr.url : withParams(s.config().odr.url, {{"meter", meter}});
}

bool terminal(const nlohmann::json& j)
{
    return str(j, "status") == "updated" || str(j, "status") == "errored";
}

// Polls at odr.pollSeconds after the first request until a terminal status: advancing the simulator clock, or
// sleeping up to odr.maxWaitSeconds.
void pollOdr(Session& s, const std::string& meter, const std::string& token)
{
    int polls = 0, waited = 0, previous = 0;
    const bool clock = s.hasClock();
    for (const int offset : s.config().odr.pollSeconds) {
        int advance = offset - previous;
        previous = offset;
        if (clock) {
            if (!s.advanceClock(advance))
                break;
        } else {
            const int pause = std::min(advance, s.config().odr.maxWaitSeconds - waited);
            if (pause <= 0)
                break;
            std::this_thread::sleep_for(std::chrono::seconds(pause));
            waited += pause;
            advance = pause;
        }
        s.fact("odr.advance." + std::to_string(polls + 1), std::to_string(advance)); // seconds since the previous answer
        const HttpExchange& e = s.record("odr.poll." + std::to_string(++polls), s.get(odrUrl(s, meter), token));
        if (e.status != 200 || terminal(body(e)))
            break;
    }
    s.fact("odr.polls", std::to_string(polls));
    s.fact("odr.expect_terminal", clock ? "yes" : "no");
}

} // namespace

void probeOdr(Session& s)
{
    if (s.config().odr.url.empty()) {
        s.closeGate("odr", "the target has no On-Demand Read API (odr.url not set)");
        return;
    }
    const std::string token = s.config().jsonApi.token;
    s.record("odr.missing_meter", s.get(odrUrl(s, ""), token));
    s.record("odr.foreign_meter", s.get(odrUrl(s, "not-a-meter-0"), token));
    if (!s.gateOpen("authorized") || !s.gateOpen("token"))
        return;
    const Learned& l = s.learned();
    const std::string meter = l.meterUid.empty() ? l.usagePointId : l.meterUid;
    if (meter.empty()) {
        s.closeGate("odr.meter", "prerequisite failed: no meter uid known (see JA-002, ES-003)");
        return;
    }
    const HttpExchange& first = s.record("odr.first", s.get(odrUrl(s, meter), token));
    if (first.status == 200 && !terminal(body(first)))
        pollOdr(s, meter, token);
    else
        s.fact("odr.polls", "0");
    s.record("odr.repeat", s.get(odrUrl(s, meter), token));
}

} // namespace gbc

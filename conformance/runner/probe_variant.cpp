// The probe order for one variant, and the late cases that move the simulator clock (expired code/token, revoke).
#include "probes.h"


namespace gbc {

void probeLateClockCases(Session& s, const ProbeSelection& sel)
{
    Learned& l = s.learned();
    const bool authorized = s.gateOpen("authorized") && s.gateOpen("token");
    const bool resource = authorized && s.gateOpen("resource");
    if (!s.hasClock()) {
        s.closeGate("clock", "needs a controllable clock (simulator.clockUrl); a real target would need a 10-minute wait");
    } else if (authorized) {
        if (sel.wants("oauth-token")) {
            const std::string code = runLoginFlow(s, "expired", "approve");
            if (code.empty())
                s.closeGate("flow.expired", "prerequisite failed: login flow 'expired' gave no code");
            else if (s.advanceClock(601))
                s.record("token.expired_code", s.tokenPost({{"grant_type", "authorization_code"}, {"code", code},
                    {"redirect_uri", s.redirectUri()}}));
        }
        if (sel.wants("espi") && resource && s.advanceClock(3601))
            s.record("espi.expired_token", s.get(l.batchUrl, l.accessToken));
    }
    if (!resource || !sel.wants("oauth-token"))
        return;
    if (s.config().oauth.revokeUrl.empty()) {
        s.closeGate("revoke", "the target has no revocation endpoint (oauth.revokeUrl not set)");
        return;
    }
    if (!l.refreshToken.empty()) { // the access token may have expired above: take a fresh one to revoke
        const HttpExchange& e = s.record("token.refresh_for_revoke", s.tokenPost({{"grant_type", "refresh_token"},
            {"refresh_token", l.refreshToken}, {"scope", l.grantedScope}}));
        const nlohmann::json j = nlohmann::json::parse(e.responseBody, nullptr, false);
        if (j.is_object() && j.contains("access_token") && j["access_token"].is_string()) {
            l.accessToken = j["access_token"].get<std::string>();
            s.secret(l.accessToken, "access_token");
        }
    }
    OutgoingRequest revoke = s.tokenPost({{"token", l.accessToken}, {"token_type_hint", "access_token"}});
    revoke.url = s.config().oauth.revokeUrl;
    s.record("revoke.access", revoke);
    s.record("revoke.probe", s.get(l.batchUrl, l.accessToken));
    probeRevokeRefresh(s);
}

void probeVariant(Session& s, const ProbeSelection& sel, const std::string& foreignSubscription, bool clientResources,
    int historyPages)
{
    if (sel.wants("oauth-authorize"))
        probeAuthorizeNegatives(s);
    if (s.variant().expect == Expectation::NoCode) {
        runLoginFlow(s, "nocode", "approve");
        s.closeGate("authorized", "this variant expects no authorization (" + s.variant().scenario + ")");
        probeClientCredentials(s);
        if (sel.wants("oauth-token"))
            probeTokenNegatives(s);
        if (sel.wants("espi") && s.gateOpen("client_token"))
            s.record("espi.service_status", s.get(s.config().espi.resourceBase + "/ReadServiceStatus", s.learned().clientToken));
        if (sel.wants("espi"))
            probeEspiAdmin(s, clientResources);
        if (sel.wants("json-api"))
            probeJsonApi(s);
        if (sel.wants("odr"))
            probeOdr(s);
        s.closeGate("clock", "this variant expects no authorization");
        return;
    }
    probeMainGrant(s);
    if (sel.wants("oauth-token") || sel.wants("oauth-authorize"))
        probeTokenNegatives(s);
    if (sel.wants("espi") || sel.wants("odr"))
        probeEspi(s, foreignSubscription, historyPages);
    if (sel.wants("espi"))
        probeEspiAdmin(s, clientResources);
    if (sel.wants("json-api") || sel.wants("odr"))
        probeJsonApi(s);
    if (sel.wants("odr"))
        probeOdr(s);
    probeLateClockCases(s, sel);
}

} // namespace gbc

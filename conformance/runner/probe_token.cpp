// Token probes: the main PKCE grant, client_credentials, every negative token request, refresh and decline.
#include "probes.h"


namespace gbc {

namespace {

nlohmann::json body(const HttpExchange& e)
{
    nlohmann::json j = nlohmann::json::parse(e.responseBody, nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

std::string str(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

void keepTokens(Session& s, const nlohmann::json& j)
{
    s.secret(str(j, "access_token"), "access_token");
    s.secret(str(j, "refresh_token"), "refresh_token");
}

std::string batchUrlFor(Session& s, const std::string& resourceUri)
{
    if (resourceUri.find("/Batch/") != std::string::npos)
        return resourceUri;
    return s.config().espi.resourceBase + "/Batch/Subscription/" + lastSegment(resourceUri);
}

Params codeGrant(const std::string& code, const std::string& redirectUri)
{
    return {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirectUri}};
}

// A fresh code from its own login flow; closes gate flow.<name> when none comes.
std::string codeFor(Session& s, const std::string& flow, const Params& extra = {})
{
    const std::string code = runLoginFlow(s, flow, "approve", extra);
    if (code.empty())
        s.closeGate("flow." + flow, "prerequisite failed: login flow '" + flow + "' gave no code (" +
            s.obs().fact("login." + flow + ".message") + ")");
    return code;
}

} // namespace

void probeMainGrant(Session& s)
{
    const std::string verifier = randomToken(48);
    s.secret(verifier, "code_verifier");
    Params pkce;
    if (s.config().oauth.pkce) {
        pkce = {{"code_challenge", pkceChallenge(verifier)}, {"code_challenge_method", "S256"}};
        s.secret(pkce[0].second, "code_challenge");
    } else
        s.closeGate("pkce", "PKCE disabled in the target file (oauth.pkce false)");
    const std::string code = runLoginFlow(s, "main", "approve", pkce);
    if (code.empty()) {
        s.closeGate("authorized", "prerequisite failed: the approved login gave no code (see AZ-001)");
    } else {
        Params form = codeGrant(code, s.redirectUri());
        if (s.config().oauth.pkce)
            form.emplace_back("code_verifier", verifier);
        const nlohmann::json j = body(s.record("token.main", s.tokenPost(form)));
        keepTokens(s, j);
        Learned& l = s.learned();
        l.accessToken = str(j, "access_token");
        l.refreshToken = str(j, "refresh_token");
        l.resourceUri = str(j, "resourceURI");
        l.authorizationUri = str(j, "authorizationURI");
        l.grantedScope = str(j, "scope");
        s.fact("granted_scope", l.grantedScope);
        if (l.accessToken.empty())
            s.closeGate("token", "prerequisite failed: the code exchange gave no access token (see TK-001)");
        if (!parseUrl(l.resourceUri))
            s.closeGate("resource", "prerequisite failed: the token response has no usable resourceURI (see TK-003)");
        if (!parseUrl(l.authorizationUri))
            s.closeGate("authorization_uri", "prerequisite failed: the token response has no usable authorizationURI (see TK-003)");
        l.subscriptionId = lastSegment(l.resourceUri);
        l.authorizationUid = lastSegment(l.authorizationUri);
        l.batchUrl = l.resourceUri.empty() ? "" : batchUrlFor(s, l.resourceUri);
        s.fact("authorization_uid", l.authorizationUid);
    }
    probeClientCredentials(s);
}

void probeClientCredentials(Session& s)
{
    const nlohmann::json cc = body(s.record("token.client_credentials",
        s.tokenPost({{"grant_type", "client_credentials"}, {"scope", "FB=1_3_35"}})));
    keepTokens(s, cc);
    s.learned().clientToken = str(cc, "access_token");
    if (s.learned().clientToken.empty())
        s.closeGate("client_token", "prerequisite failed: client_credentials gave no token (see TK-020)");
}

namespace {

void secondCodeCases(Session& s)
{
    if (std::string code = codeFor(s, "reuse"); !code.empty()) {
        const nlohmann::json first = body(s.record("token.reuse_first", s.tokenPost(codeGrant(code, s.redirectUri()))));
        keepTokens(s, first);
        s.record("token.reuse_second", s.tokenPost(codeGrant(code, s.redirectUri())));
        if (str(first, "access_token").empty() || str(first, "resourceURI").empty())
            s.closeGate("reuse_probe", "the first exchange of the reused code gave no token to probe (see TK-005)");
        else
            s.record("token.reuse_probe", s.get(batchUrlFor(s, str(first, "resourceURI")), str(first, "access_token")));
    }
    if (std::string code = codeFor(s, "redirect_mismatch"); !code.empty())
        s.record("token.redirect_mismatch", s.tokenPost(codeGrant(code, s.redirectUri() + "/other")));
    if (std::string code = codeFor(s, "missing_redirect"); !code.empty())
        s.record("token.missing_redirect_uri", s.tokenPost({{"grant_type", "authorization_code"}, {"code", code}}));
    if (s.config().oauth.pkce) {
        const std::string verifier = randomToken(48);
        const Params pkce = {{"code_challenge", pkceChallenge(verifier)}, {"code_challenge_method", "S256"}};
        s.secret(pkce[0].second, "code_challenge");
        if (std::string code = codeFor(s, "pkce_wrong", pkce); !code.empty()) {
            Params form = codeGrant(code, s.redirectUri());
            form.emplace_back("code_verifier", randomToken(48));
            s.secret(form.back().second, "code_verifier");
            s.record("token.pkce_wrong", s.tokenPost(form));
        }
    }
    runLoginFlow(s, "decline", "decline");
}

std::string widerScope(const std::string& granted)
{
    const std::size_t fb = granted.find("FB=");
    if (fb == std::string::npos)
        return granted + ";FB=1_4_5_12_17";
    const std::size_t end = granted.find(';', fb);
    const std::string list = granted.substr(fb + 3, end == std::string::npos ? std::string::npos : end - fb - 3);
    for (const char* extra : {"17", "12", "29", "6", "7"})
        if (("_" + list + "_").find(std::string("_") + extra + "_") == std::string::npos)
            return granted.substr(0, fb + 3) + list + "_" + extra + (end == std::string::npos ? "" : granted.substr(end));
    return granted + ";FB=99";
}

} // namespace

void probeTokenNegatives(Session& s)
{
    const std::string bogus = "bogus-" + randomToken(12);
    const std::string redirect = s.redirectUri();
    s.record("token.no_client_auth", s.tokenPost(codeGrant(bogus, redirect), false));
    s.record("token.bad_basic", OutgoingRequest{"POST", s.config().oauth.tokenUrl, s.basicAuth("wrong-secret"),
        formEncode(codeGrant(bogus, redirect)), "application/x-www-form-urlencoded"});
    Params dbl = codeGrant(bogus, redirect);
    dbl.emplace_back("client_id", s.config().oauth.clientId);
    dbl.emplace_back("client_secret", s.config().oauth.clientSecret);
    s.record("token.double_auth", s.tokenPost(dbl));
    s.record("token.missing_grant_type", s.tokenPost({{"code", bogus}, {"redirect_uri", redirect}}));
    s.record("token.missing_code", s.tokenPost({{"grant_type", "authorization_code"}, {"redirect_uri", redirect}}));
    s.record("token.bad_code", s.tokenPost(codeGrant(bogus, redirect)));
    s.record("token.unsupported_grant", s.tokenPost({{"grant_type", "password"}, {"username", "u"}, {"password", "p"}}));
    s.record("token.refresh_bad", s.tokenPost({{"grant_type", "refresh_token"}, {"refresh_token", bogus}}));
    if (!s.gateOpen("authorized"))
        return;
    Learned& l = s.learned();
    if (l.refreshToken.empty())
        s.closeGate("refresh", "prerequisite failed: the token response has no refresh_token (see TK-001)");
    else {
        const nlohmann::json j = body(s.record("token.refresh_same", s.tokenPost({{"grant_type", "refresh_token"},
            {"refresh_token", l.refreshToken}, {"scope", l.grantedScope}})));
        keepTokens(s, j);
        if (!str(j, "access_token").empty())
            l.accessToken = str(j, "access_token");
        if (!str(j, "refresh_token").empty())
            l.refreshToken = str(j, "refresh_token");
        s.record("token.refresh_changed_scope", s.tokenPost({{"grant_type", "refresh_token"},
            {"refresh_token", l.refreshToken}, {"scope", widerScope(l.grantedScope)}}));
    }
    secondCodeCases(s);
}

} // namespace gbc

// Token endpoint checks (plan oauth-token): success fields, every negative case, refresh, client_credentials, PKCE, revoke.
#include "runner_families.h"

#include <set>

#include "transport.h"
#include "url.h"

namespace gbc {

namespace {

// Expects `status` with a JSON error in `errors` (RFC 6749 §5.2).
Outcome tokenError(const Observation& obs, std::initializer_list<const char*> gates, const std::string& step,
    int status, const std::set<std::string>& errors)
{
    Needed n = need(obs, gates, step);
    if (n.stop)
        return *n.stop;
    std::string expected = std::to_string(status) + " with error=";
    for (const std::string& e : errors)
        expected += (expected.back() == '=' ? "" : "|") + e;
    const std::string error = oauthError(*n.ex);
    if (n.ex->status != status || !errors.count(error))
        return failed(expected, brief(*n.ex), {step});
    return passed(std::to_string(status) + " " + error, {step});
}

Outcome checkSuccessFields(const Observation& obs)
{
    Needed n = need(obs, {"authorized"}, "token.main");
    if (n.stop)
        return *n.stop;
    const std::string expected = "200 JSON with access_token, token_type, expires_in, refresh_token and scope";
    std::optional<nlohmann::json> j = jsonBody(*n.ex);
    if (n.ex->status != 200 || !j || !j->is_object())
        return failed(expected, brief(*n.ex), {"token.main"});
    std::string missing;
    for (const char* k : {"access_token", "token_type", "refresh_token", "scope"})
        if (jsonString(*j, k).empty())
            missing += std::string(missing.empty() ? "" : ", ") + k;
    if (!j->contains("expires_in") || !(*j)["expires_in"].is_number_integer() || (*j)["expires_in"].get<long>() <= 0)
        missing += std::string(missing.empty() ? "" : ", ") + "expires_in (positive integer)";
    if (!missing.empty())
        return failed(expected, "missing or invalid: " + missing, {"token.main"});
    return passed("all token fields present", {"token.main"});
}

Outcome checkBearerExact(const Observation& obs)
{
    Needed n = need(obs, {"authorized", "token"}, "token.main");
    if (n.stop)
        return *n.stop;
    const std::string type = jsonString(jsonBody(*n.ex).value_or(nlohmann::json()), "token_type");
    if (type != "Bearer")
        return failed("token_type \"Bearer\"", "token_type \"" + type + "\"", {"token.main"});
    return passed("token_type is Bearer", {"token.main"});
}

Outcome uriFields(const Observation& obs, std::initializer_list<const char*> gates, const std::string& step)
{
    Needed n = need(obs, gates, step);
    if (n.stop)
        return *n.stop;
    const nlohmann::json j = jsonBody(*n.ex).value_or(nlohmann::json());
    for (const char* k : {"resourceURI", "authorizationURI"}) {
        const std::string v = jsonString(j, k);
        if (v.empty() || !parseUrl(v))
            return failed("absolute resourceURI and authorizationURI", std::string(k) + (v.empty() ? " missing" : " = " + v),
                {step});
    }
    return passed("resourceURI and authorizationURI present", {step});
}

Outcome checkUris(const Observation& obs) { return uriFields(obs, {"authorized", "token"}, "token.main"); }
Outcome checkClientCredentialsUris(const Observation& obs) { return uriFields(obs, {"client_token"}, "token.client_credentials"); }

Outcome checkNoStore(const Observation& obs)
{
    std::vector<std::string> evidence;
    for (const char* step : {"token.main", "token.bad_code", "token.client_credentials"}) {
        const HttpExchange* e = obs.step(step);
        if (!e || e->status == 0)
            continue;
        evidence.push_back(step);
        if (responseHeader(*e, "Cache-Control").find("no-store") == std::string::npos)
            return failed("Cache-Control: no-store", "Cache-Control: " + responseHeader(*e, "Cache-Control"), {step});
    }
    if (evidence.empty())
        return skipped("precondition not met: no token request was answered (see AZ-001, TK-001)");
    return passed("no-store on success and error responses", evidence);
}

Outcome checkCodeReuse(const Observation& obs)
{
    Needed first = need(obs, {"authorized", "flow.reuse"}, "token.reuse_first");
    if (first.stop)
        return *first.stop;
    if (first.ex->status != 200)
        return skipped("the first exchange of the code failed (see TK-001)");
    return tokenError(obs, {}, "token.reuse_second", 400, {"invalid_grant"});
}

Outcome checkReuseRevokes(const Observation& obs)
{
    Needed n = need(obs, {"authorized", "flow.reuse", "reuse_probe"}, "token.reuse_probe");
    if (n.stop)
        return *n.stop;
    if (n.ex->status != 401 && n.ex->status != 403)
        return failed("401/403 for the token issued from the reused code", brief(*n.ex), {"token.reuse_second", "token.reuse_probe"});
    return passed("tokens from the reused code were revoked", {"token.reuse_probe"});
}

Outcome checkNoClientAuth(const Observation& o) { return tokenError(o, {}, "token.no_client_auth", 401, {"invalid_client"}); }

Outcome checkBadBasic(const Observation& obs)
{
    Outcome o = tokenError(obs, {}, "token.bad_basic", 401, {"invalid_client"});
    const HttpExchange* e = obs.step("token.bad_basic");
    if (o.verdict == Verdict::Pass && e && responseHeader(*e, "WWW-Authenticate").empty())
        return failed("401 invalid_client with a WWW-Authenticate header", "no WWW-Authenticate header", {"token.bad_basic"});
    return o;
}

Outcome checkDoubleAuth(const Observation& o) { return tokenError(o, {}, "token.double_auth", 400, {"invalid_request"}); }
Outcome checkMissingGrant(const Observation& o) { return tokenError(o, {}, "token.missing_grant_type", 400, {"invalid_request"}); }
Outcome checkMissingCode(const Observation& o) { return tokenError(o, {}, "token.missing_code", 400, {"invalid_request"}); }
Outcome checkMissingRedirect(const Observation& o) { return tokenError(o, {"authorized", "flow.missing_redirect"}, "token.missing_redirect_uri", 400, {"invalid_request", "invalid_grant"}); }
Outcome checkRedirectMismatch(const Observation& o) { return tokenError(o, {"authorized", "flow.redirect_mismatch"}, "token.redirect_mismatch", 400, {"invalid_grant"}); }
Outcome checkBadCode(const Observation& o) { return tokenError(o, {}, "token.bad_code", 400, {"invalid_grant"}); }
Outcome checkExpiredCode(const Observation& o) { return tokenError(o, {"authorized", "clock", "flow.expired"}, "token.expired_code", 400, {"invalid_grant"}); }
Outcome checkUnsupportedGrant(const Observation& o) { return tokenError(o, {}, "token.unsupported_grant", 400, {"unsupported_grant_type"}); }
Outcome checkRefreshChanged(const Observation& o) { return tokenError(o, {"authorized", "token", "refresh"}, "token.refresh_changed_scope", 400, {"invalid_scope"}); }
Outcome checkRefreshBad(const Observation& o) { return tokenError(o, {}, "token.refresh_bad", 400, {"invalid_grant"}); }
Outcome checkPkceWrong(const Observation& o) { return tokenError(o, {"authorized", "pkce", "flow.pkce_wrong"}, "token.pkce_wrong", 400, {"invalid_grant"}); }

Outcome checkRefreshSame(const Observation& obs)
{
    Needed n = need(obs, {"authorized", "token", "refresh"}, "token.refresh_same");
    if (n.stop)
        return *n.stop;
    const std::string expected = "200 with a new access_token, token_type Bearer, expires_in and the same scope";
    const nlohmann::json j = jsonBody(*n.ex).value_or(nlohmann::json());
    if (n.ex->status != 200 || jsonString(j, "access_token").empty() || jsonString(j, "token_type") != "Bearer" ||
        !j.contains("expires_in"))
        return failed(expected, brief(*n.ex), {"token.refresh_same"});
    if (jsonString(j, "scope") != obs.fact("granted_scope"))
        return failed(expected, "scope \"" + jsonString(j, "scope") + "\"", {"token.main", "token.refresh_same"});
    return passed("refresh granted with the same scope", {"token.refresh_same"});
}

Outcome checkClientCredentials(const Observation& obs)
{
    Needed n = need(obs, {}, "token.client_credentials");
    if (n.stop)
        return *n.stop;
    const nlohmann::json j = jsonBody(*n.ex).value_or(nlohmann::json());
    const std::string expected = "200 with access_token and token_type Bearer, without refresh_token";
    if (n.ex->status != 200 || jsonString(j, "access_token").empty() || jsonString(j, "token_type") != "Bearer")
        return failed(expected, brief(*n.ex), {"token.client_credentials"});
    if (j.contains("refresh_token"))
        return failed(expected, "the response carries a refresh_token", {"token.client_credentials"});
    return passed("client access token without refresh token", {"token.client_credentials"});
}

Outcome checkRevoke(const Observation& obs)
{
    Needed r = need(obs, {"authorized", "token", "resource", "revoke"}, "revoke.access");
    if (r.stop)
        return *r.stop;
    if (r.ex->status != 200)
        return failed("200 from the revocation endpoint", brief(*r.ex), {"revoke.access"});
    Needed p = need(obs, {}, "revoke.probe");
    if (p.stop)
        return *p.stop;
    if (p.ex->status != 401 && p.ex->status != 403)
        return failed("401/403 for the revoked token", brief(*p.ex), {"revoke.access", "revoke.probe"});
    return passed("the revoked token no longer works", {"revoke.access", "revoke.probe"});
}

RunnerCheck make(const char* id, const char* ref, const char* requirement, RunnerCheckFn fn, Level level = Level::Must)
{
    return RunnerCheck{CheckRecord{id, ref, level, requirement, "oauth-token"}, "oauth-token", fn};
}

} // namespace

void addTokenChecks(std::vector<RunnerCheck>& out)
{
    out.push_back(make("TK-001", "GBA OAD012; RFC 6749 §5.1", "A valid code exchange returns access_token, token_type, expires_in, refresh_token and scope.", checkSuccessFields));
    out.push_back(make("TK-002", "NAESB ESPI Authorization.token_type; GBA OAD012", "token_type is exactly \"Bearer\".", checkBearerExact));
    out.push_back(make("TK-003", "GBA OAD012, OAD015; UtilityAPI docs (greenbutton/api)", "The token response carries absolute resourceURI and authorizationURI.", checkUris));
    out.push_back(make("TK-004", "RFC 6749 §5.1", "Token responses carry Cache-Control: no-store.", checkNoStore));
    out.push_back(make("TK-005", "GBA OAD004; RFC 6749 §4.1.2", "A reused authorization code is rejected with 400 invalid_grant.", checkCodeReuse));
    out.push_back(make("TK-006", "RFC 6749 §4.1.2", "Reusing a code revokes the tokens issued from it.", checkReuseRevokes, Level::Should));
    out.push_back(make("TK-007", "GBA OAD014; RFC 6749 §5.2", "A token request without client authentication gets 401 invalid_client.", checkNoClientAuth));
    out.push_back(make("TK-008", "GBA OAD014; RFC 6749 §5.2", "Wrong Basic credentials get 401 invalid_client with WWW-Authenticate.", checkBadBasic));
    out.push_back(make("TK-009", "GBA OAD014; RFC 6749 §2.3", "Basic authentication plus client_id/client_secret in the body gets 400 invalid_request.", checkDoubleAuth));
    out.push_back(make("TK-010", "GBA OAD014; RFC 6749 §5.2", "A missing grant_type gets 400 invalid_request.", checkMissingGrant));
    out.push_back(make("TK-011", "GBA OAD014; RFC 6749 §4.1.3", "A missing code gets 400 invalid_request.", checkMissingCode));
    out.push_back(make("TK-012", "GBA OAD014; RFC 6749 §4.1.3", "A missing redirect_uri (sent on authorize) gets 400.", checkMissingRedirect));
    out.push_back(make("TK-013", "GBA OAD014; RFC 6749 §4.1.3", "A redirect_uri different from the authorize request gets 400 invalid_grant.", checkRedirectMismatch));
    out.push_back(make("TK-014", "GBA OAD014; RFC 6749 §5.2", "An unknown code gets 400 invalid_grant.", checkBadCode));
    out.push_back(make("TK-015", "GBA OAD014; RFC 6749 §4.1.2", "A code older than its lifetime (10 minutes) gets 400 invalid_grant.", checkExpiredCode));
    out.push_back(make("TK-016", "RFC 6749 §5.2", "An unsupported grant_type gets 400 unsupported_grant_type.", checkUnsupportedGrant));
    out.push_back(make("TK-017", "GBA OAD011; RFC 6749 §6", "A refresh with the same scope returns a new Bearer access token with that scope.", checkRefreshSame));
    out.push_back(make("TK-018", "GBA OAD011; RFC 6749 §6", "A refresh asking for a different scope gets 400 invalid_scope.", checkRefreshChanged));
    out.push_back(make("TK-019", "RFC 6749 §6, §5.2", "A refresh with an unknown refresh_token gets 400 invalid_grant.", checkRefreshBad));
    out.push_back(make("TK-020", "GBA OAD015; RFC 6749 §4.4.3", "client_credentials returns a Bearer access token and no refresh_token.", checkClientCredentials));
    out.push_back(make("TK-021", "GBA OAD015; UtilityAPI docs (greenbutton/api)", "The client_credentials response carries resourceURI and authorizationURI.", checkClientCredentialsUris));
    out.push_back(make("TK-022", "RFC 7636 §4.6", "A code issued with a PKCE challenge is refused (400 invalid_grant) for a wrong code_verifier.", checkPkceWrong));
    out.push_back(make("TK-023", "RFC 7009 §2.2", "A revoked access token is refused afterwards.", checkRevoke));
}

} // namespace gbc

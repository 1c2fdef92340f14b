// Token issuing: one function per grant, all answering through tokenError / tokenSuccess.
#include "oauth_token.h"

#include <nlohmann/json.hpp>

#include "client_auth.h"
#include "scope.h"
#include "secure_random.h"

namespace gbc {

namespace {

using Json = nlohmann::ordered_json;

HttpAnswer jsonAnswer(int status, const Json& body)
{
    HttpAnswer a = HttpAnswer::make(status, "application/json", body.dump());
    a.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    return a;
}

HttpAnswer tokenError(const Utility& utility, const std::string& error, const std::string& description)
{
    const int status = error == "invalid_client" ? 401 : 400;
    HttpAnswer a = jsonAnswer(status, Json{{"error", error}, {"error_description", description}});
    if (status == 401)
        a.withHeader("WWW-Authenticate", "Basic realm=\"" + utility.id + "\", charset=\"UTF-8\"");
    return a;
}

std::string resourceBase(const SimContext& ctx, const HttpRequest& req)
{
    return resourceOrigin(ctx, req) + "/DataCustodian/espi/1_1/resource/";
}

struct Issue {
    std::string accessToken, refreshToken, scope, authorizationUid;
};

HttpAnswer customerTokens(const SimContext& ctx, const HttpRequest& req, const Issue& issue)
{
    const std::string base = resourceBase(ctx, req);
    Json body{{"token_type", ctx.defect("bearer_lowercase") ? "bearer" : "Bearer"},
              {"access_token", issue.accessToken}};
    if (!issue.refreshToken.empty()) // empty: profile no_new_refresh_token on a refresh
        body["refresh_token"] = issue.refreshToken;
    body["expires_in"] = kAccessTokenLifetimeSeconds;
    body["scope"] = issue.scope;
    if (!ctx.defect("missing_resource_uri")) // ESPI allows either form; the Batch one answers 202 while collecting
        body["resourceURI"] = base + (ctx.variation(Variation::BatchResourceUri) ? "Batch/Subscription/" : "Subscription/") +
                              issue.authorizationUid;
    body["authorizationURI"] = base + "Authorization/" + issue.authorizationUid;
    const auto scope = parseScope(issue.scope);
    if (scope && scope->hasFunctionBlock(51))
        body["customerResourceURI"] = base + "RetailCustomer/" + issue.authorizationUid;
    return jsonAnswer(200, body);
}

// RFC 7636 §4.6: S256 compares BASE64URL(SHA256(verifier)), plain compares the verifier itself.
bool pkceMatches(const CodeGrant& grant, const std::string& verifier)
{
    if (grant.codeChallengeMethod == "plain")
        return constantTimeEquals(grant.codeChallenge, verifier);
    return constantTimeEquals(grant.codeChallenge, encodeBase64Url(sha256Raw(verifier)));
}

std::optional<std::string> codeProblem(const CodeRedemption& r)
{
    switch (r.status) {
    case CodeStatus::Unknown: return "the authorization code is unknown";
    case CodeStatus::OtherClient: return "the authorization code was issued to another client";
    case CodeStatus::Expired: return "the authorization code has expired (codes live 10 minutes)";
    case CodeStatus::Reused: return "the authorization code was already used; tokens issued from it are now revoked";
    case CodeStatus::Valid: return std::nullopt;
    }
    return "the authorization code is invalid";
}

std::optional<std::string> grantProblem(const CodeGrant& grant, const HttpRequest& req)
{
    const auto redirect = req.field("redirect_uri");
    if (grant.redirectUriSent && redirect != grant.redirectUri)
        return std::string("redirect_uri must be the one sent to the authorize endpoint");
    const auto verifier = req.field("code_verifier");
    if (grant.codeChallenge.empty())
        return verifier ? std::optional<std::string>("code_verifier sent, but the authorize request had no code_challenge")
                        : std::nullopt;
    if (!verifier)
        return std::string("code_verifier is required: the authorize request had a code_challenge");
    if (!pkceMatches(grant, *verifier))
        return std::string("code_verifier does not match the code_challenge");
    return std::nullopt;
}

HttpAnswer authorizationCodeGrant(SimContext& ctx, SimStore& store, const Utility& u, const Client& client,
                                  const HttpRequest& req)
{
    const auto code = req.field("code");
    if (!code)
        return tokenError(u, "invalid_request", "code is missing");
    const EpochSeconds now = ctx.clock.now();
    const CodeRedemption r = store.redeemCode(*code, client.clientId, now, ctx.defect("code_reusable"),
                                                  ctx.defect("code_any_client"));
    if (auto problem = codeProblem(r))
        return tokenError(u, "invalid_grant", *problem);
    if (auto problem = grantProblem(r.grant, req))
        return tokenError(u, "invalid_grant", *problem);
    const auto record = store.findAuthorization(r.grant.authorizationUid);
    if (!record || !record->active(now))
        return tokenError(u, "invalid_grant", "the authorization behind this code is revoked or expired");
    TokenInfo info{TokenClass::CustomerAccess, client.clientId, u.id, record->uid, r.grant.scope,
                   now + kAccessTokenLifetimeSeconds, false};
    Issue issue{store.issueAccessToken(info, r.codeId),
                store.issueRefreshToken(RefreshGrant{u.id, client.clientId, record->uid, r.grant.scope, r.codeId, false}),
                r.grant.scope, record->uid};
    return customerTokens(ctx, req, issue);
}

// Profiles refresh_requires_scope and extended_scope_refused: refusals some custodians give a refresh.
std::optional<std::string> refreshScopeQuirk(const SimContext& ctx, const HttpRequest& req)
{
    const auto asked = req.field("scope");
    if (!asked && ctx.behaviour(ProfileBehaviour::RefreshRequiresScope))
        return std::string("scope is required on a refresh (send the scope originally granted)");
    if (asked && ctx.behaviour(ProfileBehaviour::ExtendedScopeRefused) && hasExtendedScopeParameters(*asked))
        return std::string("HistoryLength and IntervalDuration are not accepted in the scope");
    return std::nullopt;
}

HttpAnswer refreshTokenGrant(SimContext& ctx, SimStore& store, const Utility& u, const Client& client,
                             const HttpRequest& req)
{
    const auto token = req.field("refresh_token");
    if (!token)
        return tokenError(u, "invalid_request", "refresh_token is missing");
    const auto grant = store.findRefreshToken(*token);
    const EpochSeconds now = ctx.clock.now();
    if (!grant || grant->revoked || grant->clientId != client.clientId)
        return tokenError(u, "invalid_grant", "the refresh token is unknown, revoked or belongs to another client");
    const auto record = store.findAuthorization(grant->authorizationUid);
    if (!record || !record->active(now))
        return tokenError(u, "invalid_grant", "the authorization behind this refresh token is revoked or expired");
    std::string scope = grant->scope;
    if (auto quirk = refreshScopeQuirk(ctx, req))
        return tokenError(u, "invalid_scope", *quirk);
    if (const auto asked = req.field("scope")) {
        const auto parsed = parseScope(*asked);
        if (!parsed)
            return tokenError(u, "invalid_scope", parsed.error().message);
        if (!(*parsed == parseScope(grant->scope).value())) {
            if (!ctx.defect("refresh_scope_change_accepted"))
                return tokenError(u, "invalid_scope", "a refresh must ask for the scope originally granted: " + scope);
            scope = *asked;
        }
    }
    TokenInfo info{TokenClass::CustomerAccess, client.clientId, u.id, record->uid, scope,
                   now + kAccessTokenLifetimeSeconds, false};
    std::string refresh = *token;
    if (ctx.variation(Variation::RotatingRefreshTokens)) { // RFC 6749 §6: MAY issue a new one and retire the old
        store.retireRefreshToken(*token);
        refresh = store.issueRefreshToken(*grant);
    } else if (ctx.behaviour(ProfileBehaviour::NoNewRefreshToken)) {
        refresh.clear(); // the client keeps the one it has
    }
    return customerTokens(ctx, req, Issue{store.issueAccessToken(info, grant->codeId), refresh, scope, record->uid});
}

HttpAnswer clientCredentialsGrant(SimContext& ctx, SimStore& store, const Utility& u, const Client& client,
                                  const HttpRequest& req)
{
    const std::string scope = req.field("scope").value_or(kDefaultClientScope);
    if (const auto parsed = parseScope(scope); !parsed)
        return tokenError(u, "invalid_scope", parsed.error().message);
    const EpochSeconds now = ctx.clock.now();
    TokenInfo info{TokenClass::ClientAccess, client.clientId, u.id, "", scope, now + kAccessTokenLifetimeSeconds, false};
    const std::string base = resourceBase(ctx, req);
    const std::string bulkId = clientBulkId(client.clientId);
    Json body{{"token_type", ctx.defect("bearer_lowercase") ? "bearer" : "Bearer"},
              {"access_token", store.issueAccessToken(info, "")}};
    if (ctx.defect("client_credentials_refresh_token"))
        body["refresh_token"] = store.issueRefreshToken(RefreshGrant{u.id, client.clientId, "", scope, "", false});
    body["expires_in"] = kAccessTokenLifetimeSeconds;
    body["scope"] = scope;
    if (!ctx.defect("missing_resource_uri"))
        body["resourceURI"] = base + "Bulk/" + bulkId;
    body["authorizationURI"] = base + "Authorization/" + bulkId;
    return jsonAnswer(200, body);
}

// Profiles basic_auth_only / form_auth_only: the one client-authentication method this custodian accepts.
std::optional<Error> authMethodQuirk(const SimContext& ctx, const HttpRequest& req)
{
    const std::string auth = req.header("authorization");
    const bool basic = auth.size() >= 6 && (auth.compare(0, 6, "Basic ") == 0 || auth.compare(0, 6, "basic ") == 0);
    if (ctx.behaviour(ProfileBehaviour::BasicAuthOnly) && !basic && req.field("client_secret"))
        return Error{"invalid_client", "client authentication", "this custodian accepts HTTP Basic client authentication only"};
    if (ctx.behaviour(ProfileBehaviour::FormAuthOnly) && basic)
        return Error{"invalid_client", "client authentication", "this custodian accepts client_id and client_secret form fields only"};
    return std::nullopt;
}

// Shared front of token and revoke: body type, repeated parameters, client authentication.
Result<const Client*> frontChecks(const SimContext& ctx, const Utility& u, const HttpRequest& req)
{
    const std::string type = req.header("content-type");
    if (type.rfind("application/x-www-form-urlencoded", 0) != 0 && type.rfind("multipart/form-data", 0) != 0)
        return Error{"invalid_request", "Content-Type",
                     "the body must be application/x-www-form-urlencoded or multipart/form-data"};
    for (auto it = req.form.begin(); it != req.form.end(); it = req.form.upper_bound(it->first))
        if (req.form.count(it->first) > 1)
            return Error{"invalid_request", it->first, "parameter " + it->first + " is repeated"};
    if (auto quirk = authMethodQuirk(ctx, req))
        return *quirk;
    return authenticateClient(u, req);
}

} // namespace

std::string resourceOrigin(const SimContext& ctx, const HttpRequest& req)
{
    if (!ctx.publicBaseUrl.empty() && ctx.catalogue.findUtilityByHost(req.host))
        return ctx.publicBaseUrl;
    return req.origin();
}

HttpAnswer handleToken(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req)
{
    const auto client = frontChecks(ctx, utility, req);
    if (!client)
        return tokenError(utility, client.error().code, client.error().message);
    const auto grantType = req.field("grant_type");
    if (!grantType)
        return tokenError(utility, "invalid_request", "grant_type is missing");
    if (*grantType == "authorization_code")
        return authorizationCodeGrant(ctx, store, utility, **client, req);
    if (*grantType == "refresh_token")
        return refreshTokenGrant(ctx, store, utility, **client, req);
    if (*grantType == "client_credentials")
        return clientCredentialsGrant(ctx, store, utility, **client, req);
    return tokenError(utility, "unsupported_grant_type", "grant_type '" + *grantType + "' is not supported");
}

HttpAnswer handleRevoke(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req)
{
    const auto client = frontChecks(ctx, utility, req);
    if (!client)
        return tokenError(utility, client.error().code, client.error().message);
    const auto token = req.field("token");
    if (!token)
        return tokenError(utility, "invalid_request", "token is missing");
    const RevokePolicy policy{!ctx.variation(Variation::RevokeRefreshKeepsAccess),
                              ctx.variation(Variation::RevokeAccessTakesRefresh)};
    const bool keep = ctx.defect("refresh_survives_revoke") && store.findRefreshToken(*token).has_value();
    if (!keep && store.revokeToken(*token, (*client)->clientId, policy) == RevokeOutcome::OtherClient)
        return tokenError(utility, "invalid_request", "the token was issued to another client");
    HttpAnswer a = HttpAnswer::make(200, "application/json", "");
    a.withHeader("Cache-Control", "no-store");
    return a;
}

} // namespace gbc

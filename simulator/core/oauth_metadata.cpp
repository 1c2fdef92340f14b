// RFC 8414 §2 fields from what the OAuth handlers accept (grant types, client authentication, PKCE methods).
#include "oauth_metadata.h"

namespace gbc {

namespace {

HttpAnswer metadataAnswer(int status, const nlohmann::json& body)
{
    HttpAnswer a = HttpAnswer::make(status, "application/json", body.dump(2));
    a.withHeader("Cache-Control", "no-store");
    return a;
}

HttpAnswer unknown(const std::string& what)
{
    return metadataAnswer(404, {{"error", "unknown_utility"}, {"error_description", what}});
}

} // namespace

std::string metadataUrl(const std::string& origin, const std::string& issuerPath)
{
    return origin + "/.well-known/oauth-authorization-server" + issuerPath;
}

nlohmann::json authorizationServerMetadata(const Utility& utility, const std::string& origin, const std::string& issuerPath)
{
    const std::string issuer = origin + issuerPath;
    const std::string base = issuer + "/oauth/";
    // RFC 8414 §2: issuer, authorization_endpoint, token_endpoint, response_types_supported are the core fields.
    return {{"issuer", issuer},
            {"authorization_endpoint", base + "authorize"},
            {"token_endpoint", base + "token"},
            {"revocation_endpoint", base + "revoke"},
            {"response_types_supported", {"code"}},
            {"response_modes_supported", {"query"}},
            {"grant_types_supported", {"authorization_code", "refresh_token", "client_credentials"}},
            {"token_endpoint_auth_methods_supported", {"client_secret_basic", "client_secret_post"}},
            {"revocation_endpoint_auth_methods_supported", {"client_secret_basic", "client_secret_post"}},
            {"code_challenge_methods_supported", {"S256", "plain"}},
            {"service_documentation", origin + "/"},
            {"gbc_utility", utility.id}};
}

std::vector<Route> metadataRoutes(SimContext& ctx)
{
    auto byPath = [&ctx](const HttpRequest& req) {
        const std::string id = req.pathMatches.at(1);
        const Utility* u = ctx.catalogue.findUtility(id);
        if (!u)
            return unknown("There is no utility '" + id + "'.");
        return metadataAnswer(200, authorizationServerMetadata(*u, req.origin(), "/DataCustodian/" + id));
    };
    auto byHost = [&ctx](const HttpRequest& req) {
        const Utility* u = ctx.catalogue.findUtilityByHost(req.host);
        if (!u)
            return unknown("The host '" + req.host + "' is not a utility's host name; use "
                           "/.well-known/oauth-authorization-server/DataCustodian/<utility> instead.");
        return metadataAnswer(200, authorizationServerMetadata(*u, req.origin(), ""));
    };
    return {Route{"GET", "/\\.well-known/oauth-authorization-server/DataCustodian/([^/]+)", byPath},
            Route{"GET", "/DataCustodian/([^/]+)/\\.well-known/oauth-authorization-server", byPath},
            Route{"GET", "/\\.well-known/oauth-authorization-server", byHost}};
}

} // namespace gbc

// Route table for the OAuth endpoints: resolve the utility, then hand over to the pure handlers.
#include "oauth_routes.h"

#include <functional>

#include "html.h"
#include "oauth_authorize.h"
#include "oauth_token.h"

namespace gbc {

namespace {

using UtilityHandler = std::function<HttpAnswer(SimContext&, SimStore&, const Utility&, const HttpRequest&)>;

HttpAnswer unknownUtility(const std::string& what)
{
    return errorPage(404, "unknown_utility", "Unknown utility",
                     what + " Known utilities are listed on the simulator home page.");
}

Handler byPath(SimContext& ctx, SimStore& store, UtilityHandler handler)
{
    return [&ctx, &store, handler](const HttpRequest& req) {
        const std::string id = req.pathMatches.size() > 1 ? req.pathMatches[1] : std::string();
        const Utility* u = ctx.catalogue.findUtility(id);
        if (!u)
            return unknownUtility("There is no utility '" + id + "'.");
        return handler(ctx, store, *u, req);
    };
}

Handler byHost(SimContext& ctx, SimStore& store, UtilityHandler handler)
{
    return [&ctx, &store, handler](const HttpRequest& req) {
        const Utility* u = ctx.catalogue.findUtilityByHost(req.host);
        if (!u)
            return unknownUtility("The host '" + req.host + "' is not a utility's host name; use "
                                  "/DataCustodian/<utility>/oauth/... instead.");
        return handler(ctx, store, *u, req);
    };
}

HttpAnswer postOnly(SimContext&, SimStore&, const Utility&, const HttpRequest&)
{
    HttpAnswer a = HttpAnswer::make(405, "application/json",
                                    R"({"error":"invalid_request","error_description":"use POST"})");
    a.withHeader("Allow", "POST").withHeader("Cache-Control", "no-store");
    return a;
}

// GET on the token endpoint: 405, or with defect token_get_accepted the query taken as the form.
HttpAnswer tokenGet(SimContext& ctx, SimStore& store, const Utility& u, const HttpRequest& req)
{
    if (!ctx.defect("token_get_accepted"))
        return postOnly(ctx, store, u, req);
    HttpRequest asForm = req;
    asForm.form = req.query;
    asForm.headers["content-type"] = "application/x-www-form-urlencoded";
    return handleToken(ctx, store, u, asForm);
}

} // namespace

std::vector<Route> oauthRoutes(SimContext& ctx, SimStore& store)
{
    const std::vector<std::tuple<std::string, std::string, UtilityHandler>> endpoints = {
        {"GET", "authorize", handleAuthorizeGet}, {"POST", "authorize", handleAuthorizePost},
        {"POST", "token", handleToken},           {"GET", "token", tokenGet},
        {"POST", "revoke", handleRevoke},         {"GET", "revoke", postOnly},
    };
    std::vector<Route> routes;
    for (const auto& [method, name, handler] : endpoints) {
        routes.push_back(Route{method, "/DataCustodian/([^/]+)/oauth/" + name, byPath(ctx, store, handler)});
        routes.push_back(Route{method, "/oauth/" + name, byHost(ctx, store, handler)});
    }
    return routes;
}

} // namespace gbc

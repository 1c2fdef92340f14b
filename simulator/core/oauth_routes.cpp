// Route table for the OAuth endpoints: resolve the utility, then hand over to the pure handlers.
#include "oauth_routes.h"

#include <functional>

#include "client_auth.h"
#include "html.h"
#include "oauth_authorize.h"
#include "oauth_token.h"
#include "percent_codec.h"

namespace gbc {

namespace {

using UtilityHandler = std::function<HttpAnswer(SimContext&, SimStore&, const Utility&, const HttpRequest&)>;

HttpAnswer unknownUtility(const std::string& what)
{
    return errorPage(404, "unknown_utility", "Unknown utility",
                     what + " Known utilities are listed on the simulator home page.");
}

// The client a request speaks for (client_id field or parameter, else the Basic user), to apply its profiles;
// authentication proper happens in the handlers.
std::string claimedClientId(const HttpRequest& req)
{
    if (auto id = req.field("client_id"))
        return *id;
    if (auto id = req.param("client_id"))
        return *id;
    const std::string auth = req.header("authorization");
    if (auth.size() < 6 || (auth.compare(0, 6, "Basic ") != 0 && auth.compare(0, 6, "basic ") != 0))
        return "";
    const auto raw = decodeBase64(auth.substr(6));
    const std::size_t colon = raw ? raw->find(':') : std::string::npos;
    if (colon == std::string::npos)
        return "";
    const auto id = percentDecode(raw->substr(0, colon), true);
    return id ? *id : std::string();
}

HttpAnswer withProfiles(SimContext& ctx, SimStore& store, const UtilityHandler& handler, const Utility& u,
                        const HttpRequest& req)
{
    SimContext own = ctx.forClient(claimedClientId(req));
    return handler(own, store, u, req);
}

Handler byPath(SimContext& ctx, SimStore& store, UtilityHandler handler)
{
    return [&ctx, &store, handler](const HttpRequest& req) {
        const std::string id = req.pathMatches.size() > 1 ? req.pathMatches[1] : std::string();
        const Utility* u = ctx.catalogue.findUtility(id);
        if (!u)
            return unknownUtility("There is no utility '" + id + "'.");
        return withProfiles(ctx, store, handler, *u, req);
    };
}

Handler byHost(SimContext& ctx, SimStore& store, UtilityHandler handler)
{
    return [&ctx, &store, handler](const HttpRequest& req) {
        const Utility* u = ctx.catalogue.findUtilityByHost(req.host);
        if (!u)
            return unknownUtility("The host '" + req.host + "' is not a utility's host name; use "
                                  "/DataCustodian/<utility>/oauth/... instead.");
        return withProfiles(ctx, store, handler, *u, req);
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

// ESPI resource API routes: authenticate, parse the path grammar, hand over to the admin/usage/customer handlers.
#include "espi_routes.h"

#include "espi_access.h"
#include "espi_call.h"
#include "espi_paths.h"
#include "namespace_forms.h"
#include "profile_quirks.h"

namespace gbc {

namespace {

HttpAnswer dispatch(const EspiCall& call)
{
    if (call.target.isCustomerTree())
        return handleCustomer(call);
    switch (call.target.resource) {
    case EspiResource::ServiceStatus:
    case EspiResource::ApplicationInformation:
    case EspiResource::AuthorizationFeed:
    case EspiResource::Authorization:
    case EspiResource::Bulk:
        return handleAdmin(call);
    default:
        return handleUsage(call);
    }
}

// After authentication, with the client's profiles applied to `ctx`.
HttpAnswer handleAuthenticated(SimContext& ctx, const HttpRequest& req, const TokenInfo& token)
{
    const std::string prefix = espipath::kPrefix;
    std::string relative = req.path.substr(prefix.size());
    if (!relative.empty() && relative.back() == '/')
        relative.pop_back();
    const auto target = parseEspiTarget(relative);
    if (!target)
        return espiErrorAnswer(target.error());
    const std::string origin = espipath::linkOrigin(ctx, req);
    EspiCall call{ctx, req, token, *target, relative, EndpointUrls{origin, origin + espipath::kPrefix},
                  ctx.clock.now()};
    HttpAnswer answer = dispatch(call);
    if (const NamespaceForm form = namespaceFormOf(ctx); form != NamespaceForm::AsWritten && answer.status == 200)
        answer.body = rewriteNamespaces(answer.body, form);
    return answer;
}

} // namespace

HttpAnswer handleEspi(SimContext& ctx, const HttpRequest& req)
{
    const std::string prefix = espipath::kPrefix;
    if (req.path.compare(0, prefix.size(), prefix) != 0)
        return espiErrorAnswer(Error{kBadRequest, req.path, "not an ESPI resource path"});
    if (req.method != "GET" && req.method != "HEAD")
        return espiErrorAnswer(Error{kNotAllowed, req.path, req.method + " is not supported; resources are read-only"});
    const auto token = authenticateEspi(ctx, req);
    if (!token)
        return espiErrorAnswer(token.error());
    SimContext own = ctx.forClient(token->clientId); // the client's profiles apply from here on
    if (auto refusal = queryRefusal(own, req, ctx.clock.now()))
        return *refusal;
    const auto rewritten = queryRewrite(own, req);
    return handleAuthenticated(own, rewritten ? *rewritten : req, *token);
}

std::vector<Route> espiRoutes(SimContext& ctx)
{
    const std::string pattern = "/DataCustodian/espi/1_1/resource/.*";
    Handler handler = [&ctx](const HttpRequest& req) { return handleEspi(ctx, req); };
    return {Route{"GET", pattern, handler}, Route{"POST", pattern, handler}, Route{"PUT", pattern, handler},
            Route{"DELETE", pattern, handler}};
}

} // namespace gbc

// Authorize request checks in RFC order: client and redirect_uri first (page errors), then the redirectable ones.
#include "oauth_authorize.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "html.h"
#include "oauth_flow.h"
#include "oauth_outcome.h"
#include "scope.h"
#include "url_codec.h"

namespace gbc {

namespace {

struct RequestProblem {
    std::string error;
    std::string description;
};

bool repeated(const HttpRequest& req, const char* name)
{
    return req.query.count(name) > 1;
}

bool validChallenge(const std::string& c)
{
    return c.size() >= 43 && c.size() <= 128 && std::all_of(c.begin(), c.end(), [](unsigned char ch) {
               return std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~';
           });
}

std::optional<RequestProblem> checkPkce(const HttpRequest& req, FlowState& flow)
{
    const auto challenge = req.param("code_challenge");
    const auto method = req.param("code_challenge_method");
    if (!challenge && method)
        return RequestProblem{"invalid_request", "code_challenge_method given without code_challenge"};
    if (!challenge)
        return std::nullopt;
    flow.codeChallengeMethod = method.value_or("plain");
    if (flow.codeChallengeMethod != "S256" && flow.codeChallengeMethod != "plain")
        return RequestProblem{"invalid_request", "code_challenge_method must be S256 or plain"};
    if (!validChallenge(*challenge))
        return RequestProblem{"invalid_request", "code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~]"};
    flow.codeChallenge = *challenge;
    return std::nullopt;
}

// Checks after the client and redirect_uri are trusted; fills the session from the request.
std::optional<RequestProblem> checkRequest(const SimContext& ctx, const HttpRequest& req, FlowState& flow)
{
    for (const char* name : {"response_type", "scope", "state", "code_challenge", "code_challenge_method", "prompt"})
        if (repeated(req, name))
            return RequestProblem{"invalid_request", std::string("parameter ") + name + " is repeated"};
    const bool lenient = ctx.defect("login_before_validation");
    const auto responseType = req.param("response_type");
    if (!responseType && !lenient)
        return RequestProblem{"invalid_request", "response_type is missing"};
    if (responseType && *responseType != "code" && !lenient)
        return RequestProblem{"unsupported_response_type", "response_type must be code"};
    flow.scope = req.param("scope").value_or(kDefaultScope);
    const auto scope = parseScope(flow.scope);
    if (!scope && !lenient)
        return RequestProblem{"invalid_scope", scope.error().message};
    if (!scope)
        flow.scope = kDefaultScope;
    if (ctx.behaviour(ProfileBehaviour::ExtendedScopeRefused) && hasExtendedScopeParameters(flow.scope))
        return RequestProblem{"invalid_scope", "HistoryLength and IntervalDuration are not accepted in the scope"};
    flow.prompt = req.param("prompt").value_or("") == "on";
    return checkPkce(req, flow);
}

// The first auth hint the utility allows chooses the page; otherwise the utility's default.
void chooseAuthType(const Utility& utility, FlowState& flow)
{
    flow.authType = utility.defaultAuth;
    const auto scope = parseScope(flow.scope);
    for (const AuthHint& hint : scope ? scope->authHints : std::vector<AuthHint>{}) {
        const auto type = authTypeFromString(hint.type);
        if (type && utility.allows(*type)) {
            flow.authType = *type;
            flow.prefill = hint.value;
            return;
        }
    }
}

bool registered(const Client& client, const std::string& uri)
{
    return std::any_of(client.redirectUris.begin(), client.redirectUris.end(),
                       [&](const std::string& r) { return redirectUriMatches(r, uri); });
}

} // namespace

HttpAnswer handleAuthorizeGet(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req)
{
    if (repeated(req, "client_id") || repeated(req, "redirect_uri"))
        return errorPage(400, "invalid_request", "Invalid authorization request", "client_id or redirect_uri is repeated.");
    const auto clientId = req.param("client_id");
    if (!clientId)
        return errorPage(400, "invalid_request", "Invalid authorization request", "client_id is missing.");
    const Client* client = utility.findClient(*clientId);
    if (!client)
        return errorPage(401, "invalid_client", "Unknown application",
                         "No application with client_id '" + *clientId + "' is registered with " + utility.name + ".");
    FlowState flow;
    flow.utilityId = utility.id;
    flow.clientId = client->clientId;
    flow.stateSent = req.param("state").has_value();
    flow.state = req.param("state").value_or("");
    if (const auto redirect = req.param("redirect_uri")) {
        flow.redirectUri = *redirect;
        flow.redirectUriSent = true;
        if (!registered(*client, *redirect)) {
            if (ctx.defect("open_redirect"))
                return redirectError(ctx, flow, "invalid_request", "redirect_uri is not registered");
            return errorPage(400, "invalid_redirect_uri", "Unregistered redirect_uri",
                             "The redirect_uri '" + *redirect + "' is not registered for client " + client->clientId +
                                 "; the simulator will not send you there.");
        }
    }
    if (auto problem = checkRequest(ctx, req, flow))
        return redirectError(ctx, flow, problem->error, problem->description);
    chooseAuthType(utility, flow);
    flow = store.createFlow(flow, ctx.clock.now());
    return beginVerification(FlowEnv{ctx, store, utility, *client, req.path}, flow);
}

HttpAnswer handleAuthorizePost(SimContext& ctx, SimStore& store, const Utility& utility, const HttpRequest& req)
{
    const auto flow = store.findFlow(req.field("flow").value_or(""), ctx.clock.now());
    if (!flow || flow->utilityId != utility.id)
        return errorPage(400, "session_expired", "Authorization session not found",
                         "This authorization session is unknown or has expired; start again from the application.");
    const Client* client = utility.findClient(flow->clientId);
    if (!client)
        return errorPage(400, "invalid_client", "Unknown application", "The application of this session is gone.");
    return continueFlow(FlowEnv{ctx, store, utility, *client, req.path}, *flow, req);
}

} // namespace gbc

// Demo third-party website handlers: OAuth as a well-behaved third party does it (state, PKCE S256, one code
// exchange, the same redirect_uri), every secret kept server-side; the client logic is in demo_client.cpp.
#include "demo_routes.h"

#include "client_auth.h"
#include "demo_client.h"
#include "html.h"
#include "secure_random.h"
#include "url_codec.h"

namespace gbc {

namespace {

constexpr EpochSeconds kDemoLifetime = 3600;

HttpAnswer seeOther(const std::string& location)
{
    HttpAnswer a = HttpAnswer::make(303, "text/plain; charset=utf-8", "");
    a.withHeader("Location", location).withHeader("Cache-Control", "no-store");
    return a;
}

// "FB=4_5;IntervalDuration=900;HistoryLength=1" -> "FB=4_5": for custodians refusing the extended parameters.
std::string functionBlocksOnly(const std::string& scope)
{
    const std::size_t semi = scope.find(';');
    return scope.substr(0, semi);
}

DemoSession newSession(const std::string& clientId, const std::string& secret, const std::string& utilityId,
                       const std::string& scope)
{
    DemoSession s;
    s.clientId = clientId;
    s.clientSecret = secret;
    s.utilityId = utilityId;
    s.scope = scope;
    return s;
}

// Stores a session under a fresh state and sends the browser to the utility's authorize endpoint.
HttpAnswer beginAuthorization(ApiState& state, DemoSession session)
{
    const std::string st = randomHex(16);
    session.redirectUri = demoOwnBase(state) + kDemoPath + "/callback";
    session.codeVerifier = randomHex(32);
    const std::string challenge = encodeBase64Url(sha256Raw(session.codeVerifier));
    const Client* client = nullptr;
    if (const Utility* u = state.ctx.catalogue.findUtility(session.utilityId))
        client = u->findClient(session.clientId);
    if (client && state.clients.notifyUri(*client).empty()) // BatchList notifications come to the demo
        state.clients.setTargets(client->clientId, std::nullopt, demoOwnBase(state) + kDemoPath + "/notify", std::nullopt);
    {
        std::lock_guard lock(state.mutex);
        const EpochSeconds now = state.ctx.clock.now();
        std::erase_if(state.demoSessions, [now](const auto& kv) { return kv.second.expiresAt <= now; });
        std::erase_if(state.demoViews, [now](const auto& kv) { return kv.second.expiresAt <= now; });
        session.expiresAt = now + kDemoLifetime;
        state.demoSessions[st] = session;
    }
    return seeOther(demoOwnBase(state) + "/DataCustodian/" + session.utilityId + "/oauth/authorize?" +
                    formatUrlEncoded({{"response_type", "code"}, {"client_id", session.clientId},
                                      {"redirect_uri", session.redirectUri}, {"scope", session.scope}, {"state", st},
                                      {"code_challenge", challenge}, {"code_challenge_method", "S256"}}));
}

HttpAnswer start(ApiState& state, const HttpRequest& req)
{
    const std::string clientId = req.field("client_id").value_or(""), secret = req.field("client_secret").value_or("");
    const Utility* u = state.ctx.catalogue.findUtility(req.field("utility").value_or(""));
    const Client* c = u ? u->findClient(clientId) : nullptr;
    if (!c || secret.empty())
        return htmlAnswer(400, demoConfigPage(state.ctx.catalogue, clientId,
                                              errorElement("bad_configuration", u ? "This utility has no client with that id, or the "
                                                                                    "secret is empty." : "Choose a utility.")));
    return beginAuthorization(state, newSession(clientId, secret, u->id, req.field("scope").value_or(kDemoDefaultScope)));
}

// The home page's "Try it": a sandbox client (public secret) starts at once; others get the prefilled form.
HttpAnswer tryIt(ApiState& state, const HttpRequest& req)
{
    const std::string clientId = req.param("client_id").value_or("");
    for (const Utility& u : state.ctx.catalogue.utilities)
        if (const Client* c = u.findClient(clientId); c && state.clients.mode(*c) == ClientMode::Sandbox)
            return beginAuthorization(state, newSession(clientId, c->clientSecret, u.id, kDemoDefaultScope));
    return seeOther(std::string(kDemoPath) + "?" + formatUrlEncoded({{"client_id", clientId}}));
}

HttpAnswer callback(ApiState& state, const HttpRequest& req)
{
    DemoSession session;
    {
        std::lock_guard lock(state.mutex);
        auto it = state.demoSessions.find(req.param("state").value_or(""));
        if (it == state.demoSessions.end() || it->second.expiresAt <= state.ctx.clock.now())
            return errorPage(400, "unknown_state", "Unknown state",
                             "This callback does not belong to a demo session (it expired, or was used already).");
        session = it->second;
        state.demoSessions.erase(it); // a state is good for one callback: a replayed one changes nothing
    }
    if (auto error = req.param("error")) {
        if (*error == "invalid_scope" && !session.scopeReduced && functionBlocksOnly(session.scope) != session.scope) {
            session.scope = functionBlocksOnly(session.scope); // this custodian refuses HistoryLength/IntervalDuration
            session.scopeReduced = true;
            return beginAuthorization(state, session);
        }
        return errorPage(400, *error, "Authorization not granted",
                         "The utility answered error=" + *error + ": " + req.param("error_description").value_or(""));
    }
    auto view = demoExchangeCode(state, session, req.param("code").value_or(""));
    if (!view)
        return errorPage(502, "token_exchange_failed", "Token exchange failed", "The token endpoint " + view.error().message);
    const std::string id = randomHex(16);
    std::lock_guard lock(state.mutex);
    view->expiresAt = state.ctx.clock.now() + kDemoLifetime;
    state.demoViews[id] = std::move(*view);
    return seeOther(std::string(kDemoPath) + "/usage?view=" + id);
}

HttpAnswer usage(ApiState& state, const HttpRequest& req)
{
    const std::string id = req.param("view").value_or("");
    DemoView view;
    {
        std::lock_guard lock(state.mutex);
        auto it = state.demoViews.find(id);
        if (it == state.demoViews.end() || it->second.expiresAt <= state.ctx.clock.now())
            return errorPage(404, "unknown_view", "Unknown page", "Connect again from the demo site's start page.");
        view = it->second;
    }
    const std::string note = demoRefreshUsage(state, view); // outside the lock: it calls the simulator over HTTP
    std::lock_guard lock(state.mutex);
    if (auto it = state.demoViews.find(id); it != state.demoViews.end())
        it->second = view;
    return htmlAnswer(200, demoUsagePage(view, note));
}

HttpAnswer notify(ApiState& state, const HttpRequest& req)
{
    if (!demoStoreNotification(state, req.body))
        return HttpAnswer::make(400, "text/plain; charset=utf-8", "expected a BatchList");
    return HttpAnswer::make(200, "text/plain; charset=utf-8", "");
}

} // namespace

std::vector<Route> demoRoutes(const ModulePtr& module)
{
    auto on = [module](HttpAnswer (*page)(ApiState&, const HttpRequest&)) {
        return [module, page](const HttpRequest& req) { return page(*module->state, req); };
    };
    const std::string base = kDemoPath;
    return {
        Route{"GET", base, [module](const HttpRequest& req) {
                  return htmlAnswer(200, demoConfigPage(module->state->ctx.catalogue, req.param("client_id").value_or(""), ""));
              }},
        Route{"POST", base + "/start", on(start)},
        Route{"GET", base + "/try", on(tryIt)},
        Route{"GET", base + "/callback", on(callback)},
        Route{"GET", base + "/usage", on(usage)},
        Route{"POST", base + "/notify", on(notify)},
    };
}

} // namespace gbc

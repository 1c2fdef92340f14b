// Demo third-party website handlers: OAuth as a real third party does it, with every secret kept server-side.
#include "demo_routes.h"

#include <openssl/evp.h>

#include "html.h"
#include "secure_random.h"
#include "url_codec.h"

namespace gbc {

namespace {

constexpr EpochSeconds kDemoLifetime = 3600;

std::string base64(const std::string& text)
{
    std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// The simulator's own origin (--public-url or the address bound): the demo talks to nothing else, and never
// derives it from the Host header, which a caller chooses (it would send client credentials there).
std::string ownBase(const ApiState& state)
{
    return state.ctx.publicBaseUrl.empty() ? std::string("http://127.0.0.1") : state.ctx.publicBaseUrl;
}

HttpAnswer seeOther(const std::string& location)
{
    HttpAnswer a = HttpAnswer::make(303, "text/plain; charset=utf-8", "");
    a.withHeader("Location", location).withHeader("Cache-Control", "no-store");
    return a;
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
    const std::string st = randomHex(16);
    const std::string redirectUri = ownBase(state) + kDemoPath + "/callback";
    {
        std::lock_guard lock(state.mutex);
        const EpochSeconds now = state.ctx.clock.now();
        std::erase_if(state.demoSessions, [now](const auto& kv) { return kv.second.expiresAt <= now; });
        std::erase_if(state.demoViews, [now](const auto& kv) { return kv.second.expiresAt <= now; });
        state.demoSessions[st] = DemoSession{clientId, secret, u->id, redirectUri, state.ctx.clock.now() + kDemoLifetime};
    }
    const std::string scope = req.field("scope").value_or(kDemoDefaultScope);
    return seeOther(ownBase(state) + "/DataCustodian/" + u->id + "/oauth/authorize?" +
                    formatUrlEncoded({{"response_type", "code"}, {"client_id", clientId}, {"redirect_uri", redirectUri},
                                      {"scope", scope}, {"state", st}}));
}

HttpAnswer callback(ApiState& state, const HttpRequest& req)
{
    DemoSession session;
    {
        std::lock_guard lock(state.mutex);
        auto it = state.demoSessions.find(req.param("state").value_or(""));
        if (it == state.demoSessions.end() || it->second.expiresAt <= state.ctx.clock.now())
            return errorPage(400, "unknown_state", "Unknown state", "This callback does not belong to a demo session.");
        session = it->second;
        state.demoSessions.erase(it);
    }
    if (auto error = req.param("error"))
        return errorPage(400, *error, "Authorization not granted",
                         "The utility answered error=" + *error + ": " + req.param("error_description").value_or(""));
    OutboundRequest token;
    token.url = ownBase(state) + "/DataCustodian/" + session.utilityId + "/oauth/token";
    token.contentType = "application/x-www-form-urlencoded";
    token.body = formatUrlEncoded({{"grant_type", "authorization_code"}, {"code", req.param("code").value_or("")},
                                   {"redirect_uri", session.redirectUri}});
    token.headers = {{"Authorization", "Basic " + base64(session.clientId + ":" + session.clientSecret)}};
    const OutboundResponse res = state.outbound->send(token);
    const nlohmann::json body = nlohmann::json::parse(res.body, nullptr, false);
    if (res.status != 200 || !body.is_object() || !body.contains("access_token") || !body.contains("resourceURI"))
        return errorPage(502, "token_exchange_failed", "Token exchange failed",
                         "The token endpoint answered " + std::to_string(res.status) + " " + res.error + " " +
                             (body.is_object() ? body.value("error", "") : std::string()));
    const std::string view = randomHex(16);
    std::lock_guard lock(state.mutex);
    state.demoViews[view] = DemoView{session.clientId, session.utilityId, body.value("access_token", ""),
                                     body.value("resourceURI", ""), body.value("scope", ""), state.ctx.clock.now() + kDemoLifetime};
    return seeOther(std::string(kDemoPath) + "/usage?view=" + view);
}

HttpAnswer usage(ApiState& state, const HttpRequest& req)
{
    DemoView view;
    {
        std::lock_guard lock(state.mutex);
        auto it = state.demoViews.find(req.param("view").value_or(""));
        if (it == state.demoViews.end() || it->second.expiresAt <= state.ctx.clock.now())
            return errorPage(404, "unknown_view", "Unknown page", "Connect again from the demo site's start page.");
        view = it->second;
    }
    OutboundRequest fetch;
    fetch.method = "GET";
    fetch.url = view.resourceUri;
    const std::size_t at = fetch.url.find("/resource/Subscription/");
    if (at != std::string::npos)
        fetch.url.replace(at, 10, "/resource/Batch/");
    if (fetch.url.rfind(ownBase(state) + "/DataCustodian/", 0) != 0)
        return errorPage(502, "foreign_resource_uri", "Could not fetch usage",
                         "The token's resourceURI is not on this simulator (" + ownBase(state) +
                             "); the demo site fetches nothing elsewhere.");
    fetch.headers = {{"Authorization", "Bearer " + view.accessToken}, {"Accept", "application/atom+xml"}};
    const OutboundResponse res = state.outbound->send(fetch);
    if (res.status == 202)
        return htmlAnswer(200, demoUsagePage(view, {}, "The utility is still collecting your data. Reload this page in a little while."));
    if (res.status != 200)
        return errorPage(502, "usage_fetch_failed", "Could not fetch usage",
                         "GET " + fetch.url + " answered " + std::to_string(res.status) + " " + res.error);
    auto days = dailyElectricUsage(res.body);
    if (!days)
        return errorPage(502, "usage_unreadable", "Could not read usage", days.error().message);
    return htmlAnswer(200, demoUsagePage(view, days.value(), days->empty() ? "No electric interval data was shared." : ""));
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
        Route{"GET", base + "/callback", on(callback)},
        Route{"GET", base + "/usage", on(usage)},
    };
}

} // namespace gbc

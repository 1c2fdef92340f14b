// Green Button proxy flow routes: each handler reads the session, runs one pure step and renders or redirects.
#include "proxy_routes.h"

#include "grants.h"
#include "html.h"
#include "proxy_pages.h"
#include "url_codec.h"

namespace gbc {

namespace {

std::string input(const HttpRequest& req, const std::string& name)
{
    return req.field(name).value_or(req.param(name).value_or(""));
}

std::vector<std::string> fields(const HttpRequest& req, const std::string& name)
{
    std::vector<std::string> out;
    auto [lo, hi] = req.form.equal_range(name);
    for (auto it = lo; it != hi; ++it)
        out.push_back(it->second);
    return out;
}

HttpAnswer seeOther(const std::string& location)
{
    HttpAnswer a = HttpAnswer::make(303, "text/plain; charset=utf-8", "");
    a.withHeader("Location", location).withHeader("Cache-Control", "no-store");
    return a;
}

HttpAnswer sessionMissing()
{
    return errorPage(400, "session_expired", "Session expired",
                     "This authorization session is unknown or expired. Open the authorization form link again.");
}

// The session named by the request when it is at `stage` (and belongs to `utilityId` when given).
struct Step {
    ProxySession session;
    const Utility* utility = nullptr;
    const Client* client = nullptr;
    const Customer* customer = nullptr;
};

std::optional<Step> stepFor(ApiState& state, const HttpRequest& req, ProxyStage stage)
{
    std::optional<ProxySession> s;
    {
        std::lock_guard lock(state.mutex);
        s = state.proxySessions.find(input(req, "session"), state.ctx.clock.now());
    }
    if (!s || s->stage != stage)
        return std::nullopt;
    Step step{*s, nullptr, nullptr, nullptr};
    step.client = findClientById(state.ctx.catalogue, s->clientId, &step.utility);
    if (!step.client)
        return std::nullopt;
    step.customer = step.utility->findCustomer(s->customerId);
    return step;
}

void save(ApiState& state, const ProxySession& s)
{
    std::lock_guard lock(state.mutex);
    state.proxySessions.save(s);
}

HttpAnswer formPage(ApiState& state, const HttpRequest& req, bool post)
{
    const std::string formUid = req.pathMatches.back();
    auto target = proxyTarget(state.ctx.catalogue, formUid);
    if (!target)
        return errorPage(404, "unknown_form", "Unknown authorization form", target.error().message);
    const std::string email = input(req, "email"), redirectUri = input(req, "redirect_uri"), st = input(req, "state");
    auto session = startProxySession(target.value(), formUid, post ? email : "x@example.com", !post || input(req, "confirm") == "yes",
                                     redirectUri, st);
    if (!session && session.error().code == "proxy.bad_redirect_uri")
        return errorPage(400, "invalid_redirect_uri", "Invalid redirect_uri", session.error().message);
    if (!post || !session)
        return htmlAnswer(post ? 400 : 200, proxyFormPage(*target->utility, *target->client, formUid, email, redirectUri, st,
                                                          post ? errorElement(session.error().code, session.error().message) : ""));
    std::string id;
    {
        std::lock_guard lock(state.mutex);
        id = state.proxySessions.add(session.value(), state.ctx.clock.now());
    }
    return seeOther("/gb-proxy/utility/" + target->utility->id + "/login?session=" + id);
}

HttpAnswer loginPage(ApiState& state, const HttpRequest& req, bool post)
{
    auto step = stepFor(state, req, ProxyStage::Login);
    if (!step)
        return sessionMissing();
    if (!post)
        return htmlAnswer(200, proxyLoginPage(*step->utility, step->session.id, ""));
    auto customer = proxyLogin(state.ctx.catalogue, *step->utility, state.clients.mode(*step->client), input(req, "username"),
                               input(req, "password"));
    if (!customer)
        return htmlAnswer(400, proxyLoginPage(*step->utility, step->session.id,
                                              errorElement(customer.error().code, customer.error().message)));
    step->session.customerId = customer.value()->id;
    step->session.stage = ProxyStage::Share;
    save(state, step->session);
    return seeOther("/gb-proxy/utility/" + step->utility->id + "/share?session=" + step->session.id);
}

HttpAnswer sharePage(ApiState& state, const HttpRequest& req, bool post)
{
    auto step = stepFor(state, req, ProxyStage::Share);
    if (!step || !step->customer)
        return sessionMissing();
    if (!post)
        return htmlAnswer(200, proxySharePage(*step->utility, *step->customer, step->session.id, ""));
    auto chosen = chooseShares(*step->customer, fields(req, "service"), fields(req, "data"), step->session);
    if (!chosen)
        return htmlAnswer(400, proxySharePage(*step->utility, *step->customer, step->session.id,
                                              errorElement(chosen.error().code, chosen.error().message)));
    step->session.stage = ProxyStage::Final;
    save(state, step->session);
    return seeOther("/gb-proxy/" + step->session.formUid + "/final?session=" + step->session.id);
}

HttpAnswer finalPage(const ModulePtr& module, const HttpRequest& req, bool post)
{
    ApiState& state = *module->state;
    auto step = stepFor(state, req, ProxyStage::Final);
    if (!step || !step->customer)
        return sessionMissing();
    if (!post)
        return htmlAnswer(200, proxyFinalPage(*step->utility, *step->client, step->session, *step->customer, ""));
    const AuthorizationRecord r = grantAuthorization(state, *step->utility, *step->client, *step->customer,
                                                     step->session.services, AuthorizationExtras{step->session.formUid, true, ""});
    module->wake();
    step->session.stage = ProxyStage::Done;
    step->session.authorizationUid = r.uid;
    save(state, step->session);
    if (step->session.redirectUri.empty())
        return htmlAnswer(200, proxyDonePage(*step->utility, *step->client, step->session));
    std::vector<std::pair<std::string, std::string>> params = {{"referral", r.uid}};
    if (!step->session.state.empty())
        params.push_back({"state", step->session.state});
    return seeOther(appendQuery(step->session.redirectUri, params));
}

} // namespace

std::vector<Route> proxyRoutes(const ModulePtr& module)
{
    const std::string form = "(form-[A-Za-z0-9_.-]+)";
    auto on = [module](auto page, bool post) {
        return [module, page, post](const HttpRequest& req) { return page(*module->state, req, post); };
    };
    return {
        Route{"GET", "/gb-proxy/" + form, on(formPage, false)},
        Route{"GET", "/([a-z]+)/gb-oauth/" + form, on(formPage, false)},
        Route{"POST", "/gb-proxy/" + form, on(formPage, true)},
        Route{"GET", "/gb-proxy/utility/([A-Za-z]+)/login", on(loginPage, false)},
        Route{"POST", "/gb-proxy/utility/([A-Za-z]+)/login", on(loginPage, true)},
        Route{"GET", "/gb-proxy/utility/([A-Za-z]+)/share", on(sharePage, false)},
        Route{"POST", "/gb-proxy/utility/([A-Za-z]+)/share", on(sharePage, true)},
        Route{"GET", "/gb-proxy/" + form + "/final", [module](const HttpRequest& req) { return finalPage(module, req, false); }},
        Route{"POST", "/gb-proxy/" + form + "/final", [module](const HttpRequest& req) { return finalPage(module, req, true); }},
    };
}

} // namespace gbc

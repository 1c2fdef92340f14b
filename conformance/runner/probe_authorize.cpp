// Authorize probes: the OAD negative requests and the scripted login flows (main, decline, badlogin...).
#include "probes.h"

namespace gbc {

std::string authorizeUrl(Session& s, const Params& overrides)
{
    const OAuthConfig& o = s.config().oauth;
    Params p = {{"response_type", "code"}, {"client_id", o.clientId}, {"redirect_uri", s.redirectUri()},
        {"scope", substituteVars(o.scope, s.variant().vars)}};
    for (const auto& [k, v] : overrides) {
        bool replaced = false;
        for (auto& item : p)
            if (item.first == k) {
                item.second = v;
                replaced = true;
            }
        if (!replaced)
            p.emplace_back(k, v);
    }
    Params kept;
    for (const auto& item : p)
        if (!item.second.empty())
            kept.push_back(item);
    return withParams(o.authorizeUrl, kept);
}

void probeAuthorizeNegatives(Session& s)
{
    const std::string state = randomToken(16);
    s.secret(state, "state");
    s.fact("state.neg", state);
    const struct {
        const char* step;
        Params overrides;
    } cases[] = {
        {"authz.bad_response_type", {{"response_type", "token"}}},
        {"authz.missing_response_type", {{"response_type", ""}}},
        {"authz.bad_scope", {{"scope", "FB=????"}}},
        {"authz.unknown_client", {{"client_id", "UNKNOWN_zzzzzzzzz"}}},
        {"authz.missing_client", {{"client_id", ""}}},
        {"authz.foreign_redirect", {{"redirect_uri", "https://attacker.example/callback"}}},
    };
    for (const auto& c : cases) {
        Params overrides = c.overrides;
        overrides.emplace_back("state", state);
        s.record(c.step, s.get(authorizeUrl(s, overrides), ""));
    }
}

std::string runLoginFlow(Session& s, const std::string& flow, const std::string& decision, const Params& extra)
{
    const std::string state = randomToken(16);
    s.secret(state, "state");
    s.fact("state." + flow, state);
    Params overrides = extra;
    overrides.emplace_back("state", state);
    std::map<std::string, std::string> vars = s.variant().vars;
    const ConsentChoice& choice = decision == "decline" ? s.config().oauth.decline : s.config().oauth.approve;
    vars["decision"] = choice.value; // the target file's decision map (default: button "decision", approve/decline)
    vars["decision_name"] = choice.name;
    LoginEngine engine(s, s.listener());
    const LoginResult r = engine.run(s.config().login, LoginRun{flow, authorizeUrl(s, overrides), s.redirectUri(), vars});
    const std::string prefix = "login." + flow;
    s.fact(prefix + ".end", toString(r.end));
    s.fact(prefix + ".message", r.message);
    s.fact(prefix + ".page_error", r.pageError);
    s.fact(prefix + ".delivered", r.delivered ? "yes" : "no");
    s.fact(prefix + ".first_step", r.firstStep);
    if (!r.steps.empty()) {
        const bool lastIsCallback = r.steps.back().rfind("callback.", 0) == 0;
        s.fact(prefix + ".last_step", lastIsCallback && r.steps.size() > 1 ? r.steps[r.steps.size() - 2] : r.steps.back());
        if (lastIsCallback)
            s.fact(prefix + ".callback_step", r.steps.back());
    }
    s.fact("cb." + flow, formEncode(r.callback));
    const std::string code = r.end == LoginEnd::Callback ? findParam(r.callback, "code").value_or("") : "";
    s.secret(code, "code");
    return code;
}

} // namespace gbc

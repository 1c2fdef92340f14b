// OAuth authorize checks (plan oauth-authorize): success with state echo, OAD negative requests, decline, badlogin.
#include "runner_families.h"

#include "transport.h"
#include "url.h"

namespace gbc {

namespace {

std::vector<std::string> flowEvidence(const Observation& obs, const std::string& flow)
{
    std::vector<std::string> out;
    for (const char* k : {".first_step", ".last_step", ".callback_step"}) {
        const std::string s = obs.fact("login." + flow + k);
        if (!s.empty() && (out.empty() || out.back() != s))
            out.push_back(s);
    }
    return out;
}

// The flow's outcome when it did not reach the client, as SKIP/ERROR/FAIL; nullopt when a callback arrived.
std::optional<Outcome> flowProblem(const Observation& obs, const std::string& flow, const std::string& expected)
{
    const std::string end = obs.fact("login." + flow + ".end");
    const std::string message = obs.fact("login." + flow + ".message");
    if (end.empty())
        return skipped("precondition not met: the '" + flow + "' login flow was never started");
    if (end == "script-mismatch") // the page lacks what the login script names: fix the script, not the target
        return harnessError("script mismatch in login flow '" + flow + "': " + message, flowEvidence(obs, flow));
    if (end == "transport")
        return harnessError("login flow '" + flow + "' could not run: " + message, flowEvidence(obs, flow));
    if (end != "callback")
        return failed(expected, message, flowEvidence(obs, flow));
    return std::nullopt;
}

Outcome checkSuccessRedirect(const Observation& obs)
{
    if (!obs.expectAuthorized)
        return skipped("this variant expects no authorization (see AZ-010)");
    const std::string expected = "a redirect to the registered redirect_uri carrying code";
    if (auto problem = flowProblem(obs, "main", expected))
        return *problem;
    const Params cb = parseQuery(obs.fact("cb.main"));
    if (!findParam(cb, "code"))
        return failed(expected, "redirect without code: " + obs.fact("cb.main"), flowEvidence(obs, "main"));
    if (obs.fact("login.main.delivered") != "yes")
        return harnessError("the redirect did not reach the runner's loopback listener", flowEvidence(obs, "main"));
    return passed("code received at the loopback redirect listener", flowEvidence(obs, "main"));
}

Outcome checkStateEcho(const Observation& obs)
{
    if (!obs.expectAuthorized)
        return skipped("this variant expects no authorization (see AZ-010)");
    if (obs.fact("login.main.end") != "callback")
        return skipped("no redirect to the client to inspect (see AZ-001)");
    const std::string sent = obs.fact("state.main");
    const std::optional<std::string> got = findParam(parseQuery(obs.fact("cb.main")), "state");
    if (!got)
        return failed("state=" + sent, "no state parameter on the redirect", flowEvidence(obs, "main"));
    if (*got != sent)
        return failed("state=" + sent, "state=" + *got, flowEvidence(obs, "main"));
    return passed("state echoed unchanged", flowEvidence(obs, "main"));
}

// A malformed request from a known client with a registered redirect_uri: error redirect, state, no code, no login.
Outcome errorRedirect(const Observation& obs, const std::string& step, const std::string& error)
{
    Needed n = need(obs, {}, step);
    if (n.stop)
        return *n.stop;
    const std::string expected = "302 to redirect_uri with error=" + error + ", the state and no code";
    const std::string location = responseHeader(*n.ex, "Location");
    if (n.ex->status == 200 && n.ex->responseBody.find("<form") != std::string::npos)
        return failed(expected, "200 with a page containing a form (login shown before validating the request)",
            {step});
    if (n.ex->status != 302 && n.ex->status != 303)
        return failed(expected, brief(*n.ex), {step});
    if (stripQuery(location) != stripQuery(obs.fact("redirect_uri")))
        return failed(expected, "redirect to " + location, {step});
    if (hasParam(location, "code"))
        return failed(expected, "the redirect carries a code", {step});
    const std::string got = queryParam(location, "error").value_or("");
    if (got != error)
        return failed(expected, got.empty() ? "no error parameter" : "error=" + got, {step});
    if (queryParam(location, "state").value_or("") != obs.fact("state.neg"))
        return failed(expected, "state missing or changed on the error redirect", {step});
    return passed("error=" + error + " with state, before any login page", {step});
}

// A request whose client or redirect_uri cannot be trusted: an error page, never a redirect.
Outcome errorPage(const Observation& obs, const std::string& step)
{
    Needed n = need(obs, {}, step);
    if (n.stop)
        return *n.stop;
    const std::string expected = "400/401/403 error page and no redirect";
    const std::string location = responseHeader(*n.ex, "Location");
    if (!location.empty())
        return failed(expected, std::to_string(n.ex->status) + " redirect to " + location, {step});
    if (n.ex->status != 400 && n.ex->status != 401 && n.ex->status != 403)
        return failed(expected, brief(*n.ex), {step});
    return passed(std::to_string(n.ex->status) + " error page, no redirect", {step});
}

Outcome checkBadResponseType(const Observation& o) { return errorRedirect(o, "authz.bad_response_type", "unsupported_response_type"); }
Outcome checkMissingResponseType(const Observation& o) { return errorRedirect(o, "authz.missing_response_type", "invalid_request"); }
Outcome checkBadScope(const Observation& o) { return errorRedirect(o, "authz.bad_scope", "invalid_scope"); }
Outcome checkUnknownClient(const Observation& o) { return errorPage(o, "authz.unknown_client"); }
Outcome checkMissingClient(const Observation& o) { return errorPage(o, "authz.missing_client"); }
Outcome checkForeignRedirect(const Observation& o) { return errorPage(o, "authz.foreign_redirect"); }

Outcome checkDecline(const Observation& obs)
{
    if (!obs.expectAuthorized)
        return skipped("this variant expects no authorization (see AZ-010)");
    if (auto gate = obs.gates.find("authorized"); gate != obs.gates.end())
        return skipped(gate->second);
    const std::string expected = "redirect to redirect_uri with error=access_denied, the state and no code";
    if (auto problem = flowProblem(obs, "decline", expected))
        return *problem;
    const Params cb = parseQuery(obs.fact("cb.decline"));
    if (findParam(cb, "code"))
        return failed(expected, "the decline redirect carries a code", flowEvidence(obs, "decline"));
    if (findParam(cb, "error").value_or("") != "access_denied")
        return failed(expected, "redirect query: " + obs.fact("cb.decline"), flowEvidence(obs, "decline"));
    if (findParam(cb, "state").value_or("") != obs.fact("state.decline"))
        return failed(expected, "state missing or changed", flowEvidence(obs, "decline"));
    return passed("error=access_denied with state", flowEvidence(obs, "decline"));
}

Outcome checkBadLoginNoCode(const Observation& obs)
{
    if (obs.expectAuthorized)
        return skipped("this variant expects an authorization");
    const std::string end = obs.fact("login.nocode.end");
    if (end.empty() || end == "transport")
        return harnessError("the login flow could not run: " + obs.fact("login.nocode.message"),
            flowEvidence(obs, "nocode"));
    if (end == "callback" && findParam(parseQuery(obs.fact("cb.nocode")), "code"))
        return failed("no code for a customer that cannot be found", "a code was issued",
            flowEvidence(obs, "nocode"));
    const std::string shown = obs.fact("login.nocode.page_error");
    return passed("no code issued" + (shown.empty() ? std::string() : " (page error: " + shown + ")"),
        flowEvidence(obs, "nocode"));
}

RunnerCheck make(const char* id, const char* ref, const char* requirement, RunnerCheckFn fn)
{
    return RunnerCheck{CheckRecord{id, ref, Level::Must, requirement, "oauth-authorize"}, "oauth-authorize", fn};
}

} // namespace

void addAuthorizeChecks(std::vector<RunnerCheck>& out)
{
    out.push_back(make("AZ-001", "RFC 6749 §4.1.2", "An approved authorization request redirects to the registered redirect_uri with an authorization code.", checkSuccessRedirect));
    out.push_back(make("AZ-002", "RFC 6749 §4.1.2", "The authorization response echoes the client's state parameter unchanged.", checkStateEcho));
    out.push_back(make("AZ-003", "GBA OAD001; RFC 6749 §4.1.2.1", "An unsupported response_type is answered with an error=unsupported_response_type redirect (with state, no code) before any login page.", checkBadResponseType));
    out.push_back(make("AZ-004", "GBA OAD001; RFC 6749 §4.1.2.1", "A missing response_type is answered with an error=invalid_request redirect (with state, no code) before any login page.", checkMissingResponseType));
    out.push_back(make("AZ-005", "GBA OAD001; RFC 6749 §4.1.2.1", "An invalid scope such as FB=???? is answered with an error=invalid_scope redirect (with state, no code) before any login page.", checkBadScope));
    out.push_back(make("AZ-006", "GBA OAD003; RFC 6749 §4.1.2.1", "An unknown client_id gets an error page, never a redirect.", checkUnknownClient));
    out.push_back(make("AZ-007", "GBA OAD003; RFC 6749 §4.1.2.1", "A missing client_id gets an error page, never a redirect.", checkMissingClient));
    out.push_back(make("AZ-008", "GBA OAD003; RFC 6749 §4.1.2.1, §10.15", "An unregistered redirect_uri gets an error page, never a redirect to it (no open redirect).", checkForeignRedirect));
    out.push_back(make("AZ-009", "GBA OAD002; RFC 6749 §4.1.2.1", "A customer who declines is sent back with error=access_denied and the state, without a code.", checkDecline));
    out.push_back(make("AZ-010", "UtilityAPI seed pages (badlogin scenario)", "A customer that cannot be found (badlogin) never yields an authorization code.", checkBadLoginNoCode));
}

} // namespace gbc

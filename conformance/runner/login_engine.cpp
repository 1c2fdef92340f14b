// Login engine: open, fill, fillFromElement, submit and choose over scanned HTML; redirects followed by hand.
#include "login_engine.h"

#include "callback_listener.h"

#include <cctype>

namespace gbc {

const char* toString(LoginEnd end)
{
    switch (end) {
    case LoginEnd::Callback: return "callback";
    case LoginEnd::Page: return "page";
    case LoginEnd::TargetError: return "target-error";
    case LoginEnd::ScriptMismatch: return "script-mismatch";
    case LoginEnd::Transport: return "transport";
    }
    return "?";
}

namespace {

bool sameEndpoint(const std::string& location, const std::string& redirectUri)
{
    const std::string a = stripQuery(location), b = stripQuery(redirectUri);
    if (a == b)
        return true;
    Result<Url> ua = parseUrl(a), ub = parseUrl(b); // loopback redirect URIs match on any port (RFC 8252 §7.3)
    return ua && ub && ua->isLoopback() && ub->isLoopback() && ua->path == ub->path && ua->scheme == ub->scheme;
}

std::string errorOf(const HtmlPage& page)
{
    const HtmlElement* e = page.element("error");
    if (!e)
        return {};
    auto it = e->attributes.find("data-error");
    return it != e->attributes.end() && !it->second.empty() ? it->second : (e->text.empty() ? "error" : e->text);
}

} // namespace

std::string LoginEngine::nextStep()
{
    return "login." + run_.flow + "." + std::to_string(++counter_);
}

void LoginEngine::keepCookies(const HttpExchange& e)
{
    for (const auto& [k, v] : e.responseHeaders) {
        std::string name = k;
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name != "set-cookie")
            continue;
        const std::string pair = v.substr(0, v.find(';'));
        const std::size_t eq = pair.find('=');
        if (eq != std::string::npos && eq > 0)
            cookies_[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
}

void LoginEngine::deliver(const std::string& location, LoginResult& result)
{
    result.end = LoginEnd::Callback;
    result.callbackUrl = location;
    const std::size_t q = location.find('?');
    result.callback = q == std::string::npos ? Params{} : parseQuery(location.substr(q + 1, location.find('#') - q - 1));
    if (!listener_)
        return;
    Result<Url> loc = parseUrl(location);
    if (!loc || !loc->isLoopback() || loc->port != listener_->port())
        return;
    listener_->take(); // forget anything stale
    const HttpExchange& e = recorder_.record("callback." + run_.flow, OutgoingRequest{"GET", location, {}, "", ""});
    result.steps.push_back("callback." + run_.flow);
    if (std::optional<Params> got = listener_->take(); got && e.status == 200) {
        result.callback = *got;
        result.delivered = true;
    }
}

std::string LoginEngine::cookieHeader() const
{
    std::string cookie;
    for (const auto& [k, v] : cookies_)
        cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    return cookie;
}

void LoginEngine::landOn(const HttpExchange& e, const std::string& url, LoginResult& result)
{
    page_ = scanHtml(e.responseBody);
    for (const HtmlForm& f : page_.forms) // opaque session handles make evidence differ run to run
        for (const HtmlControl& c : f.controls)
            if (c.type == "hidden" && c.value.size() >= 16)
                recorder_.noteSecret(c.value, "hidden:" + c.name);
    pageUrl_ = url;
    hasPage_ = true;
    result.pageError = errorOf(page_);
}

bool LoginEngine::navigate(OutgoingRequest request, LoginResult& result)
{
    for (int hop = 0; hop < 10; ++hop) {
        if (!cookies_.empty())
            request.headers.emplace_back("Cookie", cookieHeader());
        const std::string step = result.steps.empty() ? "login." + run_.flow + ".open" : nextStep();
        if (result.firstStep.empty())
            result.firstStep = step;
        const HttpExchange& e = recorder_.record(step, request);
        result.steps.push_back(step);
        if (e.status == 0) {
            result.end = LoginEnd::Transport;
            result.message = "no answer from " + request.url + ": " + e.error;
            return false;
        }
        keepCookies(e);
        const std::string location = responseHeader(e, "Location");
        if (e.status >= 300 && e.status < 400 && !location.empty()) {
            const std::string next = resolveUrl(request.url, location);
            if (sameEndpoint(next, run_.redirectUri)) {
                deliver(next, result);
                return false;
            }
            request = OutgoingRequest{"GET", next, {}, "", ""};
            continue;
        }
        landOn(e, request.url, result);
        if (e.status >= 400) {
            result.end = LoginEnd::TargetError;
            result.message = "the target answered " + std::to_string(e.status) +
                (result.pageError.empty() ? "" : " (" + result.pageError + ")") + " at " + step;
            return false;
        }
        return true;
    }
    result.end = LoginEnd::TargetError;
    result.message = "more than 10 redirects without reaching redirect_uri";
    return false;
}

bool LoginEngine::mismatch(const std::string& message, LoginResult& result)
{
    if (!result.pageError.empty()) {
        result.end = LoginEnd::TargetError;
        result.message = "the page shows an error (" + result.pageError + ") instead of continuing: " + message;
    } else {
        result.end = LoginEnd::ScriptMismatch;
        result.message = message;
    }
    return false;
}

const HtmlForm* LoginEngine::pickForm(const LoginStep& step) const
{
    for (const HtmlForm& f : page_.forms) {
        if (!step.formId.empty()) {
            if (f.id == step.formId)
                return &f;
            continue;
        }
        if (step.action == LoginAction::Choose) {
            const auto& [name, value] = *step.fields.begin();
            if (f.findButton(name, substituteVars(value, run_.vars)))
                return &f;
            continue;
        }
        bool holdsFills = !fills_.empty();
        for (const auto& [name, value] : fills_)
            holdsFills = holdsFills && f.hasControl(name);
        if (holdsFills || fills_.empty())
            return &f;
    }
    return nullptr;
}

bool LoginEngine::submit(const HtmlForm& form, const HtmlControl* button, LoginResult& result)
{
    const Params fields = formSubmission(form, fills_, button);
    fills_.clear();
    const std::string action = resolveUrl(pageUrl_, form.action.empty() ? pageUrl_ : form.action);
    if (form.method == "post")
        return navigate({"POST", action, {}, formEncode(fields), "application/x-www-form-urlencoded"}, result);
    return navigate({"GET", withParams(stripQuery(action), fields), {}, "", ""}, result);
}

bool LoginEngine::applyStep(const LoginStep& step, LoginResult& result)
{
    if (step.action == LoginAction::Open)
        return navigate({"GET", run_.authorizeUrl, {}, "", ""}, result);
    if (!hasPage_)
        return mismatch(step.where + ": no page is open (start the script with {\"open\": \"authorize\"})", result);
    if (!result.pageError.empty())
        return mismatch(step.where + ": cannot continue", result);
    switch (step.action) {
    case LoginAction::Fill:
        for (const auto& [name, value] : step.fields) {
            bool found = false;
            for (const HtmlForm& f : page_.forms)
                found = found || f.hasControl(name);
            if (!found)
                return mismatch(step.where + ": the page has no field named '" + name + "'", result);
            fills_[name] = substituteVars(value, run_.vars);
        }
        return true;
    case LoginAction::FillFromElement: {
        const HtmlElement* e = page_.element(step.elementId);
        if (!e)
            return mismatch(step.where + ": the page has no element id=\"" + step.elementId + "\"", result);
        auto attr = e->attributes.find(step.attribute);
        if (!step.attribute.empty() && attr == e->attributes.end())
            return mismatch(step.where + ": element id=\"" + step.elementId + "\" has no attribute '" + step.attribute + "'",
                            result);
        fills_[step.field] = step.attribute.empty() ? e->text : attr->second;
        recorder_.noteSecret(fills_[step.field], step.field); // a one-time code shown on the page
        return true;
    }
    default: {
        const HtmlForm* form = pickForm(step);
        if (!form)
            return mismatch(step.where + ": no form on the page matches this step", result);
        const HtmlControl* button = nullptr; // submit presses the form's first (default) button, like Enter in a browser
        for (const HtmlControl& c : form->controls)
            if (!button && c.isSubmit())
                button = &c;
        if (step.action == LoginAction::Choose)
            button = form->findButton(step.fields.begin()->first, substituteVars(step.fields.begin()->second, run_.vars));
        return submit(*form, button, result);
    }
    }
}

LoginResult LoginEngine::run(const std::vector<LoginStep>& script, const LoginRun& run)
{
    run_ = run;
    hasPage_ = false;
    fills_.clear();
    cookies_.clear();
    counter_ = 0;
    LoginResult result;
    for (const LoginStep& step : script)
        if (!applyStep(step, result))
            return result;
    result.end = LoginEnd::Page;
    result.message = result.pageError.empty() ? "the login script ended on a page without a redirect to the client"
                                              : "the login script ended on an error page (" + result.pageError + ")";
    return result;
}

} // namespace gbc

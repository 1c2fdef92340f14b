// Drives a declarative login script through plain HTML login/consent pages without a browser.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "html_scan.h"
#include "recorder.h"
#include "target.h"

namespace gbc {

class CallbackListener;

struct LoginRun {
    std::string flow;         // names the steps: login.<flow>.N, callback.<flow>
    std::string authorizeUrl; // full URL with query
    std::string redirectUri;  // where the flow ends
    std::map<std::string, std::string> vars;
};

enum class LoginEnd {
    Callback,       // a redirect reached redirect_uri
    Page,           // the script ran out on a page (no redirect to the client)
    TargetError,    // the target answered 4xx/5xx or showed an error element
    ScriptMismatch, // the page has no form/field/button the script names (fix the script or the page)
    Transport,      // network fault: harness ERROR
};

struct LoginResult {
    LoginEnd end = LoginEnd::Page;
    std::string callbackUrl;
    Params callback;            // parameters as received at redirect_uri
    bool delivered = false;     // the callback reached the runner's loopback listener
    std::string message;        // why the run ended
    std::string pageError;      // data-error (or text) of an element id="error" on the last page
    std::string firstStep;      // step name of the authorize request
    std::vector<std::string> steps;
};

const char* toString(LoginEnd end);

class LoginEngine {
public:
    LoginEngine(Recorder& recorder, CallbackListener* listener) : recorder_(recorder), listener_(listener) {}
    LoginResult run(const std::vector<LoginStep>& script, const LoginRun& run);

private:
    bool navigate(OutgoingRequest request, LoginResult& result);
    bool submit(const HtmlForm& form, const HtmlControl* button, LoginResult& result);
    bool applyStep(const LoginStep& step, LoginResult& result);
    bool mismatch(const std::string& message, LoginResult& result);
    const HtmlForm* pickForm(const LoginStep& step) const;
    void deliver(const std::string& location, LoginResult& result);
    void keepCookies(const HttpExchange& e);
    std::string cookieHeader() const;
    void landOn(const HttpExchange& e, const std::string& url, LoginResult& result);
    std::string nextStep();

    Recorder& recorder_;
    CallbackListener* listener_;
    LoginRun run_;
    std::string pageUrl_;
    HtmlPage page_;
    bool hasPage_ = false;
    std::map<std::string, std::string> fills_;
    std::map<std::string, std::string> cookies_;
    int counter_ = 0;
};

} // namespace gbc

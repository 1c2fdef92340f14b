// Unit tests for the login engine over canned pages served by a fake recorder (no sockets).
#include <gtest/gtest.h>

#include <deque>

#include "login_engine.h"

using namespace gbc;

namespace {

// Answers requests from a queue of canned responses and keeps what was sent.
class FakeRecorder : public Recorder {
public:
    void push(int status, std::string body, HeaderList headers = {})
    {
        HttpExchange e;
        e.status = status;
        e.responseBody = std::move(body);
        e.responseHeaders = std::move(headers);
        answers_.push_back(e);
    }
    const HttpExchange& record(const std::string& step, const OutgoingRequest& request) override
    {
        HttpExchange e;
        if (!answers_.empty()) {
            e = answers_.front();
            answers_.pop_front();
        } else {
            e.error = "no canned answer";
        }
        e.step = step;
        e.method = request.method;
        e.url = request.url;
        e.requestHeaders = request.headers;
        e.requestBody = request.body;
        sent_.push_back(e);
        return sent_.back();
    }
    std::deque<HttpExchange> sent_;

private:
    std::deque<HttpExchange> answers_;
};

std::vector<LoginStep> script(std::initializer_list<LoginStep> steps) { return steps; }
LoginStep open() { return {LoginAction::Open, {}, "", "", "", "", "s0"}; }
LoginStep fill(std::map<std::string, std::string> f) { return {LoginAction::Fill, f, "", "", "", "", "s1"}; }
LoginStep submit() { return {LoginAction::Submit, {}, "", "", "", "", "s2"}; }
LoginStep choose(std::string v) { return {LoginAction::Choose, {{"decision", v}}, "", "", "", "", "s3"}; }

const char* kVerify = R"(<form method="post" action="/oauth/verify"><input type=hidden name=flow value=F1>
<input name="account_number"><input name="bill_amount"><button>Next</button></form>)";
const char* kConsent = R"(<form method="post" action="/oauth/consent"><input type=hidden name=flow value=F1>
<button name="decision" value="approve">Allow</button><button name="decision" value="decline">Deny</button></form>)";

LoginRun run(const std::string& decision)
{
    return {"approve", "http://as/oauth/authorize?client_id=c&state=S", "http://127.0.0.1:9/callback",
        {{"acct", "111"}, {"decision", decision}}};
}

} // namespace

// Makes sure a lastbill-style flow fills, submits, chooses and stops at the redirect to the client with code+state.
// Example failure: the consent POST missing the hidden flow field, or the redirect to the client being followed.
TEST(LoginEngine, FillSubmitChooseReachesCallback)
{
    FakeRecorder rec;
    rec.push(200, kVerify);
    rec.push(302, "", {{"Location", "/oauth/consent?flow=F1"}, {"Set-Cookie", "sid=abc; HttpOnly"}});
    rec.push(200, kConsent);
    rec.push(302, "", {{"Location", "http://127.0.0.1:9/callback?code=C0DE&state=S"}});
    LoginEngine engine(rec, nullptr);
    const LoginResult r = engine.run(script({open(), fill({{"account_number", "${acct}"}, {"bill_amount", "100"}}),
        submit(), choose("${decision}")}), run("approve"));
    EXPECT_EQ(r.end, LoginEnd::Callback) << r.message;
    EXPECT_EQ(findParam(r.callback, "code").value(), "C0DE");
    EXPECT_EQ(findParam(r.callback, "state").value(), "S");
    ASSERT_EQ(rec.sent_.size(), 4u);
    EXPECT_EQ(rec.sent_[0].step, "login.approve.open");
    EXPECT_EQ(rec.sent_[1].url, "http://as/oauth/verify");
    EXPECT_EQ(rec.sent_[1].requestBody, "flow=F1&account_number=111&bill_amount=100");
    EXPECT_EQ(rec.sent_[2].url, "http://as/oauth/consent?flow=F1");
    EXPECT_EQ(rec.sent_[3].requestBody, "flow=F1&decision=approve");
    EXPECT_EQ(rec.sent_[3].requestHeaders.at(0).second, "sid=abc");
}

// Makes sure an error page (id="error") ends the run as a target error carrying data-error.
// Example failure: a badlogin page reported as a harness script mismatch.
TEST(LoginEngine, ErrorElementEndsAsTargetError)
{
    FakeRecorder rec;
    rec.push(200, kVerify);
    rec.push(200, R"(<p id="error" data-error="customer_not_found">Customer not found</p><a href="/">back</a>)");
    LoginEngine engine(rec, nullptr);
    const LoginResult r = engine.run(script({open(), fill({{"account_number", "3"}}), submit(), choose("approve")}),
        run("approve"));
    EXPECT_EQ(r.end, LoginEnd::TargetError);
    EXPECT_EQ(r.pageError, "customer_not_found");
    EXPECT_TRUE(r.callback.empty());
}

// Makes sure a page without the field the script names is a script mismatch, and a dead server a transport fault.
// Example failure: a changed field name blamed on the target as FAIL.
TEST(LoginEngine, MismatchAndTransport)
{
    FakeRecorder rec;
    rec.push(200, kVerify);
    LoginEngine engine(rec, nullptr);
    LoginResult r = engine.run(script({open(), fill({{"username", "u"}})}), run("approve"));
    EXPECT_EQ(r.end, LoginEnd::ScriptMismatch);
    EXPECT_NE(r.message.find("'username'"), std::string::npos);
    r = engine.run(script({open()}), run("approve")); // no canned answer left
    EXPECT_EQ(r.end, LoginEnd::Transport);
}

// Makes sure fillFromElement copies an element's text, or the named attribute, and that an attribute the element
// lacks is a script mismatch, not a wrong code blamed on the target. Example failure: TARGET.md's OTP example
// ("attribute": "data-otp" on <strong id="sandbox-otp">) submitting an empty code and failing AZ-001.
TEST(LoginEngine, FillFromElementTextOrAttribute)
{
    const std::string otpPage = R"(<p>Code: <strong id="sandbox-otp" data-x="7">123456</strong></p>
<form method="post" action="/oauth/otp"><input name="otp"><button>Verify</button></form>)";
    const LoginStep text{LoginAction::FillFromElement, {}, "otp", "sandbox-otp", "", "", "s1"};
    const LoginStep attribute{LoginAction::FillFromElement, {}, "otp", "sandbox-otp", "data-otp", "", "s1"};
    FakeRecorder rec;
    rec.push(200, otpPage);
    rec.push(200, kConsent);
    LoginEngine engine(rec, nullptr);
    LoginResult r = engine.run(script({open(), text, submit()}), run("approve"));
    ASSERT_GE(rec.sent_.size(), 2u);
    EXPECT_NE(rec.sent_[1].requestBody.find("otp=123456"), std::string::npos) << rec.sent_[1].requestBody;
    FakeRecorder rec2;
    rec2.push(200, otpPage);
    LoginEngine engine2(rec2, nullptr);
    r = engine2.run(script({open(), attribute, submit()}), run("approve"));
    EXPECT_EQ(r.end, LoginEnd::ScriptMismatch);
    EXPECT_NE(r.message.find("no attribute 'data-otp'"), std::string::npos) << r.message;
    EXPECT_EQ(rec2.sent_.size(), 1u); // nothing submitted
}

// Makes sure a 4xx answer to authorize ends as a target error and a script that ends on a page says so.
// Example failure: an unknown-client 401 page treated as a login form and submitted.
TEST(LoginEngine, ErrorStatusAndScriptEndingOnPage)
{
    FakeRecorder rec;
    rec.push(401, "<h1>Unknown client</h1>");
    LoginEngine engine(rec, nullptr);
    LoginResult r = engine.run(script({open(), submit()}), run("approve"));
    EXPECT_EQ(r.end, LoginEnd::TargetError);
    EXPECT_NE(r.message.find("401"), std::string::npos);
    rec.push(200, kConsent);
    r = engine.run(script({open()}), run("approve"));
    EXPECT_EQ(r.end, LoginEnd::Page);
}

// Makes sure redirect loops are cut off instead of hanging the run.
// Example failure: a server redirecting to itself keeping the runner busy forever.
TEST(LoginEngine, RedirectLoopIsBounded)
{
    FakeRecorder rec;
    for (int i = 0; i < 20; ++i)
        rec.push(302, "", {{"Location", "/again"}});
    LoginEngine engine(rec, nullptr);
    const LoginResult r = engine.run(script({open()}), run("approve"));
    EXPECT_EQ(r.end, LoginEnd::TargetError);
    EXPECT_EQ(rec.sent_.size(), 10u);
}

// Tests of authorize request validation: page errors, redirect errors with state, PKCE parameters, defects.
#include "oauth_test_support.h"

using namespace gbc;
using gbc::oauthtest::OAuthFixture;

namespace {

const std::string kGood = "response_type=code&client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=xyz";

} // namespace

using AuthorizeTest = OAuthFixture;

// Makes sure a missing or unknown client_id gets an error page and never a redirect.
// Example failure: a 302 to the redirect_uri of an unknown client (open redirect).
TEST_F(AuthorizeTest, UnknownClientGetsPage)
{
    const HttpAnswer missing = authorize("response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb");
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(dataError(missing), "invalid_request");
    const HttpAnswer unknown = authorize("response_type=code&client_id=EVIL&redirect_uri=https%3A%2F%2Fevil.example%2F");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(dataError(unknown), "invalid_client");
    EXPECT_EQ(header(unknown, "Location"), "");
    const HttpAnswer twice = authorize(kGood + "&client_id=MOCKU_live00001");
    EXPECT_EQ(twice.status, 400);
    EXPECT_EQ(header(twice, "Location"), "");
}

// Makes sure an unregistered redirect_uri gets a page, and the echoed URI is escaped.
// Example failure: redirect to https://evil.example, or the URI's markup rendered.
TEST_F(AuthorizeTest, UnregisteredRedirectGetsPage)
{
    const HttpAnswer a = authorize("response_type=code&client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fevil.example%2F%3Cb%3E");
    EXPECT_EQ(a.status, 400);
    EXPECT_EQ(dataError(a), "invalid_redirect_uri");
    EXPECT_EQ(header(a, "Location"), "");
    EXPECT_EQ(a.body.find("<b>"), std::string::npos);
    EXPECT_NE(a.body.find("&lt;b&gt;"), std::string::npos);
    EXPECT_EQ(authorize("response_type=code&client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%2F").status, 400);
}

// Makes sure the open_redirect defect does what it says. Example failure: the defect switch has no effect.
TEST_F(AuthorizeTest, OpenRedirectDefect)
{
    ctx_.defects.insert("open_redirect");
    const HttpAnswer a = authorize("response_type=code&client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fevil.example%2F&state=s");
    EXPECT_EQ(a.status, 302);
    EXPECT_EQ(header(a, "Location").rfind("https://evil.example/?error=invalid_request", 0), 0u);
}

// Makes sure each redirectable problem redirects with the right error and the state.
// Example failure: a bad scope answered with a login page, or state dropped.
TEST_F(AuthorizeTest, RedirectableErrors)
{
    const std::string base = "client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=xyz";
    struct Case {
        std::string query;
        const char* error;
    };
    const Case cases[] = {
        {base, "invalid_request"},
        {base + "&response_type=token", "unsupported_response_type"},
        {base + "&response_type=code&scope=HistoryLength%3D5", "invalid_scope"},
        {base + "&response_type=code&scope=FB%3D4%3BHistoryLength%3Dx", "invalid_scope"},
        {base + "&response_type=code&scope=FB%3D4&scope=FB%3D5", "invalid_request"},
        {base + "&response_type=code&response_type=code", "invalid_request"},
        {base + "&response_type=code&code_challenge_method=S256", "invalid_request"},
        {base + "&response_type=code&code_challenge=short&code_challenge_method=S256", "invalid_request"},
        {base + "&response_type=code&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=MD5",
         "invalid_request"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.query);
        const HttpAnswer a = authorize(c.query);
        ASSERT_EQ(a.status, 302);
        const std::string loc = header(a, "Location");
        EXPECT_EQ(loc.rfind("https://app.example/cb?", 0), 0u);
        EXPECT_EQ(queryParam(loc, "error"), c.error);
        EXPECT_EQ(queryParam(loc, "state"), "xyz");
        EXPECT_FALSE(queryParam(loc, "error_description").empty());
    }
}

// Makes sure state is left out when the request had none and when state_not_echoed is on.
// Example failure: "state=" appended although the client sent no state.
TEST_F(AuthorizeTest, StateEchoRules)
{
    const HttpAnswer none = authorize("client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fapp.example%2Fcb");
    EXPECT_EQ(header(none, "Location").find("state="), std::string::npos);
    ctx_.defects.insert("state_not_echoed");
    const HttpAnswer dropped = authorize("client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=xyz");
    EXPECT_EQ(header(dropped, "Location").find("state="), std::string::npos);
}

// Makes sure the login_before_validation defect shows the login page for a bad request.
// Example failure: the defect switch has no effect.
TEST_F(AuthorizeTest, LoginBeforeValidationDefect)
{
    ctx_.defects.insert("login_before_validation");
    const HttpAnswer a = authorize("client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&response_type=token&scope=bad");
    EXPECT_EQ(a.status, 200);
    EXPECT_FALSE(flowId(a).empty());
}

// Makes sure a good request opens the default verification page, and a loopback redirect with any port is accepted.
// Example failure: the ESSEX-style default (lastbill) replaced by another type, or the port compared.
TEST_F(AuthorizeTest, GoodRequestShowsDefaultVerification)
{
    const HttpAnswer a = authorize(kGood);
    EXPECT_EQ(a.status, 200);
    EXPECT_NE(a.body.find("name=\"bill_amount\""), std::string::npos);
    EXPECT_NE(a.body.find("Mock &lt;Utility&gt;"), std::string::npos) << "utility name must be escaped";
    EXPECT_FALSE(flowId(a).empty());
    const HttpAnswer loop = authorize("response_type=code&client_id=MOCKU_sandbox01&redirect_uri=http%3A%2F%2F127.0.0.1%3A61234%2Fcallback");
    EXPECT_EQ(loop.status, 200);
}

// Makes sure the auth hint picks an allowed page and prefills it, and an unsupported hint falls back to the default.
// Example failure: auth-sso-jane ignored, or auth-email (not allowed here) shows an email page.
TEST_F(AuthorizeTest, AuthHintChoosesPage)
{
    const HttpAnswer sso = authorize(kGood + "&scope=FB%3D4%3BAdditionalScope%3Dauth-sso-jane");
    EXPECT_NE(sso.body.find("name=\"password\""), std::string::npos);
    EXPECT_NE(sso.body.find("value=\"jane\""), std::string::npos);
    const HttpAnswer email = authorize(kGood + "&scope=FB%3D4%3BAdditionalScope%3Dauth-email-x%2540y.z");
    EXPECT_NE(email.body.find("name=\"bill_amount\""), std::string::npos);
    const HttpAnswer prompt = authorize(kGood + "&prompt=on&scope=FB%3D4%3BAdditionalScope%3Dauth-sso");
    EXPECT_NE(prompt.body.find("prompt=on"), std::string::npos);
}

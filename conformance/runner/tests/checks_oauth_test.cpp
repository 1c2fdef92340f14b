// Pure-function tests of the OAuth authorize and token checks on canned exchanges.
#include <gtest/gtest.h>

#include "canned.h"
#include "session.h"

using namespace gbc;
using canned::json;
using canned::redirect;
using canned::run;

namespace {

Observation mainFlow(const std::string& callbackQuery)
{
    Observation o;
    o.facts = {{"login.main.end", "callback"}, {"login.main.delivered", "yes"}, {"state.main", "S1"},
        {"cb.main", callbackQuery}, {"login.main.first_step", "login.main.open"}, {"redirect_uri", "http://127.0.0.1:5/callback"},
        {"state.neg", "N1"}};
    return o;
}

} // namespace

// Makes sure AZ-001/AZ-002 pass for code+state and fail when state is dropped or changed.
// Example failure: the state_not_echoed defect going unnoticed.
TEST(AuthorizeChecks, SuccessAndStateEcho)
{
    EXPECT_EQ(run("AZ-001", mainFlow("code=C&state=S1")).verdict, Verdict::Pass);
    EXPECT_EQ(run("AZ-002", mainFlow("code=C&state=S1")).verdict, Verdict::Pass);
    const Outcome dropped = run("AZ-002", mainFlow("code=C"));
    EXPECT_EQ(dropped.verdict, Verdict::Fail);
    EXPECT_EQ(dropped.expected, "state=S1");
    EXPECT_EQ(run("AZ-002", mainFlow("code=C&state=S2")).verdict, Verdict::Fail);
    EXPECT_EQ(run("AZ-001", mainFlow("error=server_error&state=S1")).verdict, Verdict::Fail);
}

// Makes sure a flow that never reached the client is a FAIL, and a script mismatch or network fault an ERROR.
// Example failure: a dead simulator reported as a non-conforming target.
TEST(AuthorizeChecks, FlowProblemsAreFailOrError)
{
    Observation o = mainFlow("");
    o.facts["login.main.end"] = "target-error";
    o.facts["login.main.message"] = "the target answered 500";
    EXPECT_EQ(run("AZ-001", o).verdict, Verdict::Fail);
    EXPECT_EQ(run("AZ-002", o).verdict, Verdict::Skip);
    o.facts["login.main.end"] = "transport";
    EXPECT_EQ(run("AZ-001", o).verdict, Verdict::Error);
    o.facts["login.main.end"] = "script-mismatch";
    o.facts["login.main.message"] = "s4: element id=\"sandbox-otp\" has no attribute 'data-otp'";
    const Outcome mismatch = run("AZ-001", o);
    EXPECT_EQ(mismatch.verdict, Verdict::Error);
    EXPECT_NE(mismatch.message.find("script mismatch"), std::string::npos);
    o.facts.erase("login.main.end"); // the flow never started: a precondition, not a harness fault
    EXPECT_EQ(run("AZ-001", o).verdict, Verdict::Skip);
}

// Makes sure OAD001 negatives need an error redirect with state and no code, and a login page fails them.
// Example failure: login_before_validation (a login form for response_type=token) passing.
TEST(AuthorizeChecks, ErrorRedirects)
{
    Observation o = mainFlow("");
    o.steps["authz.bad_response_type"] = redirect("http://127.0.0.1:5/callback?error=unsupported_response_type&state=N1");
    EXPECT_EQ(run("AZ-003", o).verdict, Verdict::Pass);
    o.steps["authz.bad_response_type"] = canned::answer(200, "<form><input name=account_number></form>");
    const Outcome login = run("AZ-003", o);
    EXPECT_EQ(login.verdict, Verdict::Fail);
    EXPECT_NE(login.actual.find("login shown"), std::string::npos);
    o.steps["authz.bad_response_type"] = redirect("http://127.0.0.1:5/callback?error=unsupported_response_type");
    EXPECT_EQ(run("AZ-003", o).verdict, Verdict::Fail);
    o.steps["authz.bad_scope"] = redirect("http://127.0.0.1:5/callback?error=invalid_scope&state=N1&code=X");
    EXPECT_EQ(run("AZ-005", o).verdict, Verdict::Fail);
    EXPECT_EQ(run("AZ-004", o).verdict, Verdict::Skip); // step never reached: precondition, SKIP
}

// Makes sure unknown clients and foreign redirect URIs get an error page, never a redirect.
// Example failure: open_redirect sending the customer to attacker.example.
TEST(AuthorizeChecks, ErrorPagesAndOpenRedirect)
{
    Observation o;
    o.steps["authz.foreign_redirect"] = canned::answer(400, "<p id=error>bad redirect_uri</p>");
    EXPECT_EQ(run("AZ-008", o).verdict, Verdict::Pass);
    o.steps["authz.foreign_redirect"] = redirect("https://attacker.example/callback?error=invalid_request");
    EXPECT_EQ(run("AZ-008", o).verdict, Verdict::Fail);
    o.steps["authz.unknown_client"] = canned::answer(200, "<form></form>");
    EXPECT_EQ(run("AZ-006", o).verdict, Verdict::Fail);
}

// Makes sure decline needs error=access_denied with state, and badlogin must never yield a code.
// Example failure: decline_without_error or a code for a customer that was not found.
TEST(AuthorizeChecks, DeclineAndBadLogin)
{
    Observation o = mainFlow("code=C&state=S1");
    o.facts["login.decline.end"] = "callback";
    o.facts["state.decline"] = "D1";
    o.facts["cb.decline"] = "error=access_denied&state=D1";
    EXPECT_EQ(run("AZ-009", o).verdict, Verdict::Pass);
    o.facts["cb.decline"] = "state=D1";
    EXPECT_EQ(run("AZ-009", o).verdict, Verdict::Fail);
    EXPECT_EQ(run("AZ-010", o).verdict, Verdict::Skip);
    Observation bad;
    bad.expectAuthorized = false;
    bad.facts = {{"login.nocode.end", "target-error"}, {"login.nocode.page_error", "customer_not_found"}};
    EXPECT_EQ(run("AZ-010", bad).verdict, Verdict::Pass);
    bad.facts["login.nocode.end"] = "callback";
    bad.facts["cb.nocode"] = "code=X&state=Y";
    EXPECT_EQ(run("AZ-010", bad).verdict, Verdict::Fail);
    EXPECT_EQ(run("AZ-001", bad).verdict, Verdict::Skip);
}

// Makes sure the token success checks catch missing fields, a lowercase bearer and a missing resourceURI.
// Example failure: bearer_lowercase or missing_resource_uri passing TK-002/TK-003.
TEST(TokenChecks, SuccessFields)
{
    Observation o;
    const std::string good = R"({"access_token":"a","token_type":"Bearer","expires_in":3600,"refresh_token":"r",
        "scope":"FB=4","resourceURI":"http://dc/Subscription/1","authorizationURI":"http://dc/Authorization/1"})";
    o.steps["token.main"] = json(200, good, {{"Cache-Control", "no-store"}});
    for (const char* id : {"TK-001", "TK-002", "TK-003", "TK-004"})
        EXPECT_EQ(run(id, o).verdict, Verdict::Pass) << id;
    o.steps["token.main"] = json(200, R"({"access_token":"a","token_type":"bearer","expires_in":3600,"refresh_token":"r","scope":"x"})");
    EXPECT_EQ(run("TK-001", o).verdict, Verdict::Pass);
    EXPECT_EQ(run("TK-002", o).verdict, Verdict::Fail);
    EXPECT_EQ(run("TK-003", o).verdict, Verdict::Fail);
    EXPECT_EQ(run("TK-004", o).verdict, Verdict::Fail);
    o.steps["token.main"] = json(200, R"({"access_token":"a","token_type":"Bearer","expires_in":"3600"})");
    EXPECT_EQ(run("TK-001", o).verdict, Verdict::Fail);
    o.gates["authorized"] = "no code";
    EXPECT_EQ(run("TK-001", o).verdict, Verdict::Skip);
}

// Makes sure negative token requests need the exact status and RFC 6749 error code.
// Example failure: code_reusable (200 on the second exchange) or a 400 where 401 invalid_client is due.
TEST(TokenChecks, NegativeCases)
{
    Observation o;
    o.steps["token.reuse_first"] = json(200, R"({"access_token":"a"})");
    o.steps["token.reuse_second"] = json(400, R"({"error":"invalid_grant"})");
    EXPECT_EQ(run("TK-005", o).verdict, Verdict::Pass);
    o.steps["token.reuse_second"] = json(200, R"({"access_token":"b"})");
    EXPECT_EQ(run("TK-005", o).verdict, Verdict::Fail);
    o.steps["token.bad_basic"] = json(401, R"({"error":"invalid_client"})", {{"WWW-Authenticate", "Basic realm=x"}});
    EXPECT_EQ(run("TK-008", o).verdict, Verdict::Pass);
    o.steps["token.bad_basic"] = json(401, R"({"error":"invalid_client"})");
    EXPECT_EQ(run("TK-008", o).verdict, Verdict::Fail);
    o.steps["token.double_auth"] = json(400, R"({"error":"invalid_grant"})");
    EXPECT_EQ(run("TK-009", o).verdict, Verdict::Fail);
    o.steps["token.refresh_changed_scope"] = json(200, R"({"access_token":"c"})");
    EXPECT_EQ(run("TK-018", o).verdict, Verdict::Fail);
    o.steps["token.client_credentials"] = json(200, R"({"access_token":"c","token_type":"Bearer","refresh_token":"r"})");
    EXPECT_EQ(run("TK-020", o).verdict, Verdict::Fail);
    o.gates["clock"] = "needs a clock";
    EXPECT_EQ(run("TK-015", o).verdict, Verdict::Skip);
    o.steps["token.missing_code"] = HttpExchange{}; // no answer: network fault
    EXPECT_EQ(run("TK-011", o).verdict, Verdict::Error);
}

// Makes sure HTTP Basic credentials are form-urlencoded before Base64 (RFC 6749 §2.3.1), so '+', '/', '=', ':', '%'
// and a space in a secret survive a server that decodes per the RFC. Example failure: base64("id:secret") raw.
TEST(TokenRequests, BasicCredentialsAreFormUrlEncoded)
{
    EXPECT_EQ(basicCredentials("DEMO id", "sandbox_secret+/=:% x"), "REVNTyUyMGlkOnNhbmRib3hfc2VjcmV0JTJCJTJGJTNEJTNBJTI1JTIweA==");
    EXPECT_EQ(basicCredentials("abc", "def"), "YWJjOmRlZg==");
}

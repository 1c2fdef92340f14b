// Tests of the authorize session: verification per type, one-time codes, refusals, consent and the record.
#include "oauth_test_support.h"

using namespace gbc;
using gbc::oauthtest::kStart;
using gbc::oauthtest::OAuthFixture;

namespace {

const std::string kStartQuery = "response_type=code&client_id=MOCKU_sandbox01&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=st";

} // namespace

class FlowTest : public OAuthFixture {
protected:
    std::string begin(const std::string& scope = "")
    {
        return flowId(authorize(kStartQuery + (scope.empty() ? "" : "&scope=" + scope)));
    }
};

// Makes sure the latest-bill check finds the customer with amounts written differently, and rejects wrong
// details with customer_not_found and no code. Example failure: "100" not matching "100.0".
TEST_F(FlowTest, LastbillVerification)
{
    const std::string flow = begin();
    const HttpAnswer wrong = step("flow=" + flow + "&action=verify&account_number=111-1&bill_amount=99&bill_date=2023-07-01");
    EXPECT_EQ(dataError(wrong), "customer_not_found");
    EXPECT_EQ(header(wrong, "Location"), "");
    const HttpAnswer ok = step("flow=" + flow + "&action=verify&account_number=111-1&bill_amount=%24100&bill_date=2023-07-01");
    EXPECT_EQ(ok.status, 200);
    EXPECT_NE(ok.body.find("value=\"approve\""), std::string::npos);
    EXPECT_EQ(dataError(ok), "");
}

// Makes sure the badlogin scenario never reaches consent by any route. Example failure: a code for test_badlogin.
TEST_F(FlowTest, BadloginNeverGetsConsent)
{
    const HttpAnswer viaHint = authorize(kStartQuery + "&scope=FB%3D4%3BAdditionalScope%3Dauth-test-test_badlogin");
    EXPECT_EQ(dataError(viaHint), "customer_not_found");
    const std::string flow = flowId(viaHint);
    EXPECT_EQ(dataError(step("flow=" + flow + "&action=verify&test_account=test_badlogin")), "customer_not_found");
    const HttpAnswer approve = step("flow=" + flow + "&decision=approve&service=0");
    EXPECT_EQ(approve.status, 400);
    EXPECT_EQ(header(approve, "Location"), "");
    const std::string lastbill = begin();
    EXPECT_EQ(dataError(step("flow=" + lastbill + "&action=verify&account_number=333-3&bill_amount=300&bill_date=2023-07-03")),
              "customer_not_found");
}

// Makes sure a sandbox client is refused a non-test customer with a clear message. Example failure: consent shown.
TEST_F(FlowTest, SandboxClientRefusedForRealCustomer)
{
    const std::string flow = begin("FB%3D4%3BAdditionalScope%3Dauth-sso");
    const HttpAnswer a = step("flow=" + flow + "&action=verify&username=real_person&password=pw_real");
    EXPECT_EQ(dataError(a), "sandbox_client");
    EXPECT_NE(a.body.find("sandbox mode"), std::string::npos);
    EXPECT_EQ(dataError(step("flow=" + flow + "&action=verify&username=test_residential&password=wrong")), "customer_not_found");
}

// Makes sure the phone lookup leads to a one-time code shown in sandbox, wrong codes are refused and five
// wrong codes end the session with access_denied. Example failure: the OTP accepted in any form.
TEST_F(FlowTest, LookupOneTimeCode)
{
    const std::string flow = begin("FB%3D4%3BAdditionalScope%3Dauth-phone");
    const HttpAnswer otp = step("flow=" + flow + "&action=verify&lookup_value=%28111%29+111-1111");
    const std::string code = match(otp.body, R"(id="sandbox-otp">(\d{6})<)");
    ASSERT_EQ(code.size(), 6u) << otp.body;
    EXPECT_EQ(dataError(step("flow=" + flow + "&action=otp&otp=" + (code == "000000" ? "111111" : "000000"))), "invalid_otp");
    const HttpAnswer consent = step("flow=" + flow + "&action=otp&otp=" + code);
    EXPECT_NE(consent.body.find("value=\"approve\""), std::string::npos);

    const std::string other = flowId(authorize(kStartQuery + "&scope=FB%3D4%3BAdditionalScope%3Dauth-phone-%2B11111111111"));
    HttpAnswer last;
    for (int i = 0; i < kMaxOtpAttempts; ++i)
        last = step("flow=" + other + "&action=otp&otp=x");
    EXPECT_EQ(last.status, 302);
    EXPECT_EQ(queryParam(header(last, "Location"), "error"), "access_denied");
    EXPECT_EQ(dataError(step("flow=" + other + "&action=otp&otp=x")), "session_expired");
}

// Makes sure cancel and decline redirect with access_denied and state, and the decline defect drops the error.
// Example failure: decline answered with a code.
TEST_F(FlowTest, CancelAndDecline)
{
    const HttpAnswer cancel = step("flow=" + begin() + "&action=cancel");
    EXPECT_EQ(queryParam(header(cancel, "Location"), "error"), "access_denied");
    EXPECT_EQ(queryParam(header(cancel, "Location"), "state"), "st");
    const std::string flow = begin("FB%3D4%3BAdditionalScope%3Dauth-test-test_residential");
    const HttpAnswer decline = step("flow=" + flow + "&decision=decline");
    EXPECT_EQ(queryParam(header(decline, "Location"), "error"), "access_denied");
    EXPECT_EQ(queryParam(header(decline, "Location"), "code"), "");
    EXPECT_TRUE(store_.authorizationsOf("MOCKU_sandbox01").empty());
    ctx_.defects.insert("decline_without_error");
    const HttpAnswer quiet = step("flow=" + begin("FB%3D4%3BAdditionalScope%3Dauth-test-test_residential") + "&decision=decline");
    EXPECT_EQ(header(quiet, "Location"), "https://app.example/cb?state=st");
}

// Makes sure approval creates the authorization record from the scope, the consent form and the scenario.
// Example failure: sharedServices ignoring unchecked boxes, or dataReadyAt not delayed.
TEST_F(FlowTest, ApprovalCreatesRecord)
{
    const std::string flow = begin("FB%3D4_51%3BHistoryLength%3D86400%3BAdditionalScope%3Dauth-test-test_residential");
    EXPECT_EQ(dataError(step("flow=" + flow + "&decision=approve")), "no_services_selected");
    const HttpAnswer done = step("flow=" + flow + "&decision=approve&service=1&service=9");
    ASSERT_EQ(done.status, 302);
    EXPECT_EQ(queryParam(header(done, "Location"), "code").size(), 64u);
    const auto records = store_.authorizationsOf("MOCKU_sandbox01");
    ASSERT_EQ(records.size(), 1u);
    const AuthorizationRecord& r = records[0];
    EXPECT_EQ(r.customerId, "res");
    EXPECT_EQ(r.utilityId, "MOCKU");
    EXPECT_EQ(r.scope, "FB=4_51;HistoryLength=86400;AdditionalScope=auth-test-test_residential");
    EXPECT_EQ(r.functionBlocks, (std::vector<int>{4, 51}));
    EXPECT_EQ(r.historyLengthSeconds, 86400);
    EXPECT_EQ(r.sharedServices, (std::vector<std::size_t>{1}));
    EXPECT_EQ(r.created, kStart);
    EXPECT_EQ(r.dataReadyAt, kStart);
    EXPECT_EQ(r.expires, kStart + kDefaultAuthorizationSeconds);
    EXPECT_TRUE(r.isTest);
    EXPECT_EQ(dataError(step("flow=" + flow + "&decision=approve&service=0")), "session_expired") << "one approval per session";
}

// Makes sure a live client reaches a real customer and the scenario's collection delay sets dataReadyAt.
// Example failure: dataReadyAt equal to created for the slow scenario.
TEST_F(FlowTest, LiveClientAndCollectionDelay)
{
    const std::string flow = flowId(authorize("response_type=code&client_id=MOCKU_live00001&redirect_uri=https%3A%2F%2Flive.example%2Fcb"
                                              "&scope=FB%3D4%3BPreferredAuthEndDate%3D0"));
    step("flow=" + flow + "&action=verify&account_number=555-5&bill_amount=55.55&bill_date=2023-05-05");
    const HttpAnswer done = step("flow=" + flow + "&decision=approve&service=0");
    ASSERT_EQ(done.status, 302);
    const auto records = store_.authorizationsOf("MOCKU_live00001");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].dataReadyAt, kStart + 900);
    EXPECT_EQ(records[0].expires, 0) << "PreferredAuthEndDate=0 means until revoked";
    EXPECT_FALSE(records[0].isTest);
}

// Makes sure sessions expire after 30 minutes, belong to one utility, and foreign steps are refused.
// Example failure: a stale session accepted an hour later.
TEST_F(FlowTest, SessionRules)
{
    const std::string flow = begin();
    EXPECT_EQ(dataError(step("flow=" + flow + "&action=otp&otp=1")), "invalid_step");
    EXPECT_EQ(dataError(step("flow=nope&action=verify")), "session_expired");
    clock_.advance(kFlowLifetimeSeconds);
    EXPECT_EQ(dataError(step("flow=" + flow + "&action=verify&test_account=test_residential")), "session_expired");
}

// Makes sure "verify another way" switches to an allowed type only. Example failure: switching to email (not allowed).
TEST_F(FlowTest, MethodSwitch)
{
    const std::string flow = begin();
    EXPECT_NE(step("flow=" + flow + "&action=method&method=email").body.find("name=\"bill_amount\""), std::string::npos);
    EXPECT_NE(step("flow=" + flow + "&action=method&method=sso").body.find("name=\"password\""), std::string::npos);
}

// Makes sure a request without redirect_uri ends on a receipt page showing the code. Example failure: 302 to "".
TEST_F(FlowTest, ReceiptWithoutRedirectUri)
{
    const std::string flow = flowId(authorize("response_type=code&client_id=MOCKU_sandbox01&scope=FB%3D4%3BAdditionalScope%3Dauth-test-test_residential"));
    const HttpAnswer done = step("flow=" + flow + "&decision=approve&service=0");
    EXPECT_EQ(done.status, 200);
    EXPECT_EQ(header(done, "Location"), "");
    EXPECT_EQ(match(done.body, R"(id="code">([0-9a-f]+)<)").size(), 64u);
}

// Makes sure the runtime mode switch (/__sim/clients/{id}/mode) decides, not the catalogue's mode alone.
// Example failure: a client switched to live still refused a real customer.
TEST_F(FlowTest, RuntimeModeSwitchIsHonoured)
{
    ctx_.modes->set("MOCKU_sandbox01", ClientMode::Live);
    const std::string flow = begin("FB%3D4%3BAdditionalScope%3Dauth-sso");
    const HttpAnswer a = step("flow=" + flow + "&action=verify&username=real_person&password=pw_real");
    EXPECT_EQ(dataError(a), "");
    EXPECT_NE(a.body.find("value=\"approve\""), std::string::npos);
}

// Route-level tests of the Green Button proxy flow (form -> utility login -> sharing choices -> final step) and of
// the proxy authorization as the JSON API shows it (four products, no bill PDFs).
#include "api_harness.h"
#include "espi_ids.h"

namespace gbc {
namespace {

constexpr const char* kPgeToken = "pge_sandbox_api_token_0001";
constexpr const char* kForm = "/gb-proxy/form-PGE_ccccccccc";

std::string sessionOf(const ApiResponse& r)
{
    const std::string loc = r.header("Location");
    const std::size_t at = loc.find("session=");
    return at == std::string::npos ? "" : loc.substr(at + 8);
}

class ProxyFlow : public ::testing::Test {
protected:
    // Form + confirmation; returns the session id of the login step.
    std::string confirmForm(std::multimap<std::string, std::string> extra = {})
    {
        extra.insert({{"email", "heather.homeowner@example.com"}, {"confirm", "yes"}});
        auto r = h.submitForm(kForm, extra);
        EXPECT_EQ(r.status, 303) << r.body;
        EXPECT_EQ(r.header("Location").rfind("/gb-proxy/utility/PGE/login?session=", 0), 0u);
        return sessionOf(r);
    }
    ApiResponse login(const std::string& session, const std::string& user, const std::string& password)
    {
        return h.submitForm("/gb-proxy/utility/PGE/login", {{"session", session}, {"username", user}, {"password", password}});
    }
    // Walks every step with the test_residential login; returns the final answer.
    ApiResponse walk(std::multimap<std::string, std::string> extra = {})
    {
        const std::string s = confirmForm(std::move(extra));
        EXPECT_EQ(login(s, "test_residential", "test_residential").status, 303);
        auto share = h.submitForm("/gb-proxy/utility/PGE/share", {{"session", s}, {"service", "0"}, {"data", "usage"}, {"data", "billing"}});
        EXPECT_EQ(share.status, 303) << share.body;
        EXPECT_EQ(share.header("Location"), "/gb-proxy/form-PGE_ccccccccc/final?session=" + s);
        auto page = h.get("/gb-proxy/form-PGE_ccccccccc/final", {{"session", s}}, "");
        EXPECT_NE(page.body.find("Continue to Final Step"), std::string::npos);
        return h.submitForm("/gb-proxy/form-PGE_ccccccccc/final", {{"session", s}});
    }

    ApiHarness h;
};

// Makes sure the whole walk creates an authorization for the chosen service that the JSON API shows with its form.
// Example failure: the final "Continue to Final Step" does not create anything.
TEST_F(ProxyFlow, WalkCreatesAuthorization)
{
    auto form = h.get("/pge/gb-oauth/form-PGE_ccccccccc", {{"email", "heather.homeowner@example.com"}}, "");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Continue to Final Step"), std::string::npos);
    EXPECT_NE(form.body.find("Test Company"), std::string::npos);
    auto done = walk();
    ASSERT_EQ(done.status, 200) << done.body;
    auto all = h.directory.authorizationsOf("PGE_ccccccccc");
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].customerId, "pge-residential");
    EXPECT_EQ(all[0].sharedServices, std::vector<std::size_t>{0});
    EXPECT_NE(done.body.find("<code id=\"authorization-uid\">" + all[0].uid + "</code>"), std::string::npos);
    auto json = h.get("/api/v2/authorizations/" + all[0].uid, {{"include", "meters"}}, kPgeToken);
    EXPECT_EQ(json.json["form_uid"], "form-PGE_ccccccccc");
    EXPECT_EQ(json.json["meters"]["meters"].size(), 1u);
    const std::string meter = usagePointId(all[0].uid, 0);
    EXPECT_EQ(h.get("/api/v2/bills", {{"meters", meter}}, kPgeToken).status, 200);
    EXPECT_EQ(h.get("/api/v2/intervals", {{"meters", meter}, {"limit", "1"}}, kPgeToken).status, 200);
    EXPECT_EQ(h.get("/api/v2/accounting/billing-accounts", {}, kPgeToken).json["billing_accounts"].size(), 1u);
    auto pdf = h.get("/api/v2/files/latest_pdf", {{"meter", meter}}, kPgeToken);
    EXPECT_EQ(pdf.status, 404);
    EXPECT_EQ(pdf.json["error"], "file_unavailable");
    EXPECT_NE(pdf.json["error_description"].get<std::string>().find("Green Button proxy"), std::string::npos);
}

// Makes sure each step rejects bad input with a located error and stays on its page.
// Example failure: a wrong password moving on to the sharing page.
TEST_F(ProxyFlow, StepsRejectBadInput)
{
    auto noConfirm = h.submitForm(kForm, {{"email", "a@b.com"}});
    EXPECT_EQ(noConfirm.status, 400);
    EXPECT_NE(noConfirm.body.find("data-error=\"proxy.not_confirmed\""), std::string::npos);
    EXPECT_NE(h.submitForm(kForm, {{"email", "nobody"}, {"confirm", "yes"}}).body.find("proxy.bad_email"), std::string::npos);
    const std::string s = confirmForm();
    EXPECT_NE(login(s, "test_residential", "wrong").body.find("proxy.bad_login"), std::string::npos);
    EXPECT_NE(login(s, "test_badlogin", "test_badlogin").body.find("proxy.customer_not_found"), std::string::npos);
    EXPECT_NE(login(s, "real_customer", "real_password").body.find("proxy.sandbox_client"), std::string::npos);
    ASSERT_EQ(login(s, "test_residential", "test_residential").status, 303);
    auto none = h.submitForm("/gb-proxy/utility/PGE/share", {{"session", s}, {"data", "usage"}});
    EXPECT_NE(none.body.find("proxy.no_service"), std::string::npos);
    EXPECT_NE(h.submitForm("/gb-proxy/utility/PGE/share", {{"session", s}, {"service", "7"}, {"data", "usage"}}).body.find("proxy.bad_service"),
              std::string::npos);
    EXPECT_EQ(h.submitForm("/gb-proxy/form-PGE_ccccccccc/final", {{"session", s}}).status, 400); // not at the final step yet
    EXPECT_EQ(h.submitForm("/gb-proxy/utility/PGE/login", {{"session", "forged"}, {"username", "x"}}).status, 400);
    EXPECT_EQ(h.get("/gb-proxy/form-EPE_ccccccccc", {}, "").status, 404); // EPE is not a proxy utility
    EXPECT_TRUE(h.directory.authorizationsOf("PGE_ccccccccc").empty());
}

// Makes sure a registered loopback redirect_uri (any port) gets referral and state back, an unregistered one an
// error page and no redirect. Example failure: an open redirect to any URL.
TEST_F(ProxyFlow, RedirectsOnlyToRegisteredUris)
{
    auto bad = h.get(kForm, {{"redirect_uri", "https://evil.example/cb"}}, "");
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(bad.header("Location").empty());
    auto done = walk({{"redirect_uri", "http://127.0.0.1:5555/callback"}, {"state", "s1"}});
    ASSERT_EQ(done.status, 303);
    const std::string uid = h.directory.authorizationsOf("PGE_ccccccccc").at(0).uid;
    EXPECT_EQ(done.header("Location"), "http://127.0.0.1:5555/callback?referral=" + uid + "&state=s1");
}

// Makes sure switching the registration to live lets a non-test customer through.
// Example failure: the /__sim/ mode switch ignored by the proxy login.
TEST_F(ProxyFlow, LiveModeReachesRealCustomers)
{
    ASSERT_EQ(h.call("POST", "/__sim/clients/PGE_ccccccccc/mode", {}, "", R"({"mode":"live"})").status, 200);
    const std::string s = confirmForm();
    EXPECT_EQ(login(s, "real_customer", "real_password").status, 303);
}

} // namespace
} // namespace gbc

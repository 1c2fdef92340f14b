// Integration: OAuth error paths and mounts over real HTTP against the gbc-sim binary.
#include "flow_driver.h"
#include "sim_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace gbc::simtest;

namespace {

const std::string kRedirect = "http://127.0.0.1:61001/callback";
const std::string kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const std::string kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

std::string essexAuthorize(const Fields& extra = {})
{
    Fields q{{"response_type", "code"}, {"client_id", "ESSEX_ccccccccc"}, {"redirect_uri", kRedirect},
             {"state", "s-1"}, {"scope", "FB=4_16_51;AdditionalScope=auth-test-test_residential"}};
    q.insert(q.end(), extra.begin(), extra.end());
    return "/DataCustodian/essex/oauth/authorize?" + gbc::formatUrlEncoded(q);
}

} // namespace

class OAuthHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        std::string error;
        sim_ = SimProcess::start({"--listen", "127.0.0.1:0"}, error).release();
        ASSERT_NE(sim_, nullptr) << error;
    }
    static void TearDownTestSuite()
    {
        delete sim_;
        sim_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(sim_, nullptr); }

    std::string code(const Fields& extra = {})
    {
        const WalkResult w = walkAuthorize(http_, essexAuthorize(extra), {});
        return queryValue(w.location, "code");
    }
    Reply exchange(const std::string& c, Fields extra = {})
    {
        Fields f{{"grant_type", "authorization_code"}, {"code", c}, {"redirect_uri", kRedirect}};
        f.insert(f.end(), extra.begin(), extra.end());
        return http_.postForm("/DataCustodian/essex/oauth/token", f, basicAuth("ESSEX_ccccccccc", "sandbox_secret"));
    }
    static std::string error(const Reply& r) { return nlohmann::json::parse(r.body).value("error", ""); }

    static inline SimProcess* sim_ = nullptr;
    HttpDriver http_{sim_ ? sim_->url() : "http://127.0.0.1:1"};
};

// Makes sure each utility opens on its default verification page when the scope has no hint.
// Example failure: EPE (sso by default) showing the lastbill form.
TEST_F(OAuthHttp, DefaultVerificationPerUtility)
{
    const std::pair<const char*, const char*> expected[] = {
        {"ESSEX", "bill_amount"}, {"SSMPUC", "bill_amount"}, {"EPE", "password"}, {"DEMOUTILITY", "password"},
        {"PGE", "password"}, {"SCE", "password"}};
    for (const auto& [utility, field] : expected) {
        const std::string id = utility;
        std::string lowerId = id;
        for (char& ch : lowerId)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const std::string path = "/DataCustodian/" + lowerId + "/oauth/authorize?";
        const Reply r = http_.get(path + gbc::formatUrlEncoded({{"response_type", "code"}, {"client_id", id + "_ccccccccc"},
                                                                 {"redirect_uri", kRedirect}, {"scope", "FB=4"}}));
        EXPECT_EQ(r.status, 200) << utility;
        EXPECT_NE(r.body.find("name=\"" + std::string(field) + "\""), std::string::npos) << utility;
    }
}

// Makes sure declining redirects with access_denied and the state. Example failure: a code on decline.
TEST_F(OAuthHttp, DeclineRedirectsAccessDenied)
{
    const WalkResult w = walkAuthorize(http_, essexAuthorize(), {}, "decline");
    EXPECT_EQ(queryValue(w.location, "error"), "access_denied");
    EXPECT_EQ(queryValue(w.location, "state"), "s-1");
    EXPECT_EQ(queryValue(w.location, "code"), "");
}

// Makes sure a replayed code is invalid_grant and the refresh token it produced stops working.
// Example failure: the replay answered 200 with fresh tokens.
TEST_F(OAuthHttp, CodeReuse)
{
    const std::string c = code();
    const Reply first = exchange(c);
    ASSERT_EQ(first.status, 200) << first.body;
    const Reply second = exchange(c);
    EXPECT_EQ(second.status, 400);
    EXPECT_EQ(error(second), "invalid_grant");
    const std::string refresh = nlohmann::json::parse(first.body)["refresh_token"];
    const Reply r = http_.postForm("/DataCustodian/essex/oauth/token", {{"grant_type", "refresh_token"}, {"refresh_token", refresh}},
                                   basicAuth("ESSEX_ccccccccc", "sandbox_secret"));
    EXPECT_EQ(error(r), "invalid_grant");
}

// Makes sure a PKCE verifier that does not match is invalid_grant and the right one works.
// Example failure: any verifier accepted.
TEST_F(OAuthHttp, PkceMismatch)
{
    const Fields pkce{{"code_challenge", kChallenge}, {"code_challenge_method", "S256"}};
    EXPECT_EQ(error(exchange(code(pkce), {{"code_verifier", kVerifier + "x"}})), "invalid_grant");
    EXPECT_EQ(exchange(code(pkce), {{"code_verifier", kVerifier}}).status, 200);
}

// Makes sure an unregistered redirect_uri never redirects and a token request with another redirect_uri fails.
// Example failure: a 302 to https://evil.example.
TEST_F(OAuthHttp, RedirectMismatch)
{
    const Reply page = http_.get("/DataCustodian/essex/oauth/authorize?" +
                                 gbc::formatUrlEncoded({{"response_type", "code"}, {"client_id", "ESSEX_ccccccccc"},
                                                        {"redirect_uri", "https://evil.example/cb"}, {"state", "x"}}));
    EXPECT_EQ(page.status, 400);
    EXPECT_EQ(page.location, "");
    EXPECT_EQ(dataError(page.body), "invalid_redirect_uri");
    const Reply t = http_.postForm("/DataCustodian/essex/oauth/token",
                                   {{"grant_type", "authorization_code"}, {"code", code()}, {"redirect_uri", "http://127.0.0.1:61001/other"}},
                                   basicAuth("ESSEX_ccccccccc", "sandbox_secret"));
    EXPECT_EQ(error(t), "invalid_grant");
}

// Makes sure the OAuth endpoints also answer under /oauth/ on the utility's own host name, with resource links on
// the simulator's address. Example failure: 404 for Host greenbutton.essexpowerlines.ca.
TEST_F(OAuthHttp, UtilityHostMount)
{
    const httplib::Headers host{{"Host", "greenbutton.essexpowerlines.ca"}};
    const std::string target = essexAuthorize();
    const Reply page = http_.get(target.substr(target.find("/oauth/")), host);
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(formAction(page.body), "/oauth/authorize");
    httplib::Headers auth = basicAuth("ESSEX_ccccccccc", "sandbox_secret");
    auth.emplace("Host", "greenbutton.essexpowerlines.ca");
    const Reply t = http_.postForm("/oauth/token", {{"grant_type", "client_credentials"}}, auth);
    ASSERT_EQ(t.status, 200) << t.body;
    const std::string res = nlohmann::json::parse(t.body)["resourceURI"];
    EXPECT_EQ(res.rfind(sim_->url() + "/DataCustodian/espi/1_1/resource/Bulk/", 0), 0u) << res;
    EXPECT_EQ(http_.get("/oauth/authorize?client_id=ESSEX_ccccccccc").status, 404) << "127.0.0.1 is no utility host";
}

// Makes sure an unknown utility gets a 404 page. Example failure: 500 or an empty body.
TEST_F(OAuthHttp, UnknownUtility)
{
    const Reply r = http_.get("/DataCustodian/nowhere/oauth/authorize?client_id=X");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(dataError(r.body), "unknown_utility");
}

// Makes sure a multipart/form-data token request with form-field client credentials works, and both
// authentication methods at once are refused. Example failure: multipart fields ignored (invalid_request).
TEST_F(OAuthHttp, MultipartAndDoubleAuthentication)
{
    const Reply ok = http_.postMultipart("/DataCustodian/essex/oauth/token",
                                         {{"grant_type", "authorization_code"}, {"code", code()}, {"redirect_uri", kRedirect},
                                          {"client_id", "ESSEX_ccccccccc"}, {"client_secret", "sandbox_secret"}});
    EXPECT_EQ(ok.status, 200) << ok.body;
    const Reply both = http_.postForm("/DataCustodian/essex/oauth/token",
                                      {{"grant_type", "client_credentials"}, {"client_secret", "sandbox_secret"}},
                                      basicAuth("ESSEX_ccccccccc", "sandbox_secret"));
    EXPECT_EQ(both.status, 400);
    EXPECT_EQ(error(both), "invalid_request");
    const Reply bad = http_.postForm("/DataCustodian/essex/oauth/token", {{"grant_type", "client_credentials"}},
                                     basicAuth("ESSEX_ccccccccc", "nope"));
    EXPECT_EQ(bad.status, 401);
    EXPECT_NE(bad.wwwAuthenticate.find("Basic"), std::string::npos);
}

// Makes sure revoke answers 200 and the revoked refresh token is refused afterwards. Example failure: still usable.
TEST_F(OAuthHttp, RevokeRefreshToken)
{
    const Reply t = exchange(code());
    const std::string refresh = nlohmann::json::parse(t.body)["refresh_token"];
    const auto auth = basicAuth("ESSEX_ccccccccc", "sandbox_secret");
    EXPECT_EQ(http_.postForm("/DataCustodian/essex/oauth/revoke", {{"token", refresh}}, auth).status, 200);
    const Reply r = http_.postForm("/DataCustodian/essex/oauth/token", {{"grant_type", "refresh_token"}, {"refresh_token", refresh}}, auth);
    EXPECT_EQ(error(r), "invalid_grant");
}

// Makes sure the request log shows no secret whole: codes and tokens in query strings are cut.
// Example failure: the full 64-hex code appears in stderr.
TEST_F(OAuthHttp, LogRedactsSecrets)
{
    const std::string c = code();
    http_.get("/DataCustodian/essex/oauth/authorize?client_id=ESSEX_ccccccccc&code=" + c + "&client_secret=sandbox_secret");
    // Waits for this request's line (earlier lines of the flow also name the authorize path); the prefix matches the
    // redacted and the unredacted form alike, so the assertions below still decide.
    const std::string log = sim_->stderrTextWith("code=" + c.substr(0, 6));
    EXPECT_NE(log.find("/DataCustodian/essex/oauth/authorize"), std::string::npos) << "requests are logged";
    EXPECT_EQ(log.find(c), std::string::npos);
    EXPECT_NE(log.find("code=" + c.substr(0, 6) + "…"), std::string::npos);
    EXPECT_EQ(log.find("sandbox_secret"), std::string::npos);
}

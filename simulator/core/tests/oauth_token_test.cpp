// Tests of the token and revoke endpoints: client authentication, each grant, every error, and the defects.
#include "oauth_test_support.h"

#include <nlohmann/json.hpp>

using namespace gbc;
using gbc::oauthtest::kStart;
using gbc::oauthtest::OAuthFixture;
using nlohmann::json;

namespace {

const std::string kRedirect = "redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback";
const std::string kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const std::string kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

} // namespace

class TokenTest : public OAuthFixture {
protected:
    json body(const HttpAnswer& a) { return json::parse(a.body); }
    void expectError(const HttpAnswer& a, int status, const std::string& error)
    {
        EXPECT_EQ(a.status, status) << a.body;
        EXPECT_EQ(body(a).value("error", ""), error) << a.body;
        EXPECT_EQ(header(a, "Cache-Control"), "no-store");
        EXPECT_FALSE(body(a).value("error_description", "").empty());
    }
    json exchange(const std::string& code)
    {
        const HttpAnswer a = token("grant_type=authorization_code&code=" + code + "&" + kRedirect);
        EXPECT_EQ(a.status, 200) << a.body;
        return body(a);
    }
};

// Makes sure the authorization_code grant answers the UtilityAPI token JSON. Example failure: resourceURI with
// Batch/, a missing customerResourceURI for FB 51, or a lower-case token_type.
TEST_F(TokenTest, AuthorizationCodeSuccess)
{
    const json t = exchange(approvedCode());
    const std::string uid = store_.authorizationsOf("MOCKU_sandbox01").at(0).uid;
    const std::string base = "http://127.0.0.1:8080/DataCustodian/espi/1_1/resource/";
    EXPECT_EQ(t["token_type"], "Bearer");
    EXPECT_EQ(t["expires_in"], 3600);
    EXPECT_EQ(t["scope"], "FB=4_51;AdditionalScope=auth-test-test_residential");
    EXPECT_EQ(t["resourceURI"], base + "Subscription/" + uid);
    EXPECT_EQ(t["authorizationURI"], base + "Authorization/" + uid);
    EXPECT_EQ(t["customerResourceURI"], base + "RetailCustomer/" + uid);
    EXPECT_EQ(t["access_token"].get<std::string>().size(), 64u);
    EXPECT_NE(t["access_token"], t["refresh_token"]);
    const auto info = store_.resolveToken(t["access_token"]);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->authorizationUid, uid);
    EXPECT_EQ(info->expiresAt, kStart + 3600);
}

// Makes sure client authentication errors are 401 invalid_client with WWW-Authenticate, and double
// authentication is 400 invalid_request. Example failure: a wrong secret accepted, or 400 without the header.
TEST_F(TokenTest, ClientAuthentication)
{
    const std::string grant = "grant_type=client_credentials";
    const HttpAnswer none = token(grant, "");
    expectError(none, 401, "invalid_client");
    EXPECT_NE(header(none, "WWW-Authenticate").find("Basic"), std::string::npos);
    expectError(token(grant, "TU9DS1Vfc2FuZGJveDAxOndyb25n"), 401, "invalid_client"); // MOCKU_sandbox01:wrong
    expectError(token(grant + "&client_id=MOCKU_sandbox01&client_secret=wrong", ""), 401, "invalid_client");
    expectError(token(grant + "&client_id=NOBODY&client_secret=sandbox_secret", ""), 401, "invalid_client");
    expectError(token(grant + "&client_id=MOCKU_sandbox01", ""), 401, "invalid_client");
    expectError(token(grant + "&client_secret=sandbox_secret"), 400, "invalid_request");
    expectError(token(grant + "&client_id=MOCKU_live00001"), 400, "invalid_request");
    expectError(token(grant, "!!!"), 400, "invalid_request");
    EXPECT_EQ(token(grant + "&client_id=MOCKU_sandbox01&client_secret=sandbox_secret", "").status, 200);
}

// Makes sure request-shape errors are named. Example failure: a JSON body accepted, or grant_type=password issued.
TEST_F(TokenTest, RequestShapeErrors)
{
    HttpRequest r = post("/t", "grant_type=client_credentials", sandboxBasic());
    r.headers["content-type"] = "application/json";
    expectError(handleToken(ctx_, store_, utility(), r), 400, "invalid_request");
    expectError(token("scope=FB%3D4"), 400, "invalid_request");
    expectError(token("grant_type=password"), 400, "unsupported_grant_type");
    expectError(token("grant_type=client_credentials&grant_type=client_credentials"), 400, "invalid_request");
    expectError(token("grant_type=authorization_code"), 400, "invalid_request");
    expectError(token("grant_type=refresh_token"), 400, "invalid_request");
    expectError(token("grant_type=authorization_code&code=unknown&" + kRedirect), 400, "invalid_grant");
}

// Makes sure a code is single-use and its replay revokes the tokens it issued. Example failure: second exchange 200.
TEST_F(TokenTest, CodeReuseRevokes)
{
    const std::string code = approvedCode();
    const json first = exchange(code);
    expectError(token("grant_type=authorization_code&code=" + code + "&" + kRedirect), 400, "invalid_grant");
    EXPECT_FALSE(store_.resolveToken(first["access_token"])->usable(kStart));
    expectError(token("grant_type=refresh_token&refresh_token=" + first["refresh_token"].get<std::string>()), 400,
                "invalid_grant");
}

// Makes sure the code_reusable defect issues twice. Example failure: the switch has no effect.
TEST_F(TokenTest, CodeReusableDefect)
{
    ctx_.defects.insert("code_reusable");
    const std::string code = approvedCode();
    exchange(code);
    exchange(code);
}

// Makes sure an expired code (10 minutes) and a code for another redirect_uri are invalid_grant.
// Example failure: a code accepted 11 minutes later, or without the redirect_uri of the authorize request.
TEST_F(TokenTest, ExpiredAndMismatchedCodes)
{
    const std::string code = approvedCode();
    clock_.advance(kCodeLifetimeSeconds);
    expectError(token("grant_type=authorization_code&code=" + code + "&" + kRedirect), 400, "invalid_grant");
    clock_.set(kStart);
    expectError(token("grant_type=authorization_code&code=" + approvedCode() +
                      "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5556%2Fcallback"), 400, "invalid_grant");
    expectError(token("grant_type=authorization_code&code=" + approvedCode()), 400, "invalid_grant");
    const HttpAnswer other = token("grant_type=authorization_code&code=" + approvedCode() + "&" + kRedirect,
                                   "TU9DS1VfbGl2ZTAwMDAxOmxpdmVfc2VjcmV0"); // MOCKU_live00001:live_secret
    expectError(other, 400, "invalid_grant");
}

// Makes sure PKCE S256 and plain verify, and a missing, wrong or unexpected verifier is invalid_grant.
// Example failure: the challenge compared with the raw verifier for S256.
TEST_F(TokenTest, Pkce)
{
    const std::string s256 = "&code_challenge=" + kChallenge + "&code_challenge_method=S256";
    const std::string grant = "grant_type=authorization_code&" + kRedirect + "&code=";
    EXPECT_EQ(token(grant + approvedCode(s256) + "&code_verifier=" + kVerifier).status, 200);
    expectError(token(grant + approvedCode(s256) + "&code_verifier=" + kChallenge), 400, "invalid_grant");
    expectError(token(grant + approvedCode(s256)), 400, "invalid_grant");
    expectError(token(grant + approvedCode() + "&code_verifier=" + kVerifier), 400, "invalid_grant");
    const std::string plain = "&code_challenge=" + kVerifier + "&code_challenge_method=plain";
    EXPECT_EQ(token(grant + approvedCode(plain) + "&code_verifier=" + kVerifier).status, 200);
    EXPECT_EQ(token(grant + approvedCode("&code_challenge=" + kVerifier) + "&code_verifier=" + kVerifier).status, 200)
        << "method defaults to plain";
}

// Makes sure refresh keeps the scope, refuses a changed one (unless the defect is on), and stops after revocation.
// Example failure: a refresh with FB=4_16 granted.
TEST_F(TokenTest, RefreshGrant)
{
    const json first = exchange(approvedCode());
    const std::string rt = "grant_type=refresh_token&refresh_token=" + first["refresh_token"].get<std::string>();
    const HttpAnswer same = token(rt + "&scope=FB%3D4_51%3BAdditionalScope%3Dauth-test-test_residential");
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(body(same)["refresh_token"], first["refresh_token"]);
    EXPECT_NE(body(same)["access_token"], first["access_token"]);
    EXPECT_EQ(token(rt).status, 200);
    expectError(token(rt + "&scope=FB%3D4_16"), 400, "invalid_scope");
    expectError(token(rt + "&scope=garbage"), 400, "invalid_scope");
    expectError(token(rt, "TU9DS1VfbGl2ZTAwMDAxOmxpdmVfc2VjcmV0"), 400, "invalid_grant");
    ctx_.defects.insert("refresh_scope_change_accepted");
    const HttpAnswer changed = token(rt + "&scope=FB%3D4_16");
    ASSERT_EQ(changed.status, 200);
    EXPECT_EQ(body(changed)["scope"], "FB=4_16");
    store_.revokeAuthorization(store_.authorizationsOf("MOCKU_sandbox01").at(0).uid, kStart);
    expectError(token(rt), 400, "invalid_grant");
}

// Makes sure client_credentials gives a client token for Bulk without a refresh token, and its defects bite.
// Example failure: a refresh_token in the response, or the token classed as CustomerAccess.
TEST_F(TokenTest, ClientCredentials)
{
    const HttpAnswer a = token("grant_type=client_credentials&scope=FB%3D36_40");
    ASSERT_EQ(a.status, 200);
    const json t = body(a);
    EXPECT_FALSE(t.contains("refresh_token"));
    EXPECT_EQ(t["scope"], "FB=36_40");
    EXPECT_NE(t["resourceURI"].get<std::string>().find("/resource/Bulk/" + clientBulkId("MOCKU_sandbox01")), std::string::npos);
    EXPECT_EQ(store_.resolveToken(t["access_token"])->tokenClass, TokenClass::ClientAccess);
    expectError(token("grant_type=client_credentials&scope=FB%3Dx"), 400, "invalid_scope");
    ctx_.defects = {"client_credentials_refresh_token", "bearer_lowercase", "missing_resource_uri"};
    const json d = body(token("grant_type=client_credentials"));
    EXPECT_TRUE(d.contains("refresh_token"));
    EXPECT_EQ(d["token_type"], "bearer");
    EXPECT_FALSE(d.contains("resourceURI"));
}

// Makes sure FB 51 alone decides customerResourceURI and the missing_resource_uri defect drops resourceURI.
// Example failure: customerResourceURI present for FB=4.
TEST_F(TokenTest, ResourceLinksFollowScope)
{
    const std::string flow = flowId(authorize("response_type=code&client_id=MOCKU_sandbox01&" + kRedirect +
                                              "&scope=FB%3D4%3BAdditionalScope%3Dauth-test-test_residential"));
    const std::string code = queryParam(header(step("flow=" + flow + "&decision=approve&service=0"), "Location"), "code");
    ctx_.defects.insert("missing_resource_uri");
    const json t = exchange(code);
    EXPECT_FALSE(t.contains("customerResourceURI"));
    EXPECT_FALSE(t.contains("resourceURI"));
    EXPECT_TRUE(t.contains("authorizationURI"));
}

// Makes sure revoke ends a token, answers 200 for unknown tokens, and refuses another client's token.
// Example failure: the revoked access token still usable.
TEST_F(TokenTest, Revoke)
{
    const json t = exchange(approvedCode());
    auto revoke = [&](const std::string& body, const std::string& basic) {
        return handleRevoke(ctx_, store_, utility(), post("/r", body, basic));
    };
    const std::string access = t["access_token"];
    expectError(revoke("token=" + access, "TU9DS1VfbGl2ZTAwMDAxOmxpdmVfc2VjcmV0"), 400, "invalid_request");
    expectError(revoke("token_type_hint=access_token", sandboxBasic()), 400, "invalid_request");
    expectError(revoke("token=" + access, ""), 401, "invalid_client");
    EXPECT_EQ(revoke("token=" + access + "&token_type_hint=access_token", sandboxBasic()).status, 200);
    EXPECT_FALSE(store_.resolveToken(access)->usable(kStart));
    EXPECT_EQ(revoke("token=never-issued", sandboxBasic()).status, 200);
}

// Makes sure the request through the utility's own host name gets resource links on the public base URL.
// Example failure: resourceURI on http://greenbutton.mocku.test, which the client cannot reach.
TEST_F(TokenTest, UtilityHostUsesPublicBase)
{
    ctx_.publicBaseUrl = "http://127.0.0.1:9999";
    HttpRequest r = post("/oauth/token", "grant_type=client_credentials", sandboxBasic());
    r.host = "greenbutton.mocku.test";
    const json t = body(handleToken(ctx_, store_, utility(), r));
    EXPECT_EQ(t["resourceURI"].get<std::string>().rfind("http://127.0.0.1:9999/DataCustodian/espi/1_1/resource/Bulk/", 0), 0u);
}

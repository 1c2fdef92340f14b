// Tests of the legitimate variations in the OAuth core: the table, rotating refresh tokens, both revocation
// policies, the Batch resourceURI, failed logins re-shown with 401, and Retry-After as an HTTP date.
#include "oauth_test_support.h"

#include <set>

#include <nlohmann/json.hpp>

#include "answer_variations.h"
#include "time_format.h"

using namespace gbc;
using gbc::oauthtest::kStart;
using gbc::oauthtest::OAuthFixture;
using nlohmann::json;

// Makes sure every variation has one row with a unique name, a description and the clause allowing it.
// Example failure: two enumerators sharing a name, so --variation switches on the wrong one.
TEST(VariationTable, NamesUniqueAndFindable)
{
    std::set<std::string> names;
    for (const VariationInfo& v : allVariations()) {
        EXPECT_TRUE(names.insert(v.name).second) << v.name;
        EXPECT_EQ(findVariation(v.name), v.id);
        EXPECT_EQ(std::string(variationInfo(v.id).name), v.name);
        EXPECT_GT(std::string(v.description).size(), 20u);
        EXPECT_GT(std::string(v.allowedBy).size(), 5u);
    }
    EXPECT_EQ(names.size(), static_cast<std::size_t>(Variation::ReservedCharSecrets) + 1);
    EXPECT_FALSE(findVariation("rotating_refresh_token"));
    EXPECT_FALSE(findVariation(""));
}

class VariationTokenTest : public OAuthFixture {
protected:
    json body(const HttpAnswer& a) { return json::parse(a.body); }
    json exchange()
    {
        const HttpAnswer a = token("grant_type=authorization_code&code=" + approvedCode() +
                                   "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback");
        EXPECT_EQ(a.status, 200) << a.body;
        return body(a);
    }
    HttpAnswer refresh(const std::string& rt) { return token("grant_type=refresh_token&refresh_token=" + rt); }
    int revoke(const std::string& t) { return handleRevoke(ctx_, store_, utility(), post("/r", "token=" + t, sandboxBasic())).status; }
    bool usable(const std::string& access) { return store_.resolveToken(access)->usable(kStart); }
};

// Makes sure rotation gives a new refresh token each time and retires the one used. Example failure: the old
// refresh token still accepted, or the same token handed back.
TEST_F(VariationTokenTest, RotatingRefreshTokens)
{
    ctx_.variations.insert(Variation::RotatingRefreshTokens);
    const json t = exchange();
    const HttpAnswer first = refresh(t["refresh_token"]);
    ASSERT_EQ(first.status, 200) << first.body;
    const std::string next = body(first)["refresh_token"];
    EXPECT_NE(next, t["refresh_token"]);
    EXPECT_EQ(refresh(t["refresh_token"]).status, 400);
    EXPECT_EQ(refresh(next).status, 200);
    EXPECT_TRUE(usable(t["access_token"])); // rotation retires the refresh token only
}

// Makes sure the default cascade (refresh takes access) and both variations do what they say.
// Example failure: revoke_refresh_keeps_access still killing the access token.
TEST_F(VariationTokenTest, RevocationPolicies)
{
    json t = exchange();
    EXPECT_EQ(revoke(t["refresh_token"]), 200);
    EXPECT_FALSE(usable(t["access_token"]));

    ctx_.variations = {Variation::RevokeRefreshKeepsAccess};
    t = exchange();
    EXPECT_EQ(revoke(t["refresh_token"]), 200);
    EXPECT_TRUE(usable(t["access_token"]));
    EXPECT_EQ(refresh(t["refresh_token"]).status, 400);

    ctx_.variations = {};
    t = exchange();
    EXPECT_EQ(revoke(t["access_token"]), 200);
    EXPECT_EQ(refresh(t["refresh_token"]).status, 200); // default: the refresh token survives

    ctx_.variations = {Variation::RevokeAccessTakesRefresh};
    t = exchange();
    EXPECT_EQ(revoke(t["access_token"]), 200);
    EXPECT_EQ(refresh(t["refresh_token"]).status, 400);
}

// Makes sure batch_resource_uri names Batch/Subscription/{id}. Example failure: the plain Subscription URL.
TEST_F(VariationTokenTest, BatchResourceUri)
{
    ctx_.variations = {Variation::BatchResourceUri};
    const json t = exchange();
    const std::string uid = store_.authorizationsOf("MOCKU_sandbox01").at(0).uid;
    EXPECT_EQ(t["resourceURI"], "http://127.0.0.1:8080/DataCustodian/espi/1_1/resource/Batch/Subscription/" + uid);
}

// Makes sure a failed login is re-shown with 401 under failed_login_401 and 200 by default, and a good one is 200.
// Example failure: the consent page answered 401.
TEST_F(VariationTokenTest, FailedLogin401)
{
    const std::string start = "response_type=code&client_id=MOCKU_sandbox01&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback"
                              "&state=s1&scope=FB%3D4_51%3BAdditionalScope%3Dauth-sso";
    std::string flow = flowId(authorize(start));
    EXPECT_EQ(step("flow=" + flow + "&action=verify&username=test_residential&password=wrong").status, 200);
    ctx_.variations = {Variation::FailedLogin401};
    flow = flowId(authorize(start));
    const HttpAnswer wrong = step("flow=" + flow + "&action=verify&username=test_residential&password=wrong");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(dataError(wrong), "customer_not_found");
    EXPECT_EQ(step("flow=" + flowId(wrong) + "&action=verify&username=test_residential&password=pw_res").status, 200);
}

// Makes sure retry_after_http_date turns delay-seconds into the HTTP date that far after the simulator clock.
// Example failure: the header left as "30", or the date taken from the wall clock.
TEST_F(VariationTokenTest, RetryAfterHttpDate)
{
    HttpAnswer a = HttpAnswer::make(202, "text/plain", "");
    a.withHeader("Retry-After", "30");
    EXPECT_EQ(applyAnswerVariations(ctx_, a).headers.at(0).second, "30");
    ctx_.variations = {Variation::RetryAfterHttpDate};
    const std::string date = applyAnswerVariations(ctx_, a).headers.at(0).second;
    EXPECT_EQ(*parseHttpDate(date), kStart + 30) << date;
}

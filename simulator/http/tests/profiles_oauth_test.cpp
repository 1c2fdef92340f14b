// Custodian profiles, OAuth side, over real HTTP: the table and the admin route, then each token/authorize quirk
// with the profile on (the quirk shows) and off (the standard answer).
#include "profiles_support.h"

#include <set>

#include "defects.h"
#include "profiles.h"

using namespace gbc;
using namespace gbc::simtest;
using nlohmann::json;

// Makes sure every profile has a unique name, a description, a source and switches something on, every behaviour
// is used by some profile, and unknown names are refused with a JSON pointer. Example failure: a typo'd defect.
TEST(ProfileTable, ValidAndComplete)
{
    ASSERT_TRUE(validateProfiles().ok());
    std::set<std::string> names;
    std::set<ProfileBehaviour> used;
    for (const ProfileInfo& p : allProfiles()) {
        EXPECT_TRUE(names.insert(p.name).second) << p.name;
        EXPECT_EQ(findProfile(p.name), &p);
        EXPECT_GT(std::string(p.description).size(), 20u) << p.name;
        EXPECT_GT(std::string(p.source).size(), 10u) << p.name;
        used.insert(p.behaviours.begin(), p.behaviours.end());
    }
    EXPECT_EQ(used.size(), static_cast<std::size_t>(ProfileBehaviour::WebhooksOutOfOrder) + 1);
    const auto bad = resolveProfiles({"async_batch", "no_such_profile"});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().where, "/profiles/1");
    const auto good = resolveProfiles({"updated_min_ignored", "rotating_refresh_token", "savage_data"});
    ASSERT_TRUE(good.ok());
    EXPECT_TRUE(good->defects.count("updated_filter_ignored"));
    EXPECT_TRUE(good->variations.count(Variation::RotatingRefreshTokens));
    EXPECT_TRUE(good->behaviours.count(ProfileBehaviour::AsyncBatch));
}

// Makes sure POST replaces a client's profiles, GET lists them with their behaviours, bad input is a located 400
// and an unknown client 404. Example failure: an unknown name stored and silently ignored.
TEST_F(ProfileServerTest, AdminRouteSetsListsAndRefuses)
{
    const Reply set = setProfiles(R"({"profiles": ["no_new_refresh_token", "basic_auth_only"]})");
    ASSERT_EQ(set.status, 200) << set.body;
    const json listed = json::parse(http().get("/__sim/clients/EPE_ccccccccc/profiles").body);
    ASSERT_EQ(listed["profiles"].size(), 2u);
    EXPECT_EQ(listed["profiles"][0]["name"], "no_new_refresh_token");
    EXPECT_FALSE(listed["profiles"][0]["source"].get<std::string>().empty());
    EXPECT_EQ(listed["behaviours"].size(), 2u);
    const Reply unknown = setProfiles(R"({"profiles": ["async_batch", "nope"]})");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(json::parse(unknown.body)["pointer"], "/profiles/1");
    EXPECT_EQ(setProfiles(R"({"profiles": "async_batch"})").status, 400);
    EXPECT_EQ(setProfiles("not json").status, 400);
    EXPECT_EQ(setProfiles(R"({"profiles": []})", "NO_SUCH_CLIENT").status, 404);
    ASSERT_EQ(setProfiles(R"({"profiles": []})").status, 200);
    EXPECT_TRUE(json::parse(http().get("/__sim/clients/EPE_ccccccccc/profiles").body)["profiles"].empty());
}

// Makes sure refresh_requires_scope refuses a refresh without scope (invalid_scope) and accepts one with it;
// off, the refresh without scope works. Example failure: the profile applied to another client.
TEST_F(ProfileServerTest, RefreshRequiresScope)
{
    const Tokens off = tokens();
    EXPECT_EQ(token({{"grant_type", "refresh_token"}, {"refresh_token", off.refresh}}).status, 200);
    ASSERT_EQ(setProfiles(R"({"profiles": ["refresh_requires_scope"]})").status, 200);
    const Tokens on = tokens();
    const Reply bare = token({{"grant_type", "refresh_token"}, {"refresh_token", on.refresh}});
    EXPECT_EQ(bare.status, 400);
    EXPECT_EQ(json::parse(bare.body)["error"], "invalid_scope");
    EXPECT_EQ(token({{"grant_type", "refresh_token"}, {"refresh_token", on.refresh}, {"scope", on.raw["scope"]}}).status, 200);
}

// Makes sure extended_scope_refused answers invalid_scope to HistoryLength/IntervalDuration at authorize, and
// plain function blocks still work; off, the extended scope is granted. Example failure: the parameter dropped silently.
TEST_F(ProfileServerTest, ExtendedScopeRefused)
{
    const std::string extended = "FB=4_5_15;IntervalDuration=900;HistoryLength=63072000;AdditionalScope=auth-test-test_residential";
    EXPECT_FALSE(authorizeCode(extended).empty());
    ASSERT_EQ(setProfiles(R"({"profiles": ["extended_scope_refused"]})").status, 200);
    EXPECT_EQ(queryValue(authorizeLocation(extended), "error"), "invalid_scope");
    EXPECT_FALSE(authorizeCode().empty());
}

// Makes sure no_new_refresh_token answers no refresh_token and the old one keeps working, and
// rotating_refresh_token answers a new one and retires the old. Off: the same refresh token comes back.
TEST_F(ProfileServerTest, RefreshTokenIssuing)
{
    const Tokens off = tokens();
    EXPECT_EQ(json::parse(token({{"grant_type", "refresh_token"}, {"refresh_token", off.refresh}}).body)["refresh_token"], off.refresh);
    ASSERT_EQ(setProfiles(R"({"profiles": ["no_new_refresh_token"]})").status, 200);
    const Tokens kept = tokens();
    const json first = json::parse(token({{"grant_type", "refresh_token"}, {"refresh_token", kept.refresh}}).body);
    EXPECT_TRUE(first.contains("access_token"));
    EXPECT_FALSE(first.contains("refresh_token"));
    EXPECT_EQ(token({{"grant_type", "refresh_token"}, {"refresh_token", kept.refresh}}).status, 200);
    ASSERT_EQ(setProfiles(R"({"profiles": ["rotating_refresh_token"]})").status, 200);
    const Tokens rotated = tokens();
    const json next = json::parse(token({{"grant_type", "refresh_token"}, {"refresh_token", rotated.refresh}}).body);
    EXPECT_NE(next.value("refresh_token", rotated.refresh), rotated.refresh);
    EXPECT_EQ(token({{"grant_type", "refresh_token"}, {"refresh_token", rotated.refresh}}).status, 400);
}

// Makes sure basic_auth_only refuses form-field client authentication and form_auth_only refuses Basic, each with
// 401 invalid_client, while the other method works; off, both work. Example failure: both methods refused.
TEST_F(ProfileServerTest, ClientAuthenticationMethods)
{
    EXPECT_EQ(token({{"grant_type", "authorization_code"}, {"code", authorizeCode()}, {"redirect_uri", kEpeRedirect}}, false).status, 200);
    ASSERT_EQ(setProfiles(R"({"profiles": ["basic_auth_only"]})").status, 200);
    const Reply form = token({{"grant_type", "authorization_code"}, {"code", authorizeCode()}, {"redirect_uri", kEpeRedirect}}, false);
    EXPECT_EQ(form.status, 401);
    EXPECT_EQ(json::parse(form.body)["error"], "invalid_client");
    EXPECT_EQ(token({{"grant_type", "authorization_code"}, {"code", authorizeCode()}, {"redirect_uri", kEpeRedirect}}, true).status, 200);
    ASSERT_EQ(setProfiles(R"({"profiles": ["form_auth_only"]})").status, 200);
    EXPECT_EQ(token({{"grant_type", "authorization_code"}, {"code", authorizeCode()}, {"redirect_uri", kEpeRedirect}}, true).status, 401);
    EXPECT_EQ(token({{"grant_type", "authorization_code"}, {"code", authorizeCode()}, {"redirect_uri", kEpeRedirect}}, false).status, 200);
}

// Makes sure authorization_expires ends the grant 2 hours in (refresh invalid_grant) and customer_revokes revokes
// it at the next notification round; off, a refresh 2 hours in works. Example failure: the expiry never reached.
TEST_F(ProfileServerTest, AuthorizationsExpireOrAreRevoked)
{
    const Tokens off = tokens();
    advance("PT2H1M");
    flush();
    EXPECT_EQ(token({{"grant_type", "refresh_token"}, {"refresh_token", off.refresh}}).status, 200);
    ASSERT_EQ(setProfiles(R"({"profiles": ["authorization_expires"]})").status, 200);
    const Tokens expiring = tokens();
    ASSERT_EQ(setProfiles(R"({"profiles": ["customer_revokes"]})").status, 200);
    const Tokens revoked = tokens();
    advance("PT2H1M");
    flush();
    const Reply expired = token({{"grant_type", "refresh_token"}, {"refresh_token", expiring.refresh}});
    EXPECT_EQ(expired.status, 400);
    EXPECT_EQ(json::parse(expired.body)["error"], "invalid_grant");
    EXPECT_EQ(token({{"grant_type", "refresh_token"}, {"refresh_token", revoked.refresh}}).status, 400);
    const std::string events = http().get("/api/v2/events?access_token=epe_sandbox_api_token_0001").body;
    EXPECT_EQ(count(events, "authorization_expired"), 1u) << events;
    EXPECT_GE(count(events, "authorization_revoked"), 1u) << events;
}

// Makes sure --profile applies to every client from the start. Example failure: only per-client profiles honoured.
TEST(ProfileServerGlobal, CommandLineProfileAppliesToEveryClient)
{
    SimServer server(ProfileServerTest::options({"form_auth_only"}));
    ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
    HttpDriver http(server.baseUrl());
    const Reply r = http.postForm("/DataCustodian/epe/oauth/token", {{"grant_type", "client_credentials"}},
                                  basicAuth(kEpeClient, "sandbox_secret"));
    EXPECT_EQ(r.status, 401);
    const Reply f = http.postForm("/DataCustodian/epe/oauth/token", {{"grant_type", "client_credentials"},
                                  {"client_id", kEpeClient}, {"client_secret", "sandbox_secret"}});
    EXPECT_EQ(f.status, 200) << f.body;
}

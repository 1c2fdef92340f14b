// Tests of SimStore: code and token lifecycle on a fixed clock, deterministic uids, catalogue tokens, sessions.
#include "oauth_test_support.h"

#include <set>

using namespace gbc;
using gbc::oauthtest::kStart;
using gbc::oauthtest::OAuthFixture;

namespace {

CodeGrant grantFor(const std::string& client, const std::string& uid)
{
    return CodeGrant{"MOCKU", client, uid, "http://127.0.0.1/callback", true, "", "", "FB=4", kStart,
                     kStart + kCodeLifetimeSeconds};
}

TokenInfo accessFor(const std::string& uid)
{
    return TokenInfo{TokenClass::CustomerAccess, "MOCKU_sandbox01", "MOCKU", uid, "FB=4",
                     kStart + kAccessTokenLifetimeSeconds, false};
}

} // namespace

using StoreTest = OAuthFixture;

// Makes sure a code redeems once, inside its 10 minutes, for its own client only. Example failure: a code
// still valid at 10:01, or usable by another client.
TEST_F(StoreTest, CodeLifecycle)
{
    const std::string code = store_.issueCode(grantFor("MOCKU_sandbox01", "42"));
    EXPECT_GE(code.size(), 32u) << "at least 128 bits as hex";
    EXPECT_EQ(store_.redeemCode(code, "MOCKU_live00001", kStart, false).status, CodeStatus::OtherClient);
    EXPECT_EQ(store_.redeemCode("nope", "MOCKU_sandbox01", kStart, false).status, CodeStatus::Unknown);
    EXPECT_EQ(store_.redeemCode("", "MOCKU_sandbox01", kStart, false).status, CodeStatus::Unknown);
    const CodeRedemption r = store_.redeemCode(code, "MOCKU_sandbox01", kStart + 599, false);
    EXPECT_EQ(r.status, CodeStatus::Valid);
    EXPECT_EQ(r.grant.authorizationUid, "42");
    EXPECT_EQ(store_.redeemCode(code, "MOCKU_sandbox01", kStart + 1, false).status, CodeStatus::Reused);

    const std::string late = store_.issueCode(grantFor("MOCKU_sandbox01", "43"));
    EXPECT_EQ(store_.redeemCode(late, "MOCKU_sandbox01", kStart + 600, false).status, CodeStatus::Expired);
}

// Makes sure redeeming a used code revokes the tokens issued from it, refresh tokens included.
// Example failure: the first access token still resolves as usable after the replay.
TEST_F(StoreTest, ReusedCodeRevokesItsTokens)
{
    const std::string code = store_.issueCode(grantFor("MOCKU_sandbox01", "42"));
    const CodeRedemption r = store_.redeemCode(code, "MOCKU_sandbox01", kStart, false);
    const std::string access = store_.issueAccessToken(accessFor("42"), r.codeId);
    const std::string refresh = store_.issueRefreshToken(RefreshGrant{"MOCKU", "MOCKU_sandbox01", "42", "FB=4", r.codeId, false});
    const std::string unrelated = store_.issueAccessToken(accessFor("42"), "other-code");
    ASSERT_TRUE(store_.resolveToken(access)->usable(kStart));
    EXPECT_EQ(store_.redeemCode(code, "MOCKU_sandbox01", kStart, false).status, CodeStatus::Reused);
    EXPECT_FALSE(store_.resolveToken(access)->usable(kStart));
    EXPECT_TRUE(store_.findRefreshToken(refresh)->revoked);
    EXPECT_TRUE(store_.resolveToken(unrelated)->usable(kStart));
}

// Makes sure the code_reusable switch lets a code through twice without revoking. Example failure: Reused.
TEST_F(StoreTest, ReuseAllowedByDefectSwitch)
{
    const std::string code = store_.issueCode(grantFor("MOCKU_sandbox01", "42"));
    EXPECT_EQ(store_.redeemCode(code, "MOCKU_sandbox01", kStart, true).status, CodeStatus::Valid);
    EXPECT_EQ(store_.redeemCode(code, "MOCKU_sandbox01", kStart, true).status, CodeStatus::Valid);
}

// Makes sure access tokens expire after 3600 s on the fixed clock, without sleeping. Example failure: usable at +3600.
TEST_F(StoreTest, AccessTokenExpiry)
{
    const std::string t = store_.issueAccessToken(accessFor("42"), "");
    const auto info = store_.resolveToken(t);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->tokenClass, TokenClass::CustomerAccess);
    clock_.advance(3599);
    EXPECT_TRUE(info->usable(clock_.now()));
    clock_.advance(1);
    EXPECT_FALSE(store_.resolveToken(t)->usable(clock_.now()));
    EXPECT_FALSE(store_.resolveToken("never-issued").has_value());
    EXPECT_FALSE(store_.resolveToken("").has_value());
}

// Makes sure the same seed gives the same uid sequence and another seed another one; uids are unique.
// Example failure: uids from a global counter that depends on test order.
TEST_F(StoreTest, SeededUids)
{
    auto uids = [&](std::uint64_t seed) {
        SimStore s(catalogue_, seed);
        std::vector<std::string> out;
        for (int i = 0; i < 20; ++i)
            out.push_back(s.createAuthorization(AuthorizationRecord{}).uid);
        return out;
    };
    const auto a = uids(7), b = uids(7), c = uids(8);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_EQ(std::set<std::string>(a.begin(), a.end()).size(), a.size());
    for (const std::string& uid : a)
        EXPECT_EQ(uid.find_first_not_of("0123456789"), std::string::npos) << uid;
}

// Makes sure registration and JSON API tokens from the catalogue resolve to their class and client.
// Example failure: the API token of one client resolves to another, or to CustomerAccess.
TEST_F(StoreTest, CatalogueTokens)
{
    const auto reg = store_.resolveToken("mocku_reg");
    ASSERT_TRUE(reg);
    EXPECT_EQ(reg->tokenClass, TokenClass::Registration);
    EXPECT_EQ(reg->clientId, "MOCKU_sandbox01");
    const auto api = store_.resolveToken("mocku_live_api");
    ASSERT_TRUE(api);
    EXPECT_EQ(api->tokenClass, TokenClass::ApiToken);
    EXPECT_EQ(api->clientId, "MOCKU_live00001");
    EXPECT_TRUE(api->usable(kStart + 10 * 365 * 86400));
    EXPECT_FALSE(store_.resolveToken("mocku_re").has_value());
}

// Makes sure revoking an authorization ends its tokens and authorizationsOf lists newest first.
// Example failure: tokens still usable after revokeAuthorization.
TEST_F(StoreTest, RevokeAuthorizationAndListing)
{
    AuthorizationRecord draft;
    draft.clientId = "MOCKU_sandbox01";
    const auto first = store_.createAuthorization(draft);
    const auto second = store_.createAuthorization(draft);
    draft.clientId = "MOCKU_live00001";
    store_.createAuthorization(draft);
    const auto listed = store_.authorizationsOf("MOCKU_sandbox01");
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].uid, second.uid);
    EXPECT_EQ(listed[1].uid, first.uid);
    const std::string t = store_.issueAccessToken(accessFor(first.uid), "");
    const auto revoked = store_.revokeAuthorization(first.uid, kStart + 5);
    ASSERT_TRUE(revoked);
    EXPECT_EQ(revoked->revokedAt, kStart + 5);
    EXPECT_FALSE(revoked->active(kStart + 6));
    EXPECT_TRUE(store_.resolveToken(t)->revoked);
    EXPECT_FALSE(store_.revokeAuthorization("nope", kStart).has_value());
}

// Makes sure RFC 7009 revocation ends a refresh token and the access tokens of its grant, but refuses
// another client's token. Example failure: any client can revoke any token.
TEST_F(StoreTest, RevokeTokens)
{
    const std::string access = store_.issueAccessToken(accessFor("42"), "code-1");
    const std::string refresh = store_.issueRefreshToken(RefreshGrant{"MOCKU", "MOCKU_sandbox01", "42", "FB=4", "code-1", false});
    EXPECT_EQ(store_.revokeToken(refresh, "MOCKU_live00001"), RevokeOutcome::OtherClient);
    EXPECT_EQ(store_.revokeToken("unknown", "MOCKU_sandbox01"), RevokeOutcome::Unknown);
    EXPECT_EQ(store_.revokeToken(refresh, "MOCKU_sandbox01"), RevokeOutcome::Revoked);
    EXPECT_TRUE(store_.findRefreshToken(refresh)->revoked);
    EXPECT_TRUE(store_.resolveToken(access)->revoked);
}

// Makes sure authorize sessions vanish after 30 minutes and after endFlow. Example failure: a session alive forever.
TEST_F(StoreTest, FlowSessions)
{
    const FlowState flow = store_.createFlow(FlowState{}, kStart);
    EXPECT_EQ(flow.id.size(), 64u);
    EXPECT_TRUE(store_.findFlow(flow.id, kStart + kFlowLifetimeSeconds - 1).has_value());
    EXPECT_FALSE(store_.findFlow(flow.id, kStart + kFlowLifetimeSeconds).has_value());
    const FlowState other = store_.createFlow(FlowState{}, kStart);
    store_.endFlow(other.id);
    EXPECT_FALSE(store_.findFlow(other.id, kStart).has_value());
    EXPECT_FALSE(store_.findFlow("", kStart).has_value());
}

// Unit tests for check/variant selection, shards, the expected-failures file and simulator target synthesis.
#include <gtest/gtest.h>

#include "catalogue_loader.h"
#include "runner.h"
#include "sim_target.h"

using namespace gbc;

// Makes sure plans, filters and excludes select by id glob.
// Example failure: --exclude 'TK-0*' leaving token checks in the run.
TEST(RunnerOptions, SelectChecks)
{
    RunOptions o;
    o.plan = "oauth-token";
    for (const RunnerCheck* c : selectChecks(o))
        EXPECT_EQ(c->plan, "oauth-token");
    o.plan = "full";
    o.filters = {"TK-00*", "AZ-001"};
    o.excludes = {"TK-009"};
    std::vector<std::string> ids;
    for (const RunnerCheck* c : selectChecks(o))
        ids.push_back(c->record.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"AZ-001", "TK-001", "TK-002", "TK-003", "TK-004", "TK-005", "TK-006",
                       "TK-007", "TK-008"}));
}

// Makes sure shards split the variants deterministically and completely, and bad shard text is refused.
// Example failure: two shards running the same variant, so merge reports a duplicate.
TEST(RunnerOptions, ShardsPartitionVariants)
{
    Target t;
    for (int i = 0; i < 7; ++i)
        t.variants.push_back(VariantSpec{"v" + std::to_string(i), "", "", "", "", Expectation::Authorized, {}, {}});
    std::set<std::string> seen;
    for (int i = 1; i <= 3; ++i) {
        RunOptions o;
        o.shardIndex = i;
        o.shardCount = 3;
        for (const VariantSpec* v : selectVariants(t, o))
            EXPECT_TRUE(seen.insert(v->id).second) << v->id;
    }
    EXPECT_EQ(seen.size(), 7u);
    EXPECT_TRUE(parseShard("2/4").ok());
    for (const char* bad : {"0/2", "3/2", "1", "a/b", "1/0"})
        EXPECT_FALSE(parseShard(bad).ok()) << bad;
}

// Makes sure expected-failure entries need a reason and unknown keys are located.
// Example failure: an allowlist entry without a reason silencing a real failure.
TEST(RunnerOptions, ExpectedFailuresFile)
{
    Result<std::vector<ExpectedFailure>> ok = parseExpectedFailures(
        R"({"expectedFailures":[{"check":"ES-011","variant":"EPE/*","reason":"no 202 in sandbox"},{"check":"TK-*","reason":"x"}]})", "ef.json");
    ASSERT_TRUE(ok.ok()) << ok.error().describe();
    EXPECT_EQ(ok->at(1).variant, "*");
    Result<std::vector<ExpectedFailure>> noReason =
        parseExpectedFailures(R"({"expectedFailures":[{"check":"ES-011","reason":"  "}]})", "ef.json");
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.error().where, "ef.json:/expectedFailures/0/reason");
    Result<std::vector<ExpectedFailure>> unknown =
        parseExpectedFailures(R"({"expectedFailures":[{"check":"A","reason":"r","why":1}]})", "ef.json");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().where, "ef.json:/expectedFailures/0/why");
    EXPECT_TRUE(globMatch("ESSEX/*", "ESSEX/lastbill/residential"));
    EXPECT_FALSE(globMatch("ESSEX/*/commercial", "ESSEX/lastbill/residential"));
}

// Makes sure the simulator target has a variant per utility x auth type x test account, badlogin expecting no code.
// Example failure: DEMOUTILITY's phone lookup or the EPE badlogin account missing from the plan.
TEST(RunnerOptions, SimulatorTargetVariants)
{
    Result<Catalogue> c = builtinCatalogue();
    ASSERT_TRUE(c.ok()) << c.error().describe();
    Result<Target> t = simulatorTarget(c.value(), "http://127.0.0.1:9", "");
    ASSERT_TRUE(t.ok()) << t.error().describe();
    std::map<std::string, const VariantSpec*> byId;
    for (const VariantSpec& v : t->variants)
        byId[v.id] = &v;
    ASSERT_TRUE(byId.count("ESSEX/lastbill/residential"));
    ASSERT_TRUE(byId.count("DEMOUTILITY/phone/commercial"));
    ASSERT_TRUE(byId.count("EPE/sso/badlogin"));
    EXPECT_EQ(byId["EPE/sso/badlogin"]->expect, Expectation::NoCode);
    EXPECT_EQ(byId["ESSEX/lastbill/residential"]->vars.at("account_number"), "111111111-1");
    EXPECT_EQ(byId["ESSEX/lastbill/residential"]->config.oauth.tokenUrl, "http://127.0.0.1:9/DataCustodian/essex/oauth/token");
    EXPECT_NE(byId["EPE/test/residential"]->config.oauth.scope.find("auth-test-test_residential"), std::string::npos);
    EXPECT_FALSE(byId["EPE/test/residential"]->config.odr.url.empty());
    EXPECT_TRUE(byId["ESSEX/test/residential"]->config.odr.url.empty());
    EXPECT_FALSE(simulatorTarget(c.value(), "http://127.0.0.1:9", "NOPE").ok());
    Result<Target> one = simulatorTarget(c.value(), "http://127.0.0.1:9", "essex");
    ASSERT_TRUE(one.ok());
    for (const VariantSpec& v : one->variants)
        EXPECT_EQ(v.utility, "ESSEX");
}

// Makes sure the simulator target fills the keys the new checks need from the catalogue: the registration token and
// ApplicationInformation URL (ES-020/021), the client_credentials scope and the consent buttons.
// Example failure: --sim leaving espi.applicationInformationUrl empty, so FND002 SKIPs against our own simulator.
TEST(RunnerOptions, SimulatorTargetFillsNewKeys)
{
    Result<Catalogue> c = builtinCatalogue();
    ASSERT_TRUE(c.ok()) << c.error().describe();
    Result<Target> t = simulatorTarget(c.value(), "http://127.0.0.1:9", "essex");
    ASSERT_TRUE(t.ok()) << t.error().describe();
    const EndpointConfig& cfg = t->variants.front().config;
    EXPECT_EQ(cfg.espi.applicationInformationUrl,
        "http://127.0.0.1:9/DataCustodian/espi/1_1/resource/ApplicationInformation/" + cfg.oauth.clientId);
    EXPECT_FALSE(cfg.espi.registrationToken.empty());
    EXPECT_EQ(cfg.oauth.clientCredentialsScope, "FB=1_3_35");
    EXPECT_EQ(cfg.oauth.approve.value, "approve");
    EXPECT_EQ(cfg.oauth.decline.value, "decline");
    EXPECT_FALSE(cfg.odr.pollSeconds.empty());
}

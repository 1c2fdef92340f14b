// Integration over real HTTP on loopback: hostile Range headers, the /__sim admin gate, huge clock moves,
// loopback redirect ports, and the gbc-sim flags that control exposure (issue 13).
#include "flow_driver.h"
#include "sim_process.h"
#include "sim_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>

#include "catalogue_loader.h"

using namespace gbc;
using namespace gbc::simtest;

namespace {

SimServerOptions options()
{
    SimServerOptions o;
    o.catalogue = std::make_shared<const Catalogue>(builtinCatalogue().value());
    return o;
}

// "bytes=0-,0-,..." with `count` whole-body ranges: cpp-httplib 0.11 would build a multipart answer of each.
std::string manyRanges(int count)
{
    std::string value = "bytes=0-";
    for (int i = 1; i < count; ++i)
        value += ",0-";
    return value;
}

httplib::Headers bearer(const std::string& token)
{
    return {{"Authorization", "Bearer " + token}};
}

constexpr const char* kToken = "test-admin-token-0123456789";

} // namespace

class Hardening : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(server_.start("127.0.0.1", 0).ok()); }
    SimServer server_{options()};
};

// Makes sure a 2,000-range request is answered whole, small and fast, and the server keeps serving.
// Example failure: a multipart answer of every range (32.8 MB from an 8 KB header; 2,000 ranges → bad_alloc).
TEST_F(Hardening, ManyRangesAnsweredWholeAndFast)
{
    HttpDriver http(server_.baseUrl());
    const Reply plain = http.get("/");
    ASSERT_EQ(plain.status, 200);
    const auto t0 = std::chrono::steady_clock::now();
    const Reply ranged = http.get("/", {{"Range", manyRanges(2000)}});
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
    EXPECT_EQ(ranged.status, 200);
    EXPECT_EQ(ranged.body.size(), plain.body.size());
    EXPECT_EQ(ranged.contentType, "text/html; charset=utf-8");
    const Reply missing = http.get("/no/such/page", {{"Range", manyRanges(2000)}});
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.body.size(), http.get("/no/such/page").body.size());
    EXPECT_EQ(http.get("/").status, 200);
}

// Makes sure a single range does not cut a 200 answer (a 200 must carry the whole body) and a half-parsed
// Range (416 path) does not multiply the error page. Example failure: 200 with the first 10 bytes only.
TEST_F(Hardening, SingleAndMalformedRangesIgnored)
{
    HttpDriver http(server_.baseUrl());
    const Reply plain = http.get("/");
    const Reply one = http.get("/", {{"Range", "bytes=0-9"}});
    EXPECT_EQ(one.status, 200);
    EXPECT_EQ(one.body, plain.body);
    const Reply bad = http.get("/", {{"Range", manyRanges(1500) + ",x-y"}});
    EXPECT_LT(bad.body.size(), 64u * 1024) << "status " << bad.status;
    EXPECT_EQ(http.get("/").status, 200);
}

// Makes sure /__sim stays open on loopback without a token (a mock's convention). Example failure: 401 for tests.
TEST_F(Hardening, AdminOpenOnLoopback)
{
    HttpDriver http(server_.baseUrl());
    EXPECT_EQ(server_.adminToken(), "");
    EXPECT_EQ(http.get("/__sim/clock").status, 200);
}

// Makes sure a configured admin token is required: none or a wrong one is 401 with WWW-Authenticate, the right
// one passes, and the utilities' own routes never need it. Example failure: the token compared by prefix.
TEST(HardeningAdmin, TokenRequiredWhenConfigured)
{
    SimServerOptions o = options();
    o.adminToken = kToken;
    SimServer server(o);
    ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
    HttpDriver http(server.baseUrl());
    const Reply none = http.get("/__sim/clock");
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(none.contentType, "application/json") << "/__sim answers JSON, errors too";
    EXPECT_NE(none.body.find("\"admin_token_required\""), std::string::npos) << none.body;
    EXPECT_EQ(none.wwwAuthenticate, "Bearer realm=\"gbc-sim admin\"");
    EXPECT_EQ(http.get("/__sim/clock", bearer(std::string(kToken).substr(0, 10))).status, 401);
    EXPECT_EQ(http.get("/__sim/clock", bearer(std::string(kToken) + "x")).status, 401);
    EXPECT_EQ(http.postRaw("/__sim/clock", R"({"advance":"PT1M"})", "application/json").status, 401);
    EXPECT_EQ(http.get("/__sim/clock", bearer(kToken)).status, 200);
    EXPECT_EQ(http.get("/__sim/clock", {{"Authorization", std::string("bearer ") + kToken}}).status, 200);
    EXPECT_EQ(http.get("/").status, 200);
    EXPECT_EQ(http.get("/__simulator").status, 404) << "only /__sim and /__sim/... are gated";
}

// Makes sure binding beyond loopback generates a token (and requires it). Example failure: /__sim open to the LAN.
TEST(HardeningAdmin, BeyondLoopbackGeneratesToken)
{
    SimServer server(options());
    ASSERT_TRUE(server.start("0.0.0.0", 0).ok());
    EXPECT_EQ(server.adminToken().size(), 32u);
    HttpDriver http("http://127.0.0.1:" + std::to_string(server.port()));
    EXPECT_EQ(http.get("/__sim/clock").status, 401);
    EXPECT_EQ(http.get("/__sim/clock", bearer(server.adminToken())).status, 200);
    EXPECT_TRUE(isLoopbackHost("127.0.0.1") && isLoopbackHost("::1") && isLoopbackHost("localhost"));
    EXPECT_FALSE(isLoopbackHost("0.0.0.0") || isLoopbackHost("192.168.1.2") || isLoopbackHost("::"));
}

// Makes sure admin = false (--no-admin) turns every /__sim route off while the utilities still answer.
// Example failure: POST /__sim/clients/.../notifications still re-pointing a webhook.
TEST(HardeningAdmin, NoAdminIs404)
{
    SimServerOptions o = options();
    o.admin = false;
    SimServer server(o);
    ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
    HttpDriver http(server.baseUrl());
    EXPECT_EQ(http.get("/__sim/clock").status, 404);
    EXPECT_EQ(http.postRaw("/__sim/clock", R"({"advance":"PT1M"})", "application/json").status, 404);
    EXPECT_EQ(http.get("/__sim/notifications").status, 404);
    EXPECT_EQ(http.get("/").status, 200);
}

// Makes sure huge clock moves answer a located 400 and leave the clock alone. Example failure: 500 from
// std::stoll, or the clock wrapped to year -219,238,499.
TEST_F(Hardening, HugeClockMovesAre400)
{
    HttpDriver http(server_.baseUrl());
    for (const char* body : {R"({"advance":"P99999999999999999999D"})", R"({"advance":"P400000D"})",
                             R"({"advance":"PT9223372036854775807S"})"}) {
        const Reply r = http.postRaw("/__sim/clock", body, "application/json");
        EXPECT_EQ(r.status, 400) << body;
        EXPECT_NE(r.body.find("advance"), std::string::npos) << r.body;
    }
    ASSERT_EQ(http.postRaw("/__sim/clock", R"({"set":"9999-06-01T00:00:00Z"})", "application/json").status, 200);
    const Reply past = http.postRaw("/__sim/clock", R"({"advance":"P365D"})", "application/json");
    EXPECT_EQ(past.status, 400);
    EXPECT_NE(past.body.find("9999-12-31T23:59:59Z"), std::string::npos) << past.body;
    EXPECT_EQ(nlohmann::json::parse(http.get("/__sim/clock").body)["now"], "9999-06-01T00:00:00Z");
}

// Makes sure a loopback redirect_uri with an empty or impossible port is refused at authorize time.
// Example failure: http://127.0.0.1:/callback accepted as "any port" (RFC 8252 §7.3 allows only real ports).
TEST_F(Hardening, LoopbackRedirectPortsChecked)
{
    HttpDriver http(server_.baseUrl());
    auto authorize = [&](const std::string& redirect) {
        return http.get("/DataCustodian/epe/oauth/authorize?" +
                        formatUrlEncoded({{"response_type", "code"}, {"client_id", "EPE_ccccccccc"}, {"redirect_uri", redirect},
                                          {"scope", "FB=4;AdditionalScope=auth-test-test_residential"}}));
    };
    EXPECT_EQ(authorize("http://127.0.0.1:4321/callback").status, 200);
    for (const char* bad : {"http://127.0.0.1:/callback", "http://127.0.0.1:65536/callback", "http://127.0.0.1:0/callback"}) {
        const Reply r = authorize(bad);
        EXPECT_EQ(r.status, 400) << bad;
        EXPECT_TRUE(r.location.empty()) << "never redirect to an unverified URI: " << r.location;
    }
}

// Makes sure the exposure flags are parsed strictly: bad --public-url and short --admin-token exit 2 naming the
// flag. Example failure: --public-url javascript:x accepted as the demo site's base.
TEST(HardeningCli, ExposureFlagsValidated)
{
    const std::pair<std::vector<std::string>, const char*> cases[] = {
        {{"--public-url", "javascript:alert(1)"}, "--public-url"},
        {{"--public-url", "http://sim.example/path"}, "--public-url"},
        {{"--public-url", "http://sim.example:65536"}, "--public-url"},
        {{"--public-url", "http://user@sim.example"}, "--public-url"},
        {{"--admin-token", "short"}, "--admin-token"},
        {{"--admin-token", "has spaces in the token value"}, "--admin-token"},
    };
    for (const auto& [args, mention] : cases) {
        const RunResult r = runSim(args);
        EXPECT_EQ(r.exitCode, 2) << args[1];
        EXPECT_NE(r.err.find(mention), std::string::npos) << r.err;
    }
    const RunResult help = runSim({"--help"});
    for (const char* flag : {"--public-url", "--admin-token", "--no-admin"})
        EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
}

// Makes sure gbc-sim bound beyond loopback warns on stderr and prints a generated token that /__sim then needs.
// Example failure: a silent 0.0.0.0 bind with an open admin API.
TEST(HardeningCli, BeyondLoopbackWarnsAndPrintsToken)
{
    std::string error;
    auto sim = SimProcess::start({"--listen", "0.0.0.0:0"}, error);
    ASSERT_TRUE(sim) << error;
    HttpDriver http("http://127.0.0.1:" + std::to_string(sim->port()));
    EXPECT_EQ(http.get("/__sim/clock").status, 401);
    EXPECT_NE(sim->stderrText().find("beyond loopback"), std::string::npos) << sim->stderrText();
    EXPECT_EQ(sim->stop(), 0);
}

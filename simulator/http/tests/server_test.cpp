// Integration: SimServer in-process on port 0 — limits, bad encoding, crashes contained, clock, TLS, home page.
#include "flow_driver.h"
#include "sim_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

#include "catalogue_loader.h"

using namespace gbc;
using namespace gbc::simtest;

namespace {

SimServerOptions options()
{
    SimServerOptions o;
    o.catalogue = std::make_shared<const Catalogue>(builtinCatalogue().value());
    o.maxBodyBytes = 64 * 1024;
    o.extraRoutes.push_back(Route{"GET", "/__test/throw", [](const HttpRequest&) -> HttpAnswer {
                                      throw std::runtime_error("boom");
                                  }});
    return o;
}

} // namespace

class ServerTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(server_.start("127.0.0.1", 0).ok()); }
    void TearDown() override { server_.stop(); }
    SimServer server_{options()};
};

// Makes sure an oversized body answers 413 and the server keeps serving. Example failure: the body read into memory.
TEST_F(ServerTest, OversizedBodyIs413)
{
    HttpDriver http(server_.baseUrl());
    const Reply r = http.postRaw("/DataCustodian/essex/oauth/token", std::string(200 * 1024, 'a'), "application/octet-stream");
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(dataError(r.body), "payload_too_large");
    EXPECT_EQ(http.get("/").status, 200);
}

// Makes sure malformed percent-encoding in the query or a form body is a 400 naming the parameter.
// Example failure: "%zz" decoded to garbage and passed to the handler.
TEST_F(ServerTest, MalformedEncodingIs400)
{
    HttpDriver http(server_.baseUrl());
    const Reply q = http.get("/DataCustodian/essex/oauth/authorize?client_id=ESSEX_ccccccccc&scope=FB%3D4%zz");
    EXPECT_EQ(q.status, 400);
    EXPECT_EQ(dataError(q.body), "bad_encoding");
    EXPECT_NE(q.body.find("scope"), std::string::npos);
    const Reply b = http.postRaw("/DataCustodian/essex/oauth/token", "grant_type=%G1", "application/x-www-form-urlencoded");
    EXPECT_EQ(b.status, 400);
}

// Makes sure a handler exception is a 500 page and the server still answers afterwards. Example failure: a crash.
TEST_F(ServerTest, ExceptionIs500AndServerSurvives)
{
    HttpDriver http(server_.baseUrl());
    const Reply r = http.get("/__test/throw");
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(dataError(r.body), "server_error");
    EXPECT_EQ(r.body.find("boom"), std::string::npos) << "no internals in the page";
    EXPECT_EQ(http.get("/").status, 200);
    EXPECT_EQ(http.get("/no/such/path").status, 404);
}

// Makes sure /__sim/clock moves the default fixed clock and a code expires without sleeping.
// Example failure: a code still accepted after PT11M.
TEST_F(ServerTest, ClockAdvanceExpiresCode)
{
    HttpDriver http(server_.baseUrl());
    const std::string target = "/DataCustodian/epe/oauth/authorize?" +
        formatUrlEncoded({{"response_type", "code"}, {"client_id", "EPE_ccccccccc"}, {"redirect_uri", "http://localhost:1234/callback"},
                          {"scope", "FB=4;AdditionalScope=auth-test-test_residential"}});
    const std::string code = queryValue(walkAuthorize(http, target, {}).location, "code");
    ASSERT_FALSE(code.empty());
    const Reply moved = http.postRaw("/__sim/clock", R"({"advance":"PT11M"})", "application/json");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(nlohmann::json::parse(moved.body)["now"], "2025-06-15T12:11:00Z");
    const Reply t = http.postForm("/DataCustodian/epe/oauth/token",
                                  {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", "http://localhost:1234/callback"}},
                                  basicAuth("EPE_ccccccccc", "sandbox_secret"));
    EXPECT_EQ(t.status, 400);
    EXPECT_NE(t.body.find("expired"), std::string::npos);
    EXPECT_EQ(http.postRaw("/__sim/clock", R"({"advance":"soon"})", "application/json").status, 400);
}

// Makes sure a real clock refuses to move with 409. Example failure: 200 while time did not change.
TEST(ServerRealClock, ClockIs409)
{
    SimServerOptions o = options();
    o.clock = std::make_shared<RealClock>();
    SimServer server(o);
    ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
    HttpDriver http(server.baseUrl());
    EXPECT_EQ(http.postRaw("/__sim/clock", R"({"advance":"PT1M"})", "application/json").status, 409);
}

// Makes sure the home page lists every utility, its sandbox client and api_token. Example failure: SCE missing.
TEST_F(ServerTest, HomePageListsCatalogue)
{
    HttpDriver http(server_.baseUrl());
    const Reply r = http.get("/");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.contentType, "text/html; charset=utf-8");
    for (const char* text : {"ESSEX_ccccccccc", "SSMPUC_ccccccccc", "EPE_ccccccccc", "DEMOUTILITY_ccccccccc", "PGE_ccccccccc",
                             "SCE_ccccccccc", "essex_sandbox_api_token_0001", "test_badlogin", "111111111-1 / 100.0 / 2023-07-01",
                             "/DataCustodian/essex/oauth/token"})
        EXPECT_NE(r.body.find(text), std::string::npos) << text;
}

// Makes sure --tls serves HTTPS whose generated certificate verifies for 127.0.0.1 (SAN), and plain HTTP fails.
// Example failure: a certificate without the IP SAN, rejected by a verifying client.
TEST(ServerTls, SelfSignedCertificateVerifies)
{
    SimServerOptions o = options();
    o.tls = true;
    SimServer server(o);
    ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
    ASSERT_EQ(server.baseUrl().rfind("https://127.0.0.1:", 0), 0u);
    const std::string caFile = ::testing::TempDir() + "gbc-sim-ca-" + std::to_string(server.port()) + ".pem";
    std::ofstream(caFile) << server.certificatePem();
    HttpDriver verified(server.baseUrl(), caFile);
    const Reply r = verified.get("/");
    EXPECT_EQ(r.status, 200) << r.error;
    HttpDriver plain("http://127.0.0.1:" + std::to_string(server.port()));
    EXPECT_NE(plain.get("/").status, 200);
    std::remove(caFile.c_str());
}

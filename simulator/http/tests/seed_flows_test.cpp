// Integration: the real gbc-sim binary over HTTP, every seed utility × auth type × residential/commercial/badlogin.
#include "flow_driver.h"
#include "sim_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>

using namespace gbc::simtest;

namespace {

struct SeedCase {
    std::string utility, auth, who;
    std::string hint; // AdditionalScope value
    Fields fields;    // what the customer types on the verification page
    std::size_t services = 0; // services offered on consent; 0 = badlogin (no consent)
};

void PrintTo(const SeedCase& c, std::ostream* os)
{
    *os << c.utility << " " << c.auth << " " << c.who << " (" << c.hint << ")";
}

Fields lastbill(const char* account, const char* amount, const char* date)
{
    return {{"account_number", account}, {"bill_amount", amount}, {"bill_date", date}};
}
Fields login(const char* user) { return {{"username", user}, {"password", user}}; }
Fields lookup(const char* value) { return {{"lookup_value", value}}; }

void addTestCases(std::vector<SeedCase>& out, const std::string& u, std::size_t res, std::size_t com)
{
    out.push_back({u, "test", "residential", "auth-test-test_residential", {}, res});
    out.push_back({u, "test", "commercial", "auth-test-test_commercial", {}, com});
    out.push_back({u, "test", "badlogin", "auth-test-test_badlogin", {}, 0});
}

void addTriple(std::vector<SeedCase>& out, const std::string& u, const std::string& auth, Fields res, Fields com,
               Fields bad, std::size_t resServices, std::size_t comServices)
{
    out.push_back({u, auth, "residential", "auth-" + auth, std::move(res), resServices});
    out.push_back({u, auth, "commercial", "auth-" + auth, std::move(com), comServices});
    out.push_back({u, auth, "badlogin", "auth-" + auth, std::move(bad), 0});
}

// The seed pages' tables, typed in by hand (not read from the catalogue under test).
std::vector<SeedCase> seedCases()
{
    std::vector<SeedCase> c;
    addTriple(c, "ESSEX", "lastbill", lastbill("111111111-1", "100.0", "2023-07-01"),
              lastbill("222222222-2", "200.0", "2023-07-02"), lastbill("333333333-3", "300.0", "2023-07-03"), 1, 1);
    addTestCases(c, "ESSEX", 1, 1);
    addTriple(c, "SSMPUC", "lastbill", lastbill("APUC0000-00", "180.92", "2023-02-22"),
              lastbill("APUC0000-01", "111.71", "2023-02-28"), lastbill("APUC0000-02", "300.00", "2023-02-28"), 2, 2);
    addTestCases(c, "SSMPUC", 2, 2);
    addTriple(c, "EPE", "sso", login("test_residential"), login("test_commercial"), login("test_badlogin"), 1, 1);
    addTestCases(c, "EPE", 1, 1);
    addTriple(c, "DEMOUTILITY", "sso", login("test_residential"), login("test_commercial"), login("test_badlogin"), 3, 5);
    addTriple(c, "DEMOUTILITY", "account", lookup("111111111-1"), lookup("222222222-2"), lookup("333333333-3"), 3, 5);
    addTriple(c, "DEMOUTILITY", "phone", lookup("+11111111111"), lookup("+22222222222"), lookup("+13333333333"), 3, 5);
    addTriple(c, "DEMOUTILITY", "email", lookup("heather.homeowner@example.com"), lookup("acmecorp@example.com"),
              lookup("nobody@example.com"), 3, 5);
    addTriple(c, "DEMOUTILITY", "address", lookup("111 ANYWHERE ST, ANYTOWN, NY 12345"),
              lookup("222 MAIN ST BLDG, ANYTOWN, NY 12345"), lookup("999 NOWHERE RD, ANYTOWN, NY 12345"), 3, 5);
    addTriple(c, "DEMOUTILITY", "lastbill", lastbill("111111111-1", "100", "2022-01-01"),
              lastbill("222222222-2", "200", "2022-02-02"), lastbill("333333333-3", "300", "2022-03-03"), 3, 5);
    addTestCases(c, "DEMOUTILITY", 3, 5);
    for (const char* u : {"PGE", "SCE"}) {
        addTriple(c, u, "proxy", login("test_residential"), login("test_commercial"), login("test_badlogin"), 1, 1);
        addTestCases(c, u, 1, 1);
    }
    return c;
}

std::string lower(std::string s)
{
    for (char& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// "DEMOUTILITY" → "Demoutility", "lastbill" → "Lastbill": CamelCase parameter names without underscores.
std::string camel(const std::string& word)
{
    std::string out = lower(word);
    if (!out.empty())
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

} // namespace

// One gbc-sim process for the whole file (started once: the suite stays fast).
class SeedFlows : public ::testing::TestWithParam<SeedCase> {
protected:
    static void SetUpTestSuite()
    {
        std::string error;
        sim_ = SimProcess::start({"--listen", "127.0.0.1:0", "--quiet"}, error).release();
        ASSERT_NE(sim_, nullptr) << error;
    }
    static void TearDownTestSuite()
    {
        if (sim_) {
            EXPECT_EQ(sim_->stop(SIGTERM), 0) << "clean shutdown on SIGTERM";
        }
        delete sim_;
        sim_ = nullptr;
    }
    static std::string authorizeTarget(const SeedCase& c, const std::string& state)
    {
        return "/DataCustodian/" + lower(c.utility) + "/oauth/authorize?" +
               gbc::formatUrlEncoded({{"response_type", "code"}, {"client_id", c.utility + "_ccccccccc"},
                                      {"redirect_uri", "http://127.0.0.1:61000/callback"}, {"state", state},
                                      {"scope", "FB=4_16_51;AdditionalScope=" + c.hint}});
    }
    static inline SimProcess* sim_ = nullptr;
};

// Makes sure each seed account reaches the outcome its seed table promises: residential and commercial get a
// code (then tokens) after consenting to the listed services; badlogin sees customer_not_found and no code.
// Example failure: the DEMOUTILITY commercial account offering 4 services instead of 5.
TEST_P(SeedFlows, SeedAccountOutcome)
{
    ASSERT_NE(sim_, nullptr);
    const SeedCase& c = GetParam();
    HttpDriver http(sim_->url());
    const std::string state = "st-" + c.utility + "-" + c.auth + "-" + c.who;
    const WalkResult w = walkAuthorize(http, authorizeTarget(c, state), c.fields);
    if (c.services == 0) {
        EXPECT_EQ(w.dataError, "customer_not_found");
        EXPECT_EQ(w.location, "");
        return;
    }
    EXPECT_EQ(w.dataError, "");
    EXPECT_EQ(w.services, c.services);
    ASSERT_EQ(w.location.rfind("http://127.0.0.1:61000/callback?code=", 0), 0u) << w.location;
    EXPECT_EQ(queryValue(w.location, "state"), state);
    const std::string code = queryValue(w.location, "code");
    EXPECT_EQ(code.size(), 64u);
    const Reply t = http.postForm("/DataCustodian/" + lower(c.utility) + "/oauth/token",
                                  {{"grant_type", "authorization_code"}, {"code", code},
                                   {"redirect_uri", "http://127.0.0.1:61000/callback"}},
                                  basicAuth(c.utility + "_ccccccccc", "sandbox_secret"));
    ASSERT_EQ(t.status, 200) << t.body;
    const auto j = nlohmann::json::parse(t.body);
    EXPECT_EQ(j["token_type"], "Bearer");
    EXPECT_EQ(j["expires_in"], 3600);
    EXPECT_EQ(j["scope"], "FB=4_16_51;AdditionalScope=" + c.hint);
    const std::string authUri = j["authorizationURI"], resUri = j["resourceURI"];
    const std::string uid = authUri.substr(authUri.rfind('/') + 1);
    EXPECT_EQ(resUri, sim_->url() + "/DataCustodian/espi/1_1/resource/Subscription/" + uid);
    EXPECT_EQ(j["customerResourceURI"], sim_->url() + "/DataCustodian/espi/1_1/resource/RetailCustomer/" + uid);
    EXPECT_EQ(t.cacheControl, "no-store");
}

INSTANTIATE_TEST_SUITE_P(AllSeedAccounts, SeedFlows, ::testing::ValuesIn(seedCases()),
                         [](const ::testing::TestParamInfo<SeedCase>& info) {
                             return camel(info.param.utility) + camel(info.param.auth) + camel(info.param.who);
                         });

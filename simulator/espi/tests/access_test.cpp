// Access control and error answers of the ESPI API: token-class matrix, 401/403/404/400/405, 202 delay, revocation.
#include <gtest/gtest.h>

#include "espi_ids.h"
#include "espi_test_util.h"

namespace gbc {
namespace {

using testing::call;
using testing::World;

// Tokens of the fixture, by column of the matrix below.
enum Col { None, Unknown, Expired, CustOwn, CustOther, ClientTok, Registration, Api, ForeignApi, kCols };
const char* const kTokens[kCols] = {"", "nope", "cust-exp", "cust-a", "cust-b", "client-d", "reg-d", "api-d", "api-e"};

class EspiAccess : public ::testing::Test {
protected:
    void SetUp() override
    {
        a = w.grant("800", "DEMOUTILITY", "demoutility-residential");
        b = w.grant("801", "DEMOUTILITY", "demoutility-commercial");
        w.token("cust-a", TokenClass::CustomerAccess, a);
        w.token("cust-b", TokenClass::CustomerAccess, b);
        w.token("client-d", TokenClass::ClientAccess, a);
        w.token("reg-d", TokenClass::Registration, a);
        w.token("api-d", TokenClass::ApiToken, a);
        w.token("api-e", TokenClass::ApiToken, w.grant("900", "ESSEX", "essex-residential"));
        w.token("cust-exp", TokenClass::CustomerAccess, a);
        w.directory.tokens["cust-exp"].expiresAt = w.clock.now() - 1;
    }
    int status(const std::string& path, const std::string& token) { return call(w, path, token).status; }

    World w;
    AuthorizationRecord a, b;
};

struct MatrixRow {
    std::string path;
    int expected[kCols];
};

// Makes sure each token class reaches exactly the resources utilityapi.md section 4 allows.
// Example failure: a client access token reading Batch/Subscription (must be 403), or another customer's data.
TEST_F(EspiAccess, TokenClassMatrix)
{
    const std::string bulk = bulkId(*testing::catalogue().findUtility("DEMOUTILITY")->findClient("DEMOUTILITY_ccccccccc"));
    const std::vector<MatrixRow> rows = {
        //                                          none unk  exp  own  other client reg  api  foreignApi
        {"Batch/Subscription/800",                 {401, 401, 401, 200, 403, 403, 403, 200, 403}},
        {"Subscription/800",                       {401, 401, 401, 200, 403, 403, 403, 200, 403}},
        {"Batch/Subscription/800/UsagePoint/80002", {401, 401, 401, 200, 403, 403, 403, 200, 403}},
        {"Subscription/800/UsagePoint",            {401, 401, 401, 200, 403, 403, 403, 200, 403}},
        {"Subscription/800/UsagePoint/80002/MeterReading/80002_kwh_900/IntervalBlock",
                                                   {401, 401, 401, 200, 403, 403, 403, 200, 403}},
        {"ReadingType/800_80002_kwh_900",          {401, 401, 401, 200, 403, 200, 403, 200, 403}},
        {"LocalTimeParameters/TIMEZONE_800_80002", {401, 401, 401, 200, 403, 200, 403, 200, 403}},
        {"RetailCustomer/800/Customer",            {401, 401, 401, 200, 403, 403, 403, 200, 403}},
        {"Batch/RetailCustomer/800",               {401, 401, 401, 200, 403, 403, 403, 200, 403}},
        {"Authorization",                          {401, 401, 401, 403, 403, 200, 403, 200, 200}},
        {"Authorization/800",                      {401, 401, 401, 200, 403, 200, 403, 200, 404}},
        {"ReadServiceStatus",                      {401, 401, 401, 403, 403, 200, 403, 200, 200}},
        {"ApplicationInformation/DEMOUTILITY_ccccccccc", {401, 401, 401, 403, 403, 403, 200, 403, 403}},
        {"Bulk/" + bulk,                           {401, 401, 401, 403, 403, 200, 403, 200, 404}},
    };
    for (const MatrixRow& row : rows)
        for (int col = 0; col < kCols; ++col)
            EXPECT_EQ(status(row.path, kTokens[col]), row.expected[col]) << row.path << " with '" << kTokens[col] << "'";
}

// Makes sure a 401 names the Bearer scheme and no data is in a 403 body. Example failure: feed XML in a 403.
TEST_F(EspiAccess, DenialsCarryNoData)
{
    const HttpAnswer unauth = call(w, "Batch/Subscription/800", "");
    ASSERT_EQ(unauth.status, 401);
    bool challenge = false;
    for (const auto& [k, v] : unauth.headers)
        challenge |= k == "WWW-Authenticate" && v.rfind("Bearer", 0) == 0;
    EXPECT_TRUE(challenge);
    const HttpAnswer other = call(w, "Batch/Subscription/800", "cust-b");
    EXPECT_EQ(other.status, 403);
    EXPECT_EQ(other.contentType.rfind("text/plain", 0), 0u);
    EXPECT_EQ(other.body.find("IntervalReading"), std::string::npos);
    EXPECT_EQ(other.body.find("E111111111"), std::string::npos);
}

// Makes sure unknown ids answer 404 with a plain-text message. Example failure: 200 with an empty feed, or Atom XML.
TEST_F(EspiAccess, UnknownIdsAre404PlainText)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Subscription/800/UsagePoint/80009", "cust-a"},
        {"Subscription/800/UsagePoint/80002/MeterReading/80002_kwh_60", "cust-a"},
        {"Subscription/800/UsagePoint/80002/MeterReading/80002_kwh_900/IntervalBlock/19990101", "cust-a"},
        {"Subscription/800/UsagePoint/80002/MeterReading/80002_kwh_900/IntervalBlock/2025013", "cust-a"},
        {"Subscription/800/UsagePoint/80002/UsageSummary/202406x", "cust-a"},
        {"Subscription/800/UsagePoint/80003/ElectricPowerQualitySummary/202501", "cust-a"}, // gas: no EPQS
        {"ReadingType/garbage", "cust-a"},
        {"LocalTimeParameters/TIMEZONE_800_80009", "cust-a"},
        {"RetailCustomer/800/Customer/801", "cust-a"},
        {"RetailCustomer/800/Customer/800/CustomerAccount/2", "cust-a"},
        {"Authorization/424242", "client-d"},
        {"ApplicationInformation/UNKNOWN_client", "reg-d"},
        {"Bulk/1", "client-d"},
    };
    for (const auto& [path, token] : cases) {
        const HttpAnswer a = call(w, path, token);
        EXPECT_EQ(a.status, 404) << path;
        EXPECT_EQ(a.contentType.rfind("text/plain", 0), 0u) << path;
        EXPECT_NE(a.body.find("404 Not Found"), std::string::npos) << path;
        EXPECT_EQ(a.body.find("<feed"), std::string::npos) << path;
    }
}

// Makes sure ApplicationInformation states the registration's current mode (1 sandbox, 2 live), also after a
// /__sim/ admin switch. Example failure: status still read from the catalogue after switching to live.
TEST_F(EspiAccess, ApplicationStatusFollowsTheSwitchedMode)
{
    const std::string path = "ApplicationInformation/DEMOUTILITY_ccccccccc";
    const std::string sandbox = "dataCustodianApplicationStatus>1</";
    const std::string live = "dataCustodianApplicationStatus>2</";
    const HttpAnswer before = call(w, path, "reg-d");
    ASSERT_EQ(before.status, 200);
    EXPECT_NE(before.body.find(sandbox), std::string::npos) << before.body;
    w.ctx.modes->set("DEMOUTILITY_ccccccccc", ClientMode::Live);
    const HttpAnswer after = call(w, path, "reg-d");
    EXPECT_NE(after.body.find(live), std::string::npos) << after.body;
}

// Makes sure paths outside the grammar and ids with odd characters answer 400. Example failure: 500 or 200.
TEST_F(EspiAccess, MalformedPathsAre400)
{
    for (const std::string path : {"", "Batch", "Subscription/800/Foo", "Subscription/8 00/UsagePoint",
                                   "Subscription/800/UsagePoint/80002/MeterReading/x/IntervalBlock/1/extra",
                                   "UsagePoint", "Subscription/../800", "ReadingType/a%2Fb"})
        EXPECT_EQ(status(path, "cust-a"), 400) << "'" << path << "'";
}

// Makes sure QRY002-style values answer 400 for every parameter, and 200 with the bad_query_accepted defect.
// Example failure: 'All' silently ignored.
TEST_F(EspiAccess, BadQueryValuesAre400)
{
    const std::string feed = "Subscription/800/UsagePoint/80002/MeterReading/80002_kwh_900/IntervalBlock";
    for (const char* param : {"published-min", "published-max", "updated-min", "updated-max", "max-results",
                              "start-index", "depth"})
        for (const char* value : {"All", "03/01/2016", "-1", ""}) {
            const std::string path = feed + "?" + param + "=" + value;
            const HttpAnswer a = call(w, path, "cust-a");
            EXPECT_EQ(a.status, 400) << path;
            EXPECT_NE(a.body.find(param), std::string::npos) << "the message names the parameter: " << a.body;
        }
    EXPECT_EQ(status(feed + "?max-results=3&published-min=2025-01-01T00:00:00Z", "cust-a"), 200);
    EXPECT_EQ(status(feed + "?max-results=1&max-results=2", "cust-a"), 400);
    w.ctx.defects.insert("bad_query_accepted");
    EXPECT_EQ(status(feed + "?published-min=All", "cust-a"), 200);
}

// Makes sure Batch answers 202 + Retry-After until the data is collected, clock-driven. Example failure: 200 with
// an empty feed, or a Retry-After that does not count down.
TEST_F(EspiAccess, CollectionDelayAnswers202)
{
    w.directory.records["800"].dataReadyAt = w.clock.now() + 900;
    const HttpAnswer first = call(w, "Batch/Subscription/800", "cust-a");
    EXPECT_EQ(first.status, 202);
    EXPECT_TRUE(first.body.empty());
    ASSERT_EQ(first.headers.size(), 1u);
    EXPECT_EQ(first.headers[0], (std::pair<std::string, std::string>{"Retry-After", "900"}));
    EXPECT_EQ(status("Batch/RetailCustomer/800", "cust-a"), 202);
    w.clock.advance(600);
    EXPECT_EQ(call(w, "Batch/Subscription/800", "cust-a").headers.at(0).second, "300");
    w.clock.advance(300);
    EXPECT_EQ(status("Batch/Subscription/800", "cust-a"), 200);
}

// Makes sure a revoked or expired authorization stops serving at once. Example failure: data after revocation.
TEST_F(EspiAccess, RevokedAndExpiredStopServing)
{
    ASSERT_EQ(status("Subscription/800/UsagePoint", "cust-a"), 200);
    w.directory.revokeAuthorization("800", w.clock.now());
    EXPECT_EQ(status("Subscription/800/UsagePoint", "cust-a"), 401);
    EXPECT_EQ(status("Subscription/800/UsagePoint", "api-d"), 403);
    w.directory.records["801"].expires = w.clock.now() - 1;
    EXPECT_EQ(status("Batch/Subscription/801", "cust-b"), 401);
}

// Makes sure write methods are refused and the customer tree needs FB 51. Example failure: PUT answering 200.
TEST_F(EspiAccess, MethodsAndCustomerScope)
{
    HttpRequest put = testing::espiGet("Authorization/800", "client-d");
    put.method = "PUT";
    EXPECT_EQ(handleEspi(w.ctx, put).status, 405);
    w.directory.records["800"].functionBlocks = {1, 4, 5};
    EXPECT_EQ(status("RetailCustomer/800/Customer", "cust-a"), 403);
    EXPECT_EQ(status("Batch/Subscription/800", "cust-a"), 200);
}

// Makes sure the wrong_token_class_accepted defect lets a client token read Batch/Subscription.
// Example failure: the defect switch has no effect.
TEST_F(EspiAccess, WrongTokenClassDefect)
{
    w.ctx.defects.insert("wrong_token_class_accepted");
    EXPECT_EQ(status("Batch/Subscription/800", "client-d"), 200);
    EXPECT_EQ(status("Batch/Subscription/900", "client-d"), 403); // another client's subscription still refused
}

} // namespace
} // namespace gbc

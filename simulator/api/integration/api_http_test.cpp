// Integration: the JSON API and On-Demand Read over real HTTP on loopback, every endpoint, every seed utility, and
// the same ids and numbers as the ESPI API.
#include <pugixml.hpp>

#include "api_http_support.h"
#include "espi_ids.h"

namespace gbc::apitest {
namespace {

// Makes sure an OAuth authorization appears in the JSON API under the ESPI Subscription id, and its meter uid is
// the UsagePoint id of the Atom feed. Example failure: JSON uids unrelated to the ESPI ids.
TEST_F(ApiHttp, OauthAuthorizationSharesIdsWithEspi)
{
    const Grant g = oauthGrant("EPE");
    const nlohmann::json list = json(get("/api/v2/authorizations?include=meters"));
    ASSERT_EQ(list["authorizations"].size(), 1u);
    EXPECT_EQ(list["authorizations"][0]["uid"], g.subscriptionId);
    const std::string meter = list["authorizations"][0]["meters"]["meters"][0]["uid"];
    const Reply feed = http_->get("/DataCustodian/espi/1_1/resource/Batch/Subscription/" + g.subscriptionId, bearer(g.accessToken));
    ASSERT_EQ(feed.status, 200) << feed.body.substr(0, 300);
    EXPECT_NE(feed.body.find("/UsagePoint/" + meter + "\""), std::string::npos);
}

// Makes sure one day of JSON intervals carries the ESPI IntervalBlock's values in kWh (value x 10^-3 Wh / 1000).
// Example failure: the JSON API generating its own numbers.
TEST_F(ApiHttp, IntervalsEqualEspiIntervalBlock)
{
    const Grant g = oauthGrant("EPE");
    const std::string meter = usagePointId(g.subscriptionId, 0);
    const nlohmann::json iv = json(get("/api/v2/intervals?meters=" + meter + "&start=2025-06-10&end=2025-06-11"));
    ASSERT_EQ(iv["intervals"].size(), 1u);
    const Reply block = http_->get("/DataCustodian/espi/1_1/resource/Subscription/" + g.subscriptionId + "/UsagePoint/" + meter +
                                       "/MeterReading/" + meter + "_kwh_900/IntervalBlock/20250610",
                                   bearer(g.accessToken));
    ASSERT_EQ(block.status, 200) << block.body.substr(0, 300);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(block.body.c_str()));
    std::vector<long long> values;
    for (auto x : doc.select_nodes("//*[local-name()='IntervalReading']/*[local-name()='value']"))
        values.push_back(x.node().text().as_llong());
    const nlohmann::json& readings = iv["intervals"][0]["readings"];
    ASSERT_EQ(readings.size(), values.size());
    ASSERT_EQ(values.size(), 96u);
    for (std::size_t i = 0; i < values.size(); ++i)
        EXPECT_NEAR(readings[i]["kwh"].get<double>(), static_cast<double>(values[i]) / 1e6, 1e-9) << i;
}

// Makes sure every list/get endpoint answers for every seed utility's test-submit authorization.
// Example failure: a utility whose water or gas meters break the bills endpoint.
TEST_F(ApiHttp, EveryEndpointForEverySeedUtility)
{
    for (const char* u : {"ESSEX", "SSMPUC", "EPE", "DEMOUTILITY", "PGE", "SCE"}) {
        SCOPED_TRACE(u);
        const std::string auth = submit(u, "commercial");
        const nlohmann::json meters = json(get("/api/v2/meters?authorizations=" + auth, u))["meters"];
        ASSERT_GE(meters.size(), 1u);
        const std::string meter = meters[0]["uid"];
        for (const std::string& path : std::vector<std::string>{
                 "/api/v2/authorizations", "/api/v2/authorizations/" + auth + "?include=meters&expand_meter_blocks=true",
              "/api/v2/meters/" + meter + "?expand_meter_blocks=true", "/api/v2/bills?authorizations=" + auth,
              "/api/v2/intervals?meters=" + meter + "&limit=3", "/api/v2/accounting/billing-accounts", "/api/v2/events",
              "/api/v2/forms", "/api/v2/forms/form-" + std::string(u) + "_ccccccccc"}) {
            const Reply r = get(path, u);
            EXPECT_EQ(r.status, 200) << path << " " << r.body.substr(0, 200);
            EXPECT_EQ(r.contentType, "application/json") << path;
        }
        EXPECT_EQ(post("/api/v2/meters/historical-collection", {{"meters", {meter}}}, u).status, 200);
        EXPECT_EQ(post("/api/v2/meters/ongoing-monitoring", {{"meters", {meter}}, {"frequency", "daily"}}, u).status, 200);
        EXPECT_EQ(get("/api/v2/files/latest_pdf?meter=" + meter, u).status, 404);
        EXPECT_EQ(get("/api/" + std::string(u) + "/odr?meter=" + meter, u).status, std::string(u) == "EPE" ? 200 : 404);
        EXPECT_EQ(post("/api/v2/authorizations/" + auth + "/revoke", nlohmann::json::object(), u).status, 200);
        EXPECT_EQ(http_->postRaw("/api/v2/authorizations/" + auth, "", "application/json").status, 404); // no POST route
    }
}

// Makes sure the ODR lifecycle can be watched over HTTP while /__sim/clock moves the simulator's time.
// Example failure: the read never leaves "initialized" because the route caches the first answer.
TEST_F(ApiHttp, OdrLifecycleWithClockAdmin)
{
    const std::string meter = usagePointId(submit("EPE"), 0);
    const std::string target = "/api/epe/odr?meter=" + meter;
    std::vector<std::string> statuses;
    for (const char* step : {"PT0S", "PT5S", "PT15S", "PT60S"}) {
        ASSERT_EQ(admin("/__sim/clock", {{"advance", step}}).status, 200);
        statuses.push_back(json(get(target))["status"]);
    }
    EXPECT_EQ(statuses, (std::vector<std::string>{"initialized", "waiting", "pending", "updated"}));
    const nlohmann::json done = json(get("/api/EPE/odr?meter=" + meter + "&access_token=" + apiToken("EPE")));
    EXPECT_EQ(done["data"]["readings"]["datapoints"][0]["unit"], "kwh");
    EXPECT_EQ(done["ttl_seconds"], 820);
}

// Makes sure bad input answers the documented error bodies and statuses over HTTP, never another party's data.
// Example failure: a 500 or an HTML page for a malformed filter.
TEST_F(ApiHttp, ErrorsOverHttp)
{
    const std::string auth = submit("EPE");
    struct Case { std::string target; std::string utility; int status; const char* error; };
    const Case cases[] = {
        {"/api/v2/authorizations?is_test=perhaps", "EPE", 400, "invalid_param"},
        {"/api/v2/authorizations?limit=5000", "EPE", 400, "invalid_param"},
        {"/api/v2/bills", "EPE", 400, "required_param_missing"},
        {"/api/v2/authorizations/" + auth, "DEMOUTILITY", 404, "not_found"},
        {"/api/v2/meters/" + usagePointId(auth, 0), "SCE", 404, "not_found"},
        {"/api/epe/odr?meter=" + usagePointId(auth, 0), "SCE", 404, "not_found"},
        {"/api/epe/odr", "EPE", 400, "required_param_missing"},
    };
    for (const Case& c : cases) {
        const Reply r = get(c.target, c.utility);
        EXPECT_EQ(r.status, c.status) << c.target;
        EXPECT_EQ(json(r)["error"], c.error) << c.target << " " << r.body;
        EXPECT_EQ(r.body.find("Heather"), std::string::npos) << c.target;
    }
    const Reply noToken = http_->get("/api/v2/meters");
    EXPECT_EQ(noToken.status, 401);
    EXPECT_EQ(json(noToken)["error"], "missing_token");
    EXPECT_EQ(http_->get("/api/v2/meters", bearer("wrong")).status, 401);
    EXPECT_EQ(http_->postRaw("/api/v2/forms/form-EPE_ccccccccc/test-submit", "{", "application/json", bearer(apiToken("EPE"))).status, 400);
}

// Makes sure the /__sim/ mode switch reaches the OAuth pages: a sandbox registration cannot reach a real customer,
// the same registration switched to live can. Example failure: the switch only changes the admin answer.
TEST_F(ApiHttp, ModeSwitchReachesOauthPages)
{
    const std::string target = "/DataCustodian/EPE/oauth/authorize?" +
                               formatUrlEncoded({{"response_type", "code"}, {"client_id", "EPE_ccccccccc"},
                                                 {"redirect_uri", "http://127.0.0.1:61000/callback"}, {"scope", "FB=4_16_51"}});
    const Fields real{{"username", "real_customer"}, {"password", "real_password"}};
    const auto sandbox = simtest::walkAuthorize(*http_, target, real);
    EXPECT_EQ(sandbox.dataError, "sandbox_client");
    EXPECT_TRUE(sandbox.location.empty());
    ASSERT_EQ(admin("/__sim/clients/EPE_ccccccccc/mode", {{"mode", "live"}}).status, 200);
    EXPECT_EQ(json(http_->get("/__sim/clients/EPE_ccccccccc/mode"))["mode"], "live");
    const auto live = simtest::walkAuthorize(*http_, target, real);
    EXPECT_FALSE(simtest::queryValue(live.location, "code").empty()) << live.dataError;
    const nlohmann::json list = json(get("/api/v2/authorizations?is_test=false"));
    ASSERT_EQ(list["authorizations"].size(), 1u);
    EXPECT_EQ(list["authorizations"][0]["is_test"], false);
}

} // namespace
} // namespace gbc::apitest

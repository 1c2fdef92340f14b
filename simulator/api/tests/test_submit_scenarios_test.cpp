// UtilityAPI's test-submit scenarios beyond the utility's own test customers: badlogin_after and websitedown_after
// (a meter, then a failed collection), websitedown and utilityerror (no authorization).
#include "api_harness.h"

namespace gbc {
namespace {

const std::string kForm = "/api/v2/forms/form-EPE_ccccccccc/test-submit";

std::vector<std::string> eventTypes(ApiHarness& h, const std::string& uid)
{
    std::vector<std::string> out;
    const ApiResponse r = h.get("/api/v2/events"); // bound: a range-for over a temporary's member would dangle
    for (const auto& e : r.json["events"])
        if (e.value("authorization_uid", "") == uid)
            out.push_back(e.value("type", ""));
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Makes sure badlogin_after finds a meter, stays pending for the scenario's delay, then ends "errored" with an
// access_invalid note, errored events and no usage data. Example failure: the meter reports "updated" with data.
TEST(TestSubmitScenarios, BadloginAfterFindsAMeterThenFails)
{
    ApiHarness h;
    const std::string uid = h.submit("badlogin_after");
    ASSERT_FALSE(uid.empty());
    const ApiResponse before = h.get("/api/v2/meters", {{"authorizations", uid}});
    ASSERT_EQ(before.json["meters"].size(), 1u);
    EXPECT_EQ(before.json["meters"][0]["status"], "pending");
    const std::string meter = before.json["meters"][0]["uid"];
    h.clock.advance(60);
    const ApiResponse after = h.get("/api/v2/meters/" + meter);
    EXPECT_EQ(after.json["status"], "errored");
    ASSERT_EQ(after.json["notes"].size(), 1u);
    EXPECT_EQ(after.json["notes"][0]["type"], "access_invalid");
    EXPECT_EQ(h.get("/api/v2/authorizations/" + uid).json["status"], "errored");
    EXPECT_TRUE(h.get("/api/v2/intervals", {{"meters", meter}}).json["intervals"].empty());
    EXPECT_TRUE(h.get("/api/v2/bills", {{"meters", meter}}).json["bills"].empty());
    const std::vector<std::string> types = eventTypes(h, uid);
    EXPECT_TRUE(has(types, "meter_historical_collection_finished_errored")) << ::testing::PrintToString(types);
    EXPECT_TRUE(has(types, "authorization_update_finished_errored"));
    EXPECT_FALSE(has(types, "authorization_update_finished_successful"));
}

// Makes sure websitedown_after fails with the website_down note, and a plain residential submit still succeeds
// beside it. Example failure: the scenario leaking onto the template customer's other authorizations.
TEST(TestSubmitScenarios, WebsitedownAfterAndUntouchedNeighbours)
{
    ApiHarness h;
    const std::string failing = h.submit("websitedown_after"), fine = h.submit("residential");
    h.clock.advance(3600);
    const ApiResponse a = h.get("/api/v2/authorizations/" + failing);
    EXPECT_EQ(a.json["status"], "errored");
    EXPECT_EQ(a.json["notes"][0]["type"], "website_down");
    EXPECT_EQ(h.get("/api/v2/authorizations/" + fine).json["status"], "updated");
    const std::string meter = h.get("/api/v2/meters", {{"authorizations", fine}}).json["meters"][0]["uid"];
    const ApiResponse day = h.get("/api/v2/intervals", {{"meters", meter}, {"start", "2025-06-10"}, {"end", "2025-06-11"}});
    EXPECT_FALSE(day.json["intervals"].empty()) << day.body;
}

// Makes sure websitedown and utilityerror create nothing and say why. Example failure: 200 with an authorization.
TEST(TestSubmitScenarios, WebsitedownAndUtilityerrorCreateNothing)
{
    ApiHarness h;
    for (const char* scenario : {"websitedown", "utilityerror", "test_websitedown"}) {
        const ApiResponse r = h.post(kForm, {{"scenario", scenario}});
        EXPECT_EQ(r.status, 400) << scenario;
        EXPECT_EQ(r.json.value("error", ""), "access_invalid") << scenario;
        EXPECT_NE(r.json.value("error_description", "").find("no authorization was created"), std::string::npos);
    }
    EXPECT_TRUE(h.directory.authorizationsOf("EPE_ccccccccc").empty());
    const ApiResponse unknown = h.post(kForm, {{"scenario", "websitedwn"}});
    EXPECT_EQ(unknown.status, 400);
    EXPECT_NE(unknown.json.value("error_description", "").find("badlogin_after"), std::string::npos) << unknown.body;
}

} // namespace
} // namespace gbc

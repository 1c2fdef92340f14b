// Route-level tests of JSON API authentication, forms/test-submit and authorizations (filters, pagination, revoke, delete).
#include "api_harness.h"
#include "espi_ids.h"

namespace gbc {
namespace {

// Makes sure a missing, unknown or wrong-class token answers 401 with the error body, and ?access_token= works.
// Example failure: an ESPI customer access token accepted on the JSON API.
TEST(JsonApiAuth, TokensAreChecked)
{
    ApiHarness h;
    auto missing = h.get("/api/v2/authorizations", {}, "");
    EXPECT_EQ(missing.status, 401);
    EXPECT_EQ(missing.json["error"], "missing_token");
    EXPECT_TRUE(missing.json.contains("error_description"));
    EXPECT_TRUE(missing.json.contains("url"));
    EXPECT_EQ(h.get("/api/v2/authorizations", {}, "nope").json["error"], "invalid_token");
    h.directory.extraTokens["customer-token"] = TokenInfo{TokenClass::CustomerAccess, "EPE_ccccccccc", "EPE", "1", "", 0, false};
    EXPECT_EQ(h.get("/api/v2/authorizations", {}, "customer-token").status, 401);
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"access_token", kEpeToken}}, "").status, 200);
}

// Makes sure the json_error_body_missing defect empties error bodies while keeping the status.
// Example failure: the defect switch has no effect, so the conformance check cannot be proven to bite.
TEST(JsonApiAuth, ErrorBodyDefect)
{
    ApiHarness h;
    h.ctx.defects.insert("json_error_body_missing");
    auto r = h.get("/api/v2/authorizations", {}, "");
    EXPECT_EQ(r.status, 401);
    EXPECT_TRUE(r.body.empty());
}

// Makes sure test-submit creates a test authorization whose uid is the directory's (= ESPI Subscription id) and
// rejects unknown scenarios, badlogin, another utility and another registration's form.
// Example failure: badlogin creating an authorization anyway.
TEST(JsonApiForms, TestSubmit)
{
    ApiHarness h;
    auto forms = h.get("/api/v2/forms");
    ASSERT_EQ(forms.json["forms"].size(), 1u);
    EXPECT_EQ(forms.json["forms"][0]["uid"], "form-EPE_ccccccccc");
    const std::string uid = h.submit("residential");
    auto record = h.directory.findAuthorization(uid);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->customerId, "epe-residential");
    EXPECT_TRUE(record->isTest);
    EXPECT_FALSE(record->functionBlocks.empty());
    EXPECT_EQ(h.submit("test_commercial").empty(), false);
    const std::string form = "/api/v2/forms/form-EPE_ccccccccc/test-submit";
    auto bad = h.post(form, {{"scenario", "nosuch"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.json["error"], "invalid_param");
    auto badlogin = h.post(form, {{"scenario", "badlogin"}});
    EXPECT_EQ(badlogin.status, 400);
    EXPECT_EQ(badlogin.json["error"], "access_invalid");
    EXPECT_EQ(h.post(form, nlohmann::json::object()).json["error"], "required_param_missing");
    EXPECT_EQ(h.post(form, {{"scenario", "residential"}, {"utility", "PGE"}}).json["error"], "invalid_param");
    EXPECT_EQ(h.post(form, {{"scenario", "residential"}}, kDemoToken).status, 404);
    EXPECT_EQ(h.call("POST", form, {}, kEpeToken, "{not json").json["error"], "invalid_param");
    EXPECT_EQ(h.directory.authorizationsOf("EPE_ccccccccc").size(), 2u);
}

// Makes sure the list is newest first, paginates with limit/after/next and filters with uids/is_test/utility.
// Example failure: oldest first, or next pointing at the page just read.
TEST(JsonApiAuthorizations, ListPaginateFilter)
{
    ApiHarness h;
    const std::string a = h.submit("residential"), b = h.submit("commercial"), c = h.submit("residential");
    auto all = h.get("/api/v2/authorizations");
    ASSERT_EQ(all.status, 200) << all.body;
    ASSERT_EQ(all.json["authorizations"].size(), 3u);
    EXPECT_EQ(all.json["authorizations"][0]["uid"], c);
    EXPECT_EQ(all.json["authorizations"][2]["uid"], a);
    EXPECT_TRUE(all.json["next"].is_null());
    auto page = h.get("/api/v2/authorizations", {{"limit", "2"}});
    ASSERT_EQ(page.json["authorizations"].size(), 2u);
    EXPECT_EQ(page.json["next"], "http://127.0.0.1:8080/api/v2/authorizations?limit=2&after=" + b);
    auto rest = h.get("/api/v2/authorizations", {{"limit", "2"}, {"after", b}});
    ASSERT_EQ(rest.json["authorizations"].size(), 1u);
    EXPECT_EQ(rest.json["authorizations"][0]["uid"], a);
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"uids", a + "," + c}}).json["authorizations"].size(), 2u);
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"is_test", "false"}}).json["authorizations"].size(), 0u);
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"utility", "epe"}}).json["authorizations"].size(), 3u);
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"utility", "NOPE"}}).status, 400);
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"is_revoked", "maybe"}}).json["error"], "invalid_param");
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"limit", "0"}}).status, 400);
    EXPECT_EQ(h.get("/api/v2/authorizations", {}, kDemoToken).json["authorizations"].size(), 0u);
}

// Makes sure one authorization has the reference's fields, include=meters lists its meters with UsagePoint ids,
// and another registration gets 404. Example failure: meter uids that differ from the ESPI UsagePoint ids.
TEST(JsonApiAuthorizations, GetWithMeters)
{
    ApiHarness h;
    const std::string uid = h.submit("residential");
    auto r = h.get("/api/v2/authorizations/" + uid, {{"include", "meters"}, {"expand_meter_blocks", "true"}});
    ASSERT_EQ(r.status, 200) << r.body;
    for (const char* key : {"uid", "created", "customer_email", "declined", "is_declined", "expires", "is_expired", "exports",
                            "exports_list", "form_uid", "is_archived", "is_test", "scope", "notes", "revoked", "is_revoked",
                            "status", "status_message", "status_ts", "user_uid", "utility"})
        EXPECT_TRUE(r.json.contains(key)) << key;
    EXPECT_EQ(r.json["form_uid"], "form-EPE_ccccccccc");
    EXPECT_EQ(r.json["customer_email"], "heather.homeowner@example.com");
    const nlohmann::json meters = r.json["meters"]["meters"];
    ASSERT_EQ(meters.size(), 1u);
    EXPECT_EQ(meters[0]["uid"], usagePointId(uid, 0));
    EXPECT_EQ(meters[0]["base"]["meter_numbers"][0], "3333333333");
    EXPECT_TRUE(r.json["meters"]["next"].is_null());
    EXPECT_EQ(h.get("/api/v2/authorizations/" + uid, {{"include", "bills"}}).status, 400);
    auto foreign = h.get("/api/v2/authorizations/" + uid, {}, kDemoToken);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.json["error"], "not_found");
    EXPECT_EQ(h.get("/api/v2/authorizations/424242").status, 404);
}

// Makes sure revoke marks the authorization revoked, hides its meters, and DELETE only removes test ones.
// Example failure: meters of a revoked authorization still listed.
TEST(JsonApiAuthorizations, RevokeAndDelete)
{
    ApiHarness h;
    const std::string a = h.submit("residential"), b = h.submit("residential");
    auto revoked = h.post("/api/v2/authorizations/" + a + "/revoke", nlohmann::json::object());
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(revoked.json["is_revoked"], true);
    EXPECT_EQ(revoked.json["revoked"], "2025-06-15T15:06:40.000000+00:00");
    EXPECT_TRUE(h.directory.findAuthorization(a)->revokedAt);
    EXPECT_EQ(h.get("/api/v2/authorizations", {{"is_revoked", "true"}}).json["authorizations"].size(), 1u);
    EXPECT_EQ(h.get("/api/v2/meters/" + usagePointId(a, 0)).status, 404);
    EXPECT_EQ(h.get("/api/v2/meters").json["meters"].size(), 1u);
    EXPECT_EQ(h.post("/api/v2/authorizations/" + b + "/revoke", nlohmann::json::object(), kDemoToken).status, 404);
    auto del = h.call("DELETE", "/api/v2/authorizations/" + b);
    EXPECT_EQ(del.status, 200);
    EXPECT_EQ(del.json["success"], true);
    EXPECT_EQ(h.get("/api/v2/authorizations/" + b).status, 404);
    AuthorizationRecord live;
    live.utilityId = "EPE";
    live.clientId = "EPE_ccccccccc";
    live.customerId = "epe-real";
    live.isTest = false;
    const std::string real = h.directory.createAuthorization(live).uid;
    auto refused = h.call("DELETE", "/api/v2/authorizations/" + real);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.json["error"], "forbidden");
}

} // namespace
} // namespace gbc

// Scripted JSON API faults: the admin script (located errors), consumption per request and path, the answers.
#include "api_harness.h"

namespace gbc {
namespace {

const std::string kFaults = "/__sim/clients/EPE_ccccccccc/api-faults";

ApiResponse script(ApiHarness& h, const std::string& body)
{
    return h.call("POST", kFaults, {}, "", body);
}

// Makes sure a 429 script answers the next N requests with 429 + Retry-After and the error body, then stops.
// Example failure: the fault never ends, or the Retry-After header is missing.
TEST(ApiFaults, RateLimitForTheNextRequestsThenNormal)
{
    ApiHarness h;
    ASSERT_EQ(script(h, R"({"faults": [{"status": 429, "count": 2, "retry_after": 30}]})").status, 200);
    for (int i = 0; i < 2; ++i) {
        const ApiResponse r = h.get("/api/v2/authorizations");
        EXPECT_EQ(r.status, 429);
        EXPECT_EQ(r.header("Retry-After"), "30");
        EXPECT_EQ(r.json.value("error", ""), "rate_limited");
        EXPECT_TRUE(r.json.contains("error_description") && r.json.contains("url"));
    }
    EXPECT_EQ(h.get("/api/v2/authorizations").status, 200);
    EXPECT_TRUE(h.call("GET", kFaults, {}, "").json["faults"].empty());
}

// Makes sure a fault limited to a path hits only that endpoint (the reference's 402 hook on historical-collection),
// and only the scripted registration. Example failure: another third party gets the 402.
TEST(ApiFaults, PathFilterAndOtherRegistrationsUntouched)
{
    ApiHarness h;
    const std::string uid = h.submit("residential");
    ASSERT_EQ(script(h, R"({"faults": [{"status": 402, "path": "historical-collection"}]})").status, 200);
    EXPECT_EQ(h.get("/api/v2/meters").status, 200);
    EXPECT_EQ(h.get("/api/v2/authorizations", {}, kDemoToken).status, 200);
    const ApiResponse meters = h.get("/api/v2/meters", {{"authorizations", uid}});
    ASSERT_FALSE(meters.json["meters"].empty());
    const std::string meter = meters.json["meters"][0]["uid"];
    const ApiResponse paid = h.post("/api/v2/meters/historical-collection", {{"meters", {meter}}});
    EXPECT_EQ(paid.status, 402);
    EXPECT_EQ(paid.json.value("error", ""), "payment_required");
    EXPECT_EQ(h.post("/api/v2/meters/historical-collection", {{"meters", {meter}}}).status, 200);
}

// Makes sure bad scripts are refused with the JSON pointer of the problem and change nothing.
// Example failure: status 418 accepted, or a typo'd key silently ignored.
TEST(ApiFaults, BadScriptsAreLocatedErrors)
{
    ApiHarness h;
    const std::pair<const char*, const char*> cases[] = {
        {R"({"faults": [{"status": 418}]})", "/faults/0/status"},
        {R"({"faults": [{"status": 429, "count": 0}]})", "/faults/0/count"},
        {R"({"faults": [{"status": 429}, {"status": 503, "retry_after": -1}]})", "/faults/1/retry_after"},
        {R"({"faults": [{"status": 500, "pth": "x"}]})", "/faults/0/pth"},
        {R"({"faults": [{"count": 2}]})", "/faults/0/status"},
        {R"({"fault": []})", "/faults"},
    };
    for (const auto& [body, pointer] : cases) {
        const ApiResponse r = script(h, body);
        EXPECT_EQ(r.status, 400) << body;
        EXPECT_NE(r.json.value("error_description", "").find(pointer), std::string::npos) << r.body;
    }
    EXPECT_EQ(script(h, "not json").status, 400);
    EXPECT_EQ(h.call("POST", "/__sim/clients/NOPE/api-faults", {}, "", R"({"faults": []})").status, 404);
    EXPECT_EQ(h.get("/api/v2/authorizations").status, 200);
}

// Makes sure 5xx faults carry the error body and an empty list clears a script.
// Example failure: 503 without Retry-After when one was scripted, or the clear leaving faults behind.
TEST(ApiFaults, ServerErrorsAndClearing)
{
    ApiHarness h;
    ASSERT_EQ(script(h, R"({"faults": [{"status": 503, "retry_after": 5}, {"status": 500, "count": 3}]})").status, 200);
    const ApiResponse first = h.get("/api/v2/meters");
    EXPECT_EQ(first.status, 503);
    EXPECT_EQ(first.header("Retry-After"), "5");
    const ApiResponse second = h.get("/api/v2/meters");
    EXPECT_EQ(second.status, 500);
    EXPECT_EQ(second.header("Retry-After"), "");
    EXPECT_EQ(h.call("GET", kFaults, {}, "").json["faults"][0]["count"], 2);
    ASSERT_EQ(script(h, R"({"faults": []})").status, 200);
    EXPECT_EQ(h.get("/api/v2/meters").status, 200);
}

} // namespace
} // namespace gbc

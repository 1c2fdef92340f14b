// Route-level tests of notifications: events list, webhook deliveries (signed, retried hourly until 200), ESPI
// BatchList pushes, the journal, and the registration admin routes.
#include <pugixml.hpp>

#include "api_harness.h"
#include "independent_sha256.h"

namespace gbc {
namespace {

using testing::independentSha256;

std::string headerOf(const OutboundRequest& r, const std::string& name)
{
    for (const auto& [k, v] : r.headers)
        if (k == name)
            return v;
    return "";
}

class Notifications : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto set = h.call("POST", "/__sim/clients/EPE_ccccccccc/notifications", {}, "",
                          R"({"webhook_url": "http://127.0.0.1:9/hook", "notify_uri": "http://127.0.0.1:9/espi"})");
        ASSERT_EQ(set.status, 200) << set.body;
    }
    ApiResponse flush() { return h.call("POST", "/__sim/notifications/flush", {}, ""); }
    std::vector<OutboundRequest> sentTo(const std::string& url)
    {
        std::vector<OutboundRequest> out;
        for (const auto& r : h.outbound->sent)
            if (r.url == url)
                out.push_back(r);
        return out;
    }

    ApiHarness h;
};

// Makes sure a new authorization produces events and one signed webhook POST whose signature is
// sha256("<secret>.<salt>.<body>") of the exact bytes sent. Example failure: signature over re-serialised JSON.
TEST_F(Notifications, WebhookIsSigned)
{
    const std::string uid = h.submit("residential");
    flush();
    auto hooks = sentTo("http://127.0.0.1:9/hook");
    ASSERT_EQ(hooks.size(), 1u);
    const OutboundRequest& post = hooks[0];
    EXPECT_EQ(post.contentType, "application/json");
    const std::string salt = headerOf(post, "X-UtilityAPI-Webhook-Salt");
    ASSERT_EQ(salt.size(), 32u);
    EXPECT_EQ(headerOf(post, "X-UtilityAPI-Webhook-Signature"),
              independentSha256("epe_sandbox_webhook_secret." + salt + "." + post.body));
    const nlohmann::json body = nlohmann::json::parse(post.body);
    EXPECT_TRUE(body["next"].is_null());
    EXPECT_EQ(post.body, body.dump(4));
    std::vector<std::string> types;
    for (const auto& e : body["events"])
        types.push_back(e["type"]);
    EXPECT_EQ(types, (std::vector<std::string>{"authorization_created", "meter_created",
                                               "meter_historical_collection_finished_successful",
                                               "authorization_update_finished_successful"}));
    EXPECT_EQ(body["events"][0]["authorization_uid"], uid);
    EXPECT_EQ(body["events"][0]["delivery_target"], "http://127.0.0.1:9/hook");
    auto events = h.get("/api/v2/events");
    ASSERT_EQ(events.json["events"].size(), 4u);
    EXPECT_EQ(events.json["events"][0]["type"], "authorization_update_finished_successful");
    EXPECT_EQ(events.json["events"][0]["is_delivered"], true);
    EXPECT_EQ(h.get("/api/v2/events", {{"is_delivered", "false"}}).json["events"].size(), 0u);
    EXPECT_EQ(h.get("/api/v2/events", {}, kDemoToken).json["events"].size(), 0u);
    const std::string first = events.json["events"][3]["uid"];
    EXPECT_EQ(h.get("/api/v2/events/" + first).json["type"], "authorization_created");
    EXPECT_EQ(h.get("/api/v2/events/" + first, {}, kDemoToken).status, 404);
}

// Makes sure a failing receiver is retried after an hour of simulator time, not before, until it answers 200.
// Example failure: retries in a tight loop, or none at all.
TEST_F(Notifications, RetriesUntil200)
{
    h.outbound->status = 500;
    h.submit("residential");
    flush();
    EXPECT_EQ(sentTo("http://127.0.0.1:9/hook").size(), 1u);
    h.clock.advance(3599);
    flush();
    EXPECT_EQ(sentTo("http://127.0.0.1:9/hook").size(), 1u);
    h.clock.advance(1);
    h.outbound->status = 200;
    auto journal = flush();
    auto hooks = sentTo("http://127.0.0.1:9/hook");
    ASSERT_EQ(hooks.size(), 2u);
    EXPECT_EQ(hooks[0].body, hooks[1].body);
    EXPECT_NE(headerOf(hooks[0], "X-UtilityAPI-Webhook-Salt"), headerOf(hooks[1], "X-UtilityAPI-Webhook-Salt"));
    int webhookAttempts = 0;
    for (const auto& a : journal.json["attempts"])
        if (a["channel"] == "webhook")
            ++webhookAttempts;
    EXPECT_EQ(webhookAttempts, 2);
    h.clock.advance(7200);
    flush();
    EXPECT_EQ(sentTo("http://127.0.0.1:9/hook").size(), 2u);
}

// Makes sure the ESPI push is a BatchList listing the Batch/Subscription URI when data is ready, and the
// Authorization URI after a revoke. Example failure: an empty BatchList or a JSON body.
TEST_F(Notifications, EspiPushBatchList)
{
    const std::string uid = h.submit("residential");
    flush();
    auto pushes = sentTo("http://127.0.0.1:9/espi");
    ASSERT_EQ(pushes.size(), 1u);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(pushes[0].body.c_str()));
    EXPECT_STREQ(doc.document_element().name(), "BatchList");
    EXPECT_STREQ(doc.document_element().attribute("xmlns").value(), "http://naesb.org/espi");
    EXPECT_EQ(std::string(doc.document_element().child("resources").text().get()),
              "http://127.0.0.1:8080/DataCustodian/espi/1_1/resource/Batch/Subscription/" + uid);
    h.post("/api/v2/authorizations/" + uid + "/revoke", nlohmann::json::object());
    flush();
    pushes = sentTo("http://127.0.0.1:9/espi");
    ASSERT_EQ(pushes.size(), 2u);
    EXPECT_NE(pushes[1].body.find("/resource/Authorization/" + uid + "<"), std::string::npos);
    EXPECT_EQ(h.get("/api/v2/events", {{"limit", "1"}}).json["events"][0]["type"], "authorization_revoked");
}

// Makes sure data that is still being collected is announced only once the clock reaches dataReadyAt.
// Example failure: the BatchList sent before the Batch feed stops answering 202.
TEST_F(Notifications, WaitsForCollection)
{
    AuthorizationRecord r;
    r.utilityId = "EPE";
    r.clientId = "EPE_ccccccccc";
    r.customerId = "epe-residential";
    r.created = kHarnessStart;
    r.dataReadyAt = kHarnessStart + 900;
    h.directory.createAuthorization(r);
    flush();
    EXPECT_TRUE(sentTo("http://127.0.0.1:9/espi").empty());
    h.clock.advance(900);
    flush();
    EXPECT_EQ(sentTo("http://127.0.0.1:9/espi").size(), 1u);
}

// Makes sure the admin routes switch the mode, reject bad values and unknown clients, and ping emits an event.
// Example failure: mode "LIVE!" accepted, or an unknown client id silently created.
TEST_F(Notifications, AdminRoutes)
{
    auto mode = h.call("POST", "/__sim/clients/EPE_ccccccccc/mode", {}, "", R"({"mode": "live"})");
    ASSERT_EQ(mode.status, 200);
    EXPECT_EQ(mode.json["mode"], "live");
    EXPECT_EQ(h.call("GET", "/__sim/clients/EPE_ccccccccc/mode", {}, "").json["mode"], "live");
    EXPECT_EQ(h.call("POST", "/__sim/clients/EPE_ccccccccc/mode", {}, "", R"({"mode": "LIVE!"})").status, 400);
    EXPECT_EQ(h.call("POST", "/__sim/clients/NOPE/mode", {}, "", R"({"mode": "live"})").status, 404);
    EXPECT_EQ(h.call("POST", "/__sim/clients/EPE_ccccccccc/notifications", {}, "", R"({"webhook_url": "ftp://x"})").status, 400);
    auto ping = h.call("POST", "/__sim/notifications/ping", {}, "", R"({"client_id": "EPE_ccccccccc"})");
    ASSERT_EQ(ping.status, 200);
    flush();
    auto hooks = sentTo("http://127.0.0.1:9/hook");
    ASSERT_EQ(hooks.size(), 1u);
    EXPECT_NE(hooks[0].body.find("\"type\": \"ping\""), std::string::npos);
}

} // namespace
} // namespace gbc

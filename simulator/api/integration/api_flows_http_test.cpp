// Integration over real HTTP: webhooks and ESPI pushes to a loopback receiver, the demo third-party site's
// server-side code exchange, and the Green Button proxy forms.

#include <mutex>
#include <thread>

#include "api_http_support.h"
#include "independent_sha256.h"

namespace gbc::apitest {
namespace {

// A third party's notification endpoint on port 0: records every POST, answers with `status`.
class Receiver {
public:
    Receiver()
    {
        server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            posts_.push_back(req);
            res.status = status_;
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running())
            std::this_thread::yield();
    }
    ~Receiver()
    {
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    std::vector<httplib::Request> postsTo(const std::string& path)
    {
        std::lock_guard lock(mutex_);
        std::vector<httplib::Request> out;
        for (const auto& p : posts_)
            if (p.path == path)
                out.push_back(p);
        return out;
    }
    void answer(int status)
    {
        std::lock_guard lock(mutex_);
        status_ = status;
    }

private:
    httplib::Server server_;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<httplib::Request> posts_;
    int status_ = 200;
    int port_ = 0;
};

class FlowsHttp : public ApiHttp {
protected:
    void pointAt(Receiver& r)
    {
        const Reply set = admin("/__sim/clients/EPE_ccccccccc/notifications",
                                {{"webhook_url", r.url("/hook")}, {"notify_uri", r.url("/espi/Notification")}});
        ASSERT_EQ(set.status, 200) << set.body;
    }
    void flush() { ASSERT_EQ(admin("/__sim/notifications/flush", nlohmann::json::object()).status, 200); }
};

// Makes sure a real POST reaches the receiver with a signature the receiver can verify, is retried an hour of
// simulator time later when refused, and the journal shows both attempts. Example failure: no retry after a 503.
TEST_F(FlowsHttp, WebhookDeliveredSignedAndRetried)
{
    Receiver receiver;
    pointAt(receiver);
    receiver.answer(503);
    const std::string auth = submit("EPE");
    flush();
    auto hooks = receiver.postsTo("/hook");
    ASSERT_EQ(hooks.size(), 1u);
    const std::string salt = hooks[0].get_header_value("X-UtilityAPI-Webhook-Salt");
    EXPECT_EQ(hooks[0].get_header_value("X-UtilityAPI-Webhook-Signature"),
              gbc::testing::independentSha256("epe_sandbox_webhook_secret." + salt + "." + hooks[0].body));
    EXPECT_NE(hooks[0].body.find("\"authorization_uid\": \"" + auth + "\""), std::string::npos);
    receiver.answer(200);
    ASSERT_EQ(admin("/__sim/clock", {{"advance", "PT1H"}}).status, 200);
    flush();
    ASSERT_EQ(receiver.postsTo("/hook").size(), 2u);
    const nlohmann::json journal = json(http_->get("/__sim/notifications"));
    int webhookAttempts = 0;
    for (const auto& a : journal["attempts"])
        webhookAttempts += a["channel"] == "webhook" ? 1 : 0;
    EXPECT_EQ(webhookAttempts, 2);
    const nlohmann::json events = json(get("/api/v2/events?is_delivered=false"));
    EXPECT_EQ(events["events"].size(), 0u) << events.dump();
}

// Makes sure the ESPI push lists a Batch/Subscription URI that the third party can GET with its access token.
// Example failure: a BatchList URI that answers 404.
TEST_F(FlowsHttp, EspiPushListsFetchableUri)
{
    Receiver receiver;
    pointAt(receiver);
    const Grant g = oauthGrant("EPE");
    flush();
    auto pushes = receiver.postsTo("/espi/Notification");
    ASSERT_EQ(pushes.size(), 1u);
    const std::string& xml = pushes[0].body;
    const std::size_t open = xml.find("<resources>"), close = xml.find("</resources>");
    ASSERT_NE(open, std::string::npos) << xml;
    const std::string uri = xml.substr(open + 11, close - open - 11);
    EXPECT_EQ(uri, server_->baseUrl() + "/DataCustodian/espi/1_1/resource/Batch/Subscription/" + g.subscriptionId);
    EXPECT_EQ(http_->get(uri.substr(server_->baseUrl().size()), bearer(g.accessToken)).status, 200);
}

// Makes sure the demo site redirects to the utility's authorize endpoint with its callback, exchanges the code on
// the server and shows the usage as a chart. Example failure: the callback shows the access token to the browser.
TEST_F(FlowsHttp, DemoSiteExchangesCodeAndShowsUsage)
{
    EXPECT_EQ(http_->get("/DataCustodian/thirdparty-demo?client_id=EPE_ccccccccc").status, 200);
    const Reply start = http_->postForm("/DataCustodian/thirdparty-demo/start",
                                        {{"client_id", "EPE_ccccccccc"}, {"client_secret", "sandbox_secret"}, {"utility", "EPE"},
                                         {"scope", "FB=4_16_51;AdditionalScope=auth-test-test_residential"}});
    ASSERT_EQ(start.status, 303) << start.body;
    const std::string authorize = start.location.substr(server_->baseUrl().size());
    EXPECT_EQ(simtest::queryValue(start.location, "redirect_uri"), server_->baseUrl() + "/DataCustodian/thirdparty-demo/callback");
    const auto walk = simtest::walkAuthorize(*http_, authorize, {});
    ASSERT_EQ(walk.location.rfind(server_->baseUrl() + "/DataCustodian/thirdparty-demo/callback?", 0), 0u) << walk.location;
    const Reply callback = http_->get(walk.location.substr(server_->baseUrl().size()));
    ASSERT_EQ(callback.status, 303) << callback.body;
    const Reply usage = http_->get(callback.location);
    ASSERT_EQ(usage.status, 200) << usage.body.substr(0, 500);
    EXPECT_NE(usage.body.find("<svg class=\"usage-chart\""), std::string::npos);
    EXPECT_NE(usage.body.find("<tr data-day=\"2025-06-14\""), std::string::npos);
    EXPECT_EQ(usage.body.find("access_token"), std::string::npos);
    const Reply replay = http_->get(walk.location.substr(server_->baseUrl().size()));
    EXPECT_EQ(replay.status, 400); // the state is single-use
    EXPECT_EQ(simtest::dataError(replay.body), "unknown_state");
}

// Makes sure a hostile Host header decides nothing on the demo site: redirects, the callback and the server-side
// token exchange all use the simulator's own address, so client credentials never go to the Host's server.
// Example failure: Host: attacker:port making the simulator POST client_id:secret there (SSRF, issue 13).
TEST_F(FlowsHttp, DemoSiteIgnoresHostHeader)
{
    Receiver attacker;
    const httplib::Headers hostile = {{"Host", attacker.url("").substr(std::string("http://").size())}};
    const Reply start = http_->postForm("/DataCustodian/thirdparty-demo/start",
                                        {{"client_id", "EPE_ccccccccc"}, {"client_secret", "sandbox_secret"}, {"utility", "EPE"},
                                         {"scope", "FB=4_16_51;AdditionalScope=auth-test-test_residential"}}, hostile);
    ASSERT_EQ(start.status, 303) << start.body;
    ASSERT_EQ(start.location.rfind(server_->baseUrl() + "/DataCustodian/", 0), 0u) << start.location;
    EXPECT_EQ(simtest::queryValue(start.location, "redirect_uri"), server_->baseUrl() + "/DataCustodian/thirdparty-demo/callback");
    const auto walk = simtest::walkAuthorize(*http_, start.location.substr(server_->baseUrl().size()), {});
    ASSERT_EQ(walk.location.rfind(server_->baseUrl() + "/DataCustodian/thirdparty-demo/callback?", 0), 0u) << walk.location;
    const Reply callback = http_->get(walk.location.substr(server_->baseUrl().size()), hostile);
    ASSERT_EQ(callback.status, 303) << callback.body;
    EXPECT_EQ(http_->get(callback.location, hostile).status, 200);
    EXPECT_TRUE(attacker.postsTo("/DataCustodian/EPE/oauth/token").empty()) << "credentials sent to the Host's server";
    EXPECT_TRUE(attacker.postsTo("/DataCustodian/epe/oauth/token").empty());
}

// Makes sure the proxy forms work over HTTP with plain form posts, end with an authorization the PGE API token sees,
// and the meter's bill PDF is refused. Example failure: the login page missing its form action.
TEST_F(FlowsHttp, ProxyFormsOverHttp)
{
    const Reply form = http_->get("/pge/gb-oauth/form-PGE_ccccccccc?email=heather.homeowner%40example.com");
    ASSERT_EQ(form.status, 200);
    const Reply confirmed = http_->postForm("/gb-proxy/form-PGE_ccccccccc", {{"email", "heather.homeowner@example.com"}, {"confirm", "yes"}});
    ASSERT_EQ(confirmed.status, 303);
    const std::string session = simtest::queryValue(confirmed.location, "session");
    EXPECT_EQ(http_->postForm("/gb-proxy/utility/PGE/login", {{"session", session}, {"username", "test_commercial"}, {"password", "test_commercial"}}).status, 303);
    EXPECT_EQ(http_->postForm("/gb-proxy/utility/PGE/share", {{"session", session}, {"service", "0"}, {"data", "usage"}}).status, 303);
    const Reply done = http_->postForm("/gb-proxy/form-PGE_ccccccccc/final", {{"session", session}});
    ASSERT_EQ(done.status, 200) << done.body;
    const nlohmann::json list = json(get("/api/v2/authorizations?include=meters", "PGE"));
    ASSERT_EQ(list["authorizations"].size(), 1u);
    const std::string meter = list["authorizations"][0]["meters"]["meters"][0]["uid"];
    const Reply pdf = get("/api/v2/files/latest_pdf?meter=" + meter, "PGE");
    EXPECT_EQ(pdf.status, 404);
    EXPECT_EQ(json(pdf)["error"], "file_unavailable");
}

} // namespace
} // namespace gbc::apitest

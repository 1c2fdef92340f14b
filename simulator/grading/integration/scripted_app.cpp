// The scripted app: OAuth with state and PKCE, ESPI with Retry-After, refresh, JSON API with faults, ODR, webhooks.
#include "scripted_app.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <regex>

#include "client_auth.h"
#include "flow_driver.h"
#include "journal_facts.h"
#include "secure_random.h"
#include "time_format.h"
#include "url_codec.h"
#include "webhook_signing.h"

namespace gbc::gradetest {

namespace {

constexpr const char* kRedirect = "http://127.0.0.1:61000/callback";
constexpr const char* kEspi = "/DataCustodian/espi/1_1/resource/";
constexpr const char* kApiToken = "epe_sandbox_api_token_0001";

nlohmann::json json(const httplib::Result& r)
{
    return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
}

} // namespace

const char* toString(Slip s)
{
    static const char* names[] = {"None", "NoState", "ReuseState", "PlainPkce", "ExchangeTwice", "LateExchange",
        "OtherRedirect", "BothAuth", "RefreshEachRequest", "ReuseOldRefresh", "ReuseRefused", "IgnoreRetryAfter",
        "NoBackoff", "OdrInsideTtl", "OdrFastPoll", "FullRefetch", "IgnoreBatchList", "IgnoreNext", "EarlyIntervals",
        "RejectGoodWebhook", "AcceptBadWebhook"};
    return names[static_cast<int>(s)];
}

Receiver::Receiver(Slip slip)
{
    server_.Post("/notify", [this](const httplib::Request& req, httplib::Response& res) {
        static const std::regex resource("<resources>([^<]+)</resources>");
        std::lock_guard lock(mutex_);
        for (auto it = std::sregex_iterator(req.body.begin(), req.body.end(), resource); it != std::sregex_iterator(); ++it)
            named_.push_back(pathOfUrl((*it)[1].str()));
        res.status = 200;
    });
    server_.Post("/hook", [slip](const httplib::Request& req, httplib::Response& res) {
        const bool good = verifyWebhookSignature(kWebhookSecret, req.get_header_value("X-UtilityAPI-Webhook-Salt"), req.body,
                                                 req.get_header_value("X-UtilityAPI-Webhook-Signature"));
        res.status = slip == Slip::RejectGoodWebhook ? 401 : slip == Slip::AcceptBadWebhook ? 200 : good ? 200 : 401;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

Receiver::~Receiver()
{
    server_.stop();
    thread_.join();
}

std::vector<std::string> Receiver::takeNamed()
{
    std::lock_guard lock(mutex_);
    return std::exchange(named_, {});
}

ScriptedApp::ScriptedApp(const std::string& baseUrl, FixedClock& clock, Slip slip)
    : clock_(clock), slip_(slip), baseUrl_(baseUrl), http_(baseUrl), receiver_(slip)
{
}

httplib::Result ScriptedApp::get(const std::string& target, const std::string& token)
{
    return http_.Get(target, {{"Authorization", "Bearer " + token}});
}

httplib::Result ScriptedApp::post(const std::string& path, const std::string& body, const std::string& type, bool basic, bool api)
{
    httplib::Headers h;
    if (basic)
        h = simtest::basicAuth(kClient, "sandbox_secret");
    if (api)
        h.emplace("Authorization", std::string("Bearer ") + kApiToken);
    return http_.Post(path, h, body, type);
}

void ScriptedApp::flush() { post("/__sim/notifications/flush", "{}", "application/json"); }

void ScriptedApp::run()
{
    const nlohmann::json targets = {{"notify_uri", receiver_.url("/notify")}, {"webhook_url", receiver_.url("/hook")},
                                    {"webhook_secret", kWebhookSecret}};
    ASSERT_EQ(post(std::string("/__sim/clients/") + kClient + "/notifications", targets.dump(), "application/json")->status, 200);
    if (!oauth())
        return;
    if (slip_ == Slip::EarlyIntervals)
        intervals();
    fetchUntilReady();
    followNotifications();
    refreshPhase();
    followNotifications();
    refusedPhase();
    jsonPhase();
    followNotifications();
    odrPhase();
    followNotifications();
    post(std::string("/__sim/clients/") + kClient + "/webhook-probe", "{}", "application/json");
    if (slip_ == Slip::IgnoreBatchList)
        clock_.advance(61);
}

// Authorization code flow with state and PKCE S256; false when a slip leaves the app without tokens.
bool ScriptedApp::oauth()
{
    const std::string verifier = randomHex(32), state = "st-" + randomHex(8);
    std::vector<std::pair<std::string, std::string>> q = {{"response_type", "code"}, {"client_id", kClient},
        {"redirect_uri", kRedirect}, {"scope", "FB=4_16_51;AdditionalScope=auth-test-test_residential"}};
    if (slip_ != Slip::NoState) {
        q.emplace_back("state", state);
        q.emplace_back("code_challenge", slip_ == Slip::PlainPkce ? verifier : encodeBase64Url(sha256Raw(verifier)));
        q.emplace_back("code_challenge_method", slip_ == Slip::PlainPkce ? "plain" : "S256");
    }
    const std::string target = "/DataCustodian/EPE/oauth/authorize?" + formatUrlEncoded(q);
    simtest::HttpDriver pages(baseUrl_);
    const auto walk = simtest::walkAuthorize(pages, target, {});
    const std::string code = simtest::queryValue(walk.location, "code");
    EXPECT_FALSE(code.empty()) << walk.location << walk.dataError;
    if (slip_ == Slip::LateExchange)
        clock_.advance(120);
    std::vector<std::pair<std::string, std::string>> f = {{"grant_type", "authorization_code"}, {"code", code},
        {"redirect_uri", slip_ == Slip::OtherRedirect ? "http://localhost/callback" : kRedirect}};
    if (slip_ != Slip::NoState)
        f.emplace_back("code_verifier", verifier);
    if (slip_ == Slip::BothAuth)
        f.emplace_back("client_secret", "sandbox_secret");
    const auto token = post("/DataCustodian/EPE/oauth/token", formatUrlEncoded(f), "application/x-www-form-urlencoded", true);
    if (slip_ == Slip::ExchangeTwice)
        post("/DataCustodian/EPE/oauth/token", formatUrlEncoded(f), "application/x-www-form-urlencoded", true);
    if (slip_ == Slip::ReuseState)
        pages.get(target);
    const nlohmann::json t = json(token);
    access_ = t.value("access_token", "");
    refresh_ = t.value("refresh_token", "");
    const std::string resource = t.value("resourceURI", "");
    uid_ = resource.substr(resource.rfind('/') + 1);
    return slip_ != Slip::ExchangeTwice && slip_ != Slip::OtherRedirect && slip_ != Slip::BothAuth && !access_.empty();
}

// Batch answers 202 + Retry-After while collecting: wait that long, then fetch what the BatchList names.
void ScriptedApp::fetchUntilReady()
{
    const std::string batch = std::string(kEspi) + "Batch/Subscription/" + uid_;
    auto r = get(batch, access_);
    for (int round = 0; r && r->status == 202 && round < 10; ++round) {
        const std::string retryAfter = r->get_header_value("Retry-After");
        clock_.advance(retryAfter.empty() ? 30 : std::stoll(retryAfter));
        flush();
        if (slip_ == Slip::IgnoreBatchList)
            return;
        const std::vector<std::string> named = receiver_.takeNamed();
        for (const std::string& path : named)
            r = get(path, access_);
        if (named.empty())
            r = get(batch, access_);
    }
    ASSERT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
}

// Delivers what is due, then fetches every resource a BatchList named (a slip ignores them).
void ScriptedApp::followNotifications()
{
    flush();
    for (const std::string& path : receiver_.takeNamed()) {
        if (slip_ != Slip::IgnoreBatchList) {
            EXPECT_EQ(get(path, access_)->status, 200) << path;
        }
    }
}

bool ScriptedApp::refresh(const std::string& token)
{
    const auto r = post("/DataCustodian/EPE/oauth/token",
                        formatUrlEncoded({{"grant_type", "refresh_token"}, {"refresh_token", token}}),
                        "application/x-www-form-urlencoded", true);
    const nlohmann::json t = json(r);
    if (!r || r->status != 200)
        return false;
    access_ = t.value("access_token", "");
    refresh_ = t.value("refresh_token", refresh_);
    return true;
}

// Refresh once the access token expired; later fetches carry published-min.
void ScriptedApp::refreshPhase()
{
    if (slip_ == Slip::IgnoreBatchList)
        return;
    const std::string batch = std::string(kEspi) + "Batch/Subscription/" + uid_;
    clock_.advance(3600);
    ASSERT_TRUE(refresh(refresh_));
    for (int k = 0; k < (slip_ == Slip::RefreshEachRequest ? 3 : 1); ++k) {
        if (slip_ == Slip::RefreshEachRequest) {
            ASSERT_TRUE(refresh(refresh_));
        }
        const std::string since = formatIso8601(clock_.now() - 7200);
        const auto r = get(slip_ == Slip::FullRefetch ? batch : batch + "?published-min=" + since, access_);
        EXPECT_EQ(r ? r->status : 0, 200) << (r ? r->body : "");
    }
    const std::string old = refresh_;
    clock_.advance(3600);
    ASSERT_TRUE(refresh(refresh_));
    if (slip_ == Slip::ReuseOldRefresh) {
        EXPECT_FALSE(refresh(old));
    }
}

// A revoked access token is tried once, then the app refreshes.
void ScriptedApp::refusedPhase()
{
    post("/DataCustodian/EPE/oauth/revoke", formatUrlEncoded({{"token", access_}}), "application/x-www-form-urlencoded", true);
    const std::string batch = std::string(kEspi) + "Batch/Subscription/" + uid_ + "?published-min=" + formatIso8601(clock_.now() - 3600);
    for (int k = 0; k < (slip_ == Slip::ReuseRefused ? 3 : 1); ++k)
        EXPECT_EQ(get(batch, access_)->status, 401);
    clock_.advance(1);
    ASSERT_TRUE(refresh(refresh_));
}

std::string ScriptedApp::meterUid()
{
    const nlohmann::json meters = json(get("/api/v2/meters", kApiToken));
    for (const auto& m : meters.value("meters", nlohmann::json::array()))
        if (m.value("authorization_uid", "") == uid_)
            return m.value("uid", "");
    ADD_FAILURE() << "no meter of authorization " << uid_ << ": " << meters.dump();
    return "";
}

void ScriptedApp::intervals()
{
    const auto r = get("/api/v2/intervals?meters=" + meterUid(), kApiToken);
    EXPECT_TRUE(r && r->status < 500);
}

// Pages followed by next; a scripted 429 and two 500s waited out; intervals once collection finished.
void ScriptedApp::jsonPhase()
{
    auto page = json(get("/api/v2/events?limit=2", kApiToken));
    for (int k = 0; k < 20 && page.value("next", nlohmann::json()).is_string(); ++k)
        page = json(get(slip_ == Slip::IgnoreNext ? "/api/v2/events?limit=3" : pathOfUrl(page["next"].get<std::string>()), kApiToken));
    const std::string faults = std::string("/__sim/clients/") + kClient + "/api-faults";
    post(faults, R"({"faults":[{"status":429,"count":1,"retry_after":30}]})", "application/json");
    EXPECT_EQ(get("/api/v2/meters", kApiToken)->status, 429);
    if (slip_ != Slip::IgnoreRetryAfter)
        clock_.advance(30);
    post(faults, R"({"faults":[{"status":500,"count":2}]})", "application/json");
    for (int wait : {1, 2}) {
        EXPECT_EQ(get("/api/v2/meters", kApiToken)->status, 500);
        if (slip_ != Slip::NoBackoff)
            clock_.advance(wait);
    }
    if (slip_ != Slip::EarlyIntervals)
        intervals();
}

// One On-Demand Read polled every 5 s to its end, the next one only after the ttl.
void ScriptedApp::odrPhase()
{
    const std::string target = "/api/EPE/odr?meter=" + meterUid();
    nlohmann::json read = json(get(target, kApiToken));
    for (int polls = 0; polls < 40 && read.value("status", "") != "updated" && read.value("status", "") != "errored"; ++polls) {
        clock_.advance(slip_ == Slip::OdrFastPoll && polls < 3 ? 1 : 5);
        read = json(get(target, kApiToken));
    }
    ASSERT_EQ(read.value("status", ""), "updated") << read.dump();
    if (slip_ != Slip::OdrInsideTtl)
        clock_.advance(read.value("ttl_seconds", 900));
    get(target, kApiToken);
}

} // namespace gbc::gradetest

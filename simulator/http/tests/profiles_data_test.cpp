// Custodian profiles, data side, over real HTTP: ESPI query quirks, XML shape, empty and late data, webhooks, and
// the async Batch sequence (202 -> BatchList received by a loopback listener -> the named resources served).
#include "profiles_support.h"

#include <regex>
#include <set>

using namespace gbc;
using namespace gbc::simtest;
using nlohmann::json;

namespace {

std::vector<std::string> batchListUris(const std::string& xml)
{
    static const std::regex re("<resources>([^<]+)</resources>");
    std::vector<std::string> out;
    for (std::sregex_iterator it(xml.begin(), xml.end(), re), end; it != end; ++it)
        out.push_back((*it)[1].str());
    return out;
}

} // namespace

class ProfileDataTest : public ProfileServerTest {
protected:
    std::size_t entries(const std::string& query, const std::string& access, const std::string& sub)
    {
        const Reply r = espi("Batch/Subscription/" + sub + query, access);
        EXPECT_EQ(r.status, 200) << query << " " << r.body.substr(0, 200);
        return count(r.body, "<entry>");
    }
    void notifyTo(const Listener& listener, const char* field = "notify_uri")
    {
        const json body{{field, listener.url()}};
        ASSERT_EQ(http().postRaw("/__sim/clients/EPE_ccccccccc/notifications", body.dump(), "application/json").status, 200);
    }
};

// Makes sure published_min_day_ceiling rounds published-min up to the next midnight (03:00 selects what 00:00 of
// the next day does) and, off, 03:00 selects more. Example failure: the rounding applied to published-max too.
TEST_F(ProfileDataTest, PublishedMinDayCeiling)
{
    const Tokens off = tokens();
    EXPECT_GT(entries("?published-min=2025-06-10T03:00:00Z", off.access, off.subscription),
              entries("?published-min=2025-06-11T00:00:00Z", off.access, off.subscription));
    ASSERT_EQ(setProfiles(R"({"profiles": ["published_min_day_ceiling"]})").status, 200);
    EXPECT_EQ(entries("?published-min=2025-06-10T03:00:00Z", off.access, off.subscription),
              entries("?published-min=2025-06-11T00:00:00Z", off.access, off.subscription));
}

// Makes sure future_published_max_400 and subsecond_timestamps_400 answer a bare 400 (text/plain "Bad Request")
// and, off, 200.
// Example failure: a located error body, which the modelled custodians do not send.
TEST_F(ProfileDataTest, BareQueryRefusals)
{
    const Tokens t = tokens();
    const std::string future = "Batch/Subscription/" + t.subscription + "?published-max=2030-01-01T00:00:00Z";
    const std::string fraction = "Batch/Subscription/" + t.subscription + "?published-min=2025-06-10T00:00:00.5Z";
    EXPECT_EQ(espi(future, t.access).status, 200);
    EXPECT_EQ(espi(fraction, t.access).status, 200);
    ASSERT_EQ(setProfiles(R"({"profiles": ["future_published_max_400", "subsecond_timestamps_400"]})").status, 200);
    for (const std::string& target : {future, fraction}) {
        const Reply r = espi(target, t.access);
        EXPECT_EQ(r.status, 400) << target;
        EXPECT_EQ(r.body, "Bad Request");
        EXPECT_EQ(r.contentType, "text/plain; charset=utf-8");
    }
    EXPECT_EQ(espi("Batch/Subscription/" + t.subscription + "?published-max=2025-06-01T00:00:00Z", t.access).status, 200);
}

// Makes sure updated_min_ignored returns the history whatever updated-min says and stale_published pins
// <published> to 2020-01-01 so published-min polling returns nothing. Off: both filters work.
TEST_F(ProfileDataTest, IgnoredAndStaleFilters)
{
    const Tokens t = tokens();
    EXPECT_EQ(entries("?updated-min=2030-01-01T00:00:00Z", t.access, t.subscription), 0u);
    EXPECT_GT(entries("?published-min=2024-01-01T00:00:00Z", t.access, t.subscription), 0u);
    ASSERT_EQ(setProfiles(R"({"profiles": ["updated_min_ignored", "stale_published"]})").status, 200);
    EXPECT_GT(entries("?updated-min=2030-01-01T00:00:00Z", t.access, t.subscription), 0u);
    EXPECT_EQ(entries("?published-min=2024-01-01T00:00:00Z", t.access, t.subscription), 0u);
    EXPECT_NE(espi("Batch/Subscription/" + t.subscription, t.access).body.find("<published>2020-01-01T00:00:00Z</published>"),
              std::string::npos);
}

// Makes sure ns0_ns1_prefixes writes ns0:/ns1: and prefix_churn gives four different namespace forms in four
// answers; off, four answers are alike. Example failure: the churn counter shared by nothing (one form only).
TEST_F(ProfileDataTest, NamespacePrefixes)
{
    const Tokens t = tokens();
    auto heads = [&] {
        std::set<std::string> seen;
        for (int i = 0; i < 4; ++i)
            seen.insert(espi("Batch/Subscription/" + t.subscription, t.access).body.substr(0, 400));
        return seen.size();
    };
    EXPECT_EQ(heads(), 1u);
    EXPECT_EQ(espi("Batch/Subscription/" + t.subscription, t.access).body.find("<ns0:"), std::string::npos);
    ASSERT_EQ(setProfiles(R"({"profiles": ["ns0_ns1_prefixes"]})").status, 200);
    EXPECT_NE(espi("Batch/Subscription/" + t.subscription, t.access).body.find("<ns0:feed"), std::string::npos);
    ASSERT_EQ(setProfiles(R"({"profiles": ["prefix_churn"]})").status, 200);
    EXPECT_EQ(heads(), 4u);
}

// Makes sure empty_first_fetch answers feeds without entries for 5 minutes after the grant and the data after;
// off, the first fetch has data. Example failure: the empty feed kept forever.
TEST_F(ProfileDataTest, EmptyFirstFetch)
{
    const Tokens off = tokens();
    EXPECT_GT(entries("", off.access, off.subscription), 0u);
    ASSERT_EQ(setProfiles(R"({"profiles": ["empty_first_fetch"]})").status, 200);
    const Tokens on = tokens();
    EXPECT_EQ(entries("", on.access, on.subscription), 0u);
    advance("PT6M");
    EXPECT_GT(entries("", on.access, on.subscription), 0u);
}

// Makes sure meters_attached_late hides a new authorization's meters from the JSON API for 5 minutes, then shows
// them; off, they are there at once. Example failure: the meter 404 forever.
TEST_F(ProfileDataTest, MetersAttachedLate)
{
    auto meters = [&](const std::string& sub) {
        const Reply r = http().get("/api/v2/meters?authorizations=" + sub + "&access_token=epe_sandbox_api_token_0001");
        EXPECT_EQ(r.status, 200) << r.body;
        return json::parse(r.body)["meters"].size();
    };
    EXPECT_EQ(meters(tokens().subscription), 1u);
    ASSERT_EQ(setProfiles(R"({"profiles": ["meters_attached_late"]})").status, 200);
    const std::string late = tokens().subscription;
    EXPECT_EQ(meters(late), 0u);
    advance("PT6M");
    EXPECT_EQ(meters(late), 1u);
}

// Makes sure webhooks_twice sends each delivery twice, webhooks_late holds it an hour, and webhooks_out_of_order
// sends one event per delivery, newest first; off, one delivery, in order, at once.
TEST_F(ProfileDataTest, WebhookDeliveries)
{
    Listener hooks;
    notifyTo(hooks, "webhook_url");
    auto ping = [&] {
        ASSERT_EQ(http().postRaw("/__sim/notifications/ping", R"({"client_id": "EPE_ccccccccc"})", "application/json").status, 200);
        flush();
    };
    ping();
    ASSERT_EQ(hooks.bodies().size(), 1u);
    ASSERT_EQ(setProfiles(R"({"profiles": ["webhooks_twice"]})").status, 200);
    ping();
    ASSERT_EQ(hooks.bodies().size(), 3u);
    EXPECT_EQ(json::parse(hooks.bodies()[1])["events"][0]["uid"], json::parse(hooks.bodies()[2])["events"][0]["uid"]);
    ASSERT_EQ(setProfiles(R"({"profiles": ["webhooks_late"]})").status, 200);
    ping();
    EXPECT_EQ(hooks.bodies().size(), 3u);
    advance("PT1H1M");
    flush();
    EXPECT_EQ(hooks.bodies().size(), 4u);
    ASSERT_EQ(setProfiles(R"({"profiles": ["webhooks_out_of_order"]})").status, 200);
    tokens();
    flush();
    const auto all = hooks.bodies();
    ASSERT_GT(all.size(), 5u);
    for (std::size_t i = 4; i < all.size(); ++i)
        EXPECT_EQ(json::parse(all[i])["events"].size(), 1u);
    EXPECT_EQ(json::parse(all.back())["events"][0]["type"], "authorization_created");
    EXPECT_NE(json::parse(all[4])["events"][0]["type"], "authorization_created");
}

// Makes sure async_batch runs the whole sequence: Batch 202 + Retry-After, listings 404, the BatchList naming the
// UsagePoints POSTed to the notify URI, those resources and the Batch then served; off, Batch is 200 at once.
TEST_F(ProfileDataTest, AsyncBatchFullSequence)
{
    Listener notify;
    notifyTo(notify);
    const Tokens off = tokens();
    EXPECT_EQ(espi("Batch/Subscription/" + off.subscription, off.access).status, 200);
    ASSERT_EQ(setProfiles(R"({"profiles": ["async_batch"]})").status, 200);
    const Tokens t = tokens();
    httplib::Client raw(server_.baseUrl());
    const auto first = raw.Get((std::string(kEspi) + "Batch/Subscription/" + t.subscription).c_str(),
                               {{"Authorization", "Bearer " + t.access}});
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 202);
    EXPECT_FALSE(first->get_header_value("Retry-After").empty());
    EXPECT_EQ(espi("Subscription/" + t.subscription, t.access).status, 404);
    flush();
    std::vector<std::string> named;
    for (const std::string& body : notify.bodies())
        if (body.find("Batch/Subscription/" + t.subscription + "/UsagePoint/") != std::string::npos)
            named = batchListUris(body);
    ASSERT_EQ(named.size(), 1u) << "EPE's residential customer has one meter";
    const std::string path = named[0].substr(named[0].find(kEspi) + std::string(kEspi).size());
    const Reply usagePoint = espi(path, t.access);
    EXPECT_EQ(usagePoint.status, 200);
    EXPECT_GT(count(usagePoint.body, "IntervalBlock"), 0u);
    EXPECT_EQ(espi("Batch/Subscription/" + t.subscription, t.access).status, 200);
}

// Makes sure notify_before_202 has the BatchList delivered before the 202 answer arrives (no flush needed).
// Example failure: the notification only sent by the next pump round.
TEST_F(ProfileDataTest, NotifyBefore202)
{
    Listener notify;
    notifyTo(notify);
    ASSERT_EQ(setProfiles(R"({"profiles": ["notify_before_202"]})").status, 200);
    const Tokens t = tokens();
    EXPECT_EQ(espi("Batch/Subscription/" + t.subscription, t.access).status, 202);
    bool named = false;
    for (const std::string& body : notify.bodies())
        named = named || body.find("Batch/Subscription/" + t.subscription + "/UsagePoint/") != std::string::npos;
    EXPECT_TRUE(named);
    EXPECT_EQ(espi("Batch/Subscription/" + t.subscription, t.access).status, 200);
}

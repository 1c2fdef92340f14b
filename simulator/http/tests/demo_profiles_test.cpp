// The demo third-party site is the reference client: under every custodian profile (gbc-sim --profile NAME) it
// completes the flow and shows usage, advancing the simulator clock and flushing notifications as time would.
#include "profiles_support.h"

#include "profiles.h"

using namespace gbc;
using namespace gbc::simtest;

namespace {

std::vector<std::string> profileNames()
{
    std::vector<std::string> out;
    for (const ProfileInfo& p : allProfiles())
        out.push_back(p.name);
    return out;
}

} // namespace

class DemoUnderProfile : public ::testing::TestWithParam<std::string> {};

// Makes sure the demo site ends with a usage chart with data under the profile, within six rounds of "reload,
// then let ten simulated minutes pass and notifications go out". Example failure: under async_batch the demo
// polls Batch forever instead of fetching the UsagePoints the BatchList named.
TEST_P(DemoUnderProfile, ShowsUsage)
{
    SimServer server(ProfileServerTest::options({GetParam()}));
    ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
    HttpDriver http(server.baseUrl());
    const Reply start = http.postForm("/DataCustodian/thirdparty-demo/start",
                                      {{"client_id", kEpeClient}, {"client_secret", "sandbox_secret"}, {"utility", "EPE"}});
    ASSERT_EQ(start.status, 303) << start.body;
    EXPECT_EQ(queryValue(start.location, "code_challenge_method"), "S256");
    const WalkResult walk = walkAuthorize(http, start.location.substr(server.baseUrl().size()),
                                          {{"username", "test_residential"}, {"password", "test_residential"}});
    ASSERT_EQ(walk.location.rfind(server.baseUrl() + "/DataCustodian/thirdparty-demo/callback?", 0), 0u)
        << walk.location << walk.dataError;
    Reply callback = http.get(walk.location.substr(server.baseUrl().size()));
    if (callback.status == 303 && callback.location.find("/oauth/authorize") != std::string::npos) // scope retried
        callback = http.get(walkAuthorize(http, callback.location.substr(server.baseUrl().size()),
                                          {{"username", "test_residential"}, {"password", "test_residential"}})
                                .location.substr(server.baseUrl().size()));
    ASSERT_EQ(callback.status, 303) << callback.body;
    bool shown = false;
    for (int round = 0; round < 6 && !shown; ++round) {
        const Reply page = http.get(callback.location);
        ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
        shown = page.body.find("class=\"bar\"") != std::string::npos;
        ASSERT_EQ(http.postRaw("/__sim/clock", R"({"advance":"PT10M"})", "application/json").status, 200);
        ASSERT_EQ(http.postRaw("/__sim/notifications/flush", "", "application/json").status, 200);
    }
    EXPECT_TRUE(shown) << "no usage bars under profile " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(EveryProfile, DemoUnderProfile, ::testing::ValuesIn(profileNames()),
                         [](const auto& info) { return info.param; });

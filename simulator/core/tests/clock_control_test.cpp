// Tests of /__sim/clock: moving a fixed clock, refusing a real one, rejecting malformed bodies.
#include "clock_control.h"
#include "oauth_test_support.h"

#include <nlohmann/json.hpp>

using namespace gbc;
using gbc::oauthtest::kStart;
using gbc::oauthtest::OAuthFixture;

using ClockControlTest = OAuthFixture;

namespace {

HttpRequest clockRequest(const std::string& body)
{
    HttpRequest r;
    r.method = "POST";
    r.path = "/__sim/clock";
    r.body = body;
    return r;
}

} // namespace

// Makes sure advance and set move the fixed clock and answer the new time. Example failure: PT15M read as 15 s.
TEST_F(ClockControlTest, AdvanceAndSet)
{
    const HttpAnswer a = handleClockPost(ctx_, clockRequest(R"({"advance":"PT15M"})"));
    ASSERT_EQ(a.status, 200);
    EXPECT_EQ(clock_.now(), kStart + 900);
    EXPECT_EQ(nlohmann::json::parse(a.body)["now"], "2025-06-15T12:15:00Z");
    ASSERT_EQ(handleClockPost(ctx_, clockRequest(R"({"set":"2024-01-01T00:00:00Z"})")).status, 200);
    EXPECT_EQ(clock_.now(), 1704067200);
}

// Makes sure malformed bodies are 400 and leave the clock alone. Example failure: {"advance":"P1M"} moving a month.
TEST_F(ClockControlTest, RejectsBadBodies)
{
    for (const char* bad : {"", "{", "[]", R"({"advance":"P1M"})", R"({"set":"yesterday"})", R"({"advance":5})",
                            R"({"advance":"PT1M","set":"2024-01-01T00:00:00Z"})", R"({"rewind":"PT1M"})"}) {
        const HttpAnswer a = handleClockPost(ctx_, clockRequest(bad));
        EXPECT_EQ(a.status, 400) << bad;
        EXPECT_EQ(clock_.now(), kStart) << bad;
    }
}

// Makes sure a real clock cannot be moved. Example failure: 200 while nothing changed.
TEST(ClockControl, RealClockIs409)
{
    Catalogue empty;
    RealClock real;
    SimStore store(empty, 1);
    SimContext ctx{empty, real, store, 1, {}, {}};
    const HttpAnswer a = handleClockPost(ctx, clockRequest(R"({"advance":"PT1M"})"));
    EXPECT_EQ(a.status, 409);
    EXPECT_EQ(nlohmann::json::parse(a.body)["error"], "clock_not_fixed");
}

// Route-level tests of On-Demand Read: the seed page's exact shapes, the lifecycle on the fixed clock, and errors.
#include "api_harness.h"
#include "espi_ids.h"
#include "usage_model.h"

namespace gbc {
namespace {

std::set<std::string> keysOf(const nlohmann::json& j)
{
    std::set<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it)
        out.insert(it.key());
    return out;
}

class OdrRoute : public ::testing::Test {
protected:
    void SetUp() override
    {
        auth = h.submit("residential");
        meter = usagePointId(auth, 0);
    }
    ApiResponse odr(const std::string& utility = "epe") { return h.get("/api/" + utility + "/odr", {{"meter", meter}}); }

    ApiHarness h;
    std::string auth, meter;
};

// Makes sure the first request starts a read and later requests watch it move initialized -> waiting -> pending ->
// updated with ts at each transition and ttl counting down. Example failure: status stuck at "initialized".
TEST_F(OdrRoute, LifecycleOnTheClock)
{
    auto r = odr();
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(keysOf(r.json), (std::set<std::string>{"data", "meter", "status", "ts", "ttl_seconds"}));
    EXPECT_EQ(r.json["meter"], meter);
    EXPECT_EQ(r.json["status"], "initialized");
    EXPECT_TRUE(r.json["data"].is_null());
    EXPECT_EQ(r.json["ttl_seconds"], 900);
    EXPECT_EQ(r.json["ts"], "2025-06-15T15:06:40.000000+00:00");
    h.clock.advance(5);
    EXPECT_EQ(odr().json["status"], "waiting");
    h.clock.advance(15);
    r = odr();
    EXPECT_EQ(r.json["status"], "pending");
    EXPECT_EQ(r.json["ts"], "2025-06-15T15:07:00.000000+00:00");
    EXPECT_EQ(r.json["ttl_seconds"], 880);
    h.clock.advance(60);
    r = odr();
    EXPECT_EQ(r.json["status"], "updated");
    EXPECT_EQ(r.json["ts"], "2025-06-15T15:08:00.000000+00:00");
    EXPECT_TRUE(r.json["data"].is_object());
}

// Makes sure data has exactly the seed page's keys and shapes (base fields, blocks, four datapoints, numeric meter).
// Example failure: datapoints missing power_factor, or data.meter a string.
TEST_F(OdrRoute, UpdatedDataMatchesSeedShape)
{
    odr();
    h.clock.advance(80);
    const nlohmann::json d = odr().json["data"];
    EXPECT_EQ(keysOf(d), (std::set<std::string>{"authorization_uid", "base", "blocks", "created", "meter", "notes", "readings",
                                                "uid", "updated", "utility"}));
    EXPECT_EQ(keysOf(d["base"]), (std::set<std::string>{"billing_account", "billing_address", "billing_contact", "meter_numbers",
                                                        "service_address", "service_class", "service_identifier", "service_tariff"}));
    EXPECT_EQ(d["authorization_uid"], auth);
    EXPECT_EQ(d["blocks"], nlohmann::json({"base", "readings"}));
    EXPECT_TRUE(d["meter"].is_number_integer());
    EXPECT_EQ(d["meter"].get<std::uint64_t>(), std::stoull(meter));
    EXPECT_EQ(d["utility"], "EPE");
    EXPECT_EQ(d["base"]["billing_account"], "3333333333");
    EXPECT_EQ(d["base"]["billing_contact"], "Heather Homeowner");
    EXPECT_EQ(d["base"]["service_class"], "electric");
    EXPECT_TRUE(d["base"]["billing_address"].is_null());
    const nlohmann::json& points = d["readings"]["datapoints"];
    ASSERT_EQ(points.size(), 4u);
    const char* expected[4][2] = {{"fwd", "kwh"}, {"rev", "kvarh"}, {"fwd", "kw"}, {"power_factor", nullptr}};
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(keysOf(points[i]), (std::set<std::string>{"meter_number", "type", "unit", "value"}));
        EXPECT_EQ(points[i]["type"], expected[i][0]);
        if (expected[i][1])
            EXPECT_EQ(points[i]["unit"], expected[i][1]);
        else
            EXPECT_TRUE(points[i]["unit"].is_null());
        EXPECT_TRUE(points[i]["value"].is_number_float());
    }
    EXPECT_EQ(d["readings"]["start"], "2025-06-01T06:00:00.000000+00:00"); // local month start in Denver (MDT)
    EXPECT_EQ(d["readings"]["end"], "2025-06-15T15:00:00.000000+00:00");   // last complete 15-minute interval
    EXPECT_EQ(d["uid"], meter + "-2025-06-01T06:00:00.000000+00:00-2025-06-15T15:00:00.000000+00:00");
    EXPECT_EQ(d["created"], "2025-06-15T15:08:00.000000+00:00");
}

// Makes sure fwd kWh equals the sum of the usage model's interval readings over [start, end) — the numbers the
// JSON intervals and ESPI IntervalBlocks serve. Example failure: ODR invents an unrelated register value.
TEST_F(OdrRoute, FwdKwhEqualsIntervalSum)
{
    odr();
    h.clock.advance(80);
    const nlohmann::json d = odr().json["data"];
    FixedClock later(kHarnessStart + 2 * 86400); // the read window is history by then
    SimContext laterCtx{h.catalogue, later, h.directory, 1, {}, {}};
    auto record = h.directory.findAuthorization(auth);
    auto points = intervalReadings(laterCtx, *record, 0, 1748757600, 1749999600);
    ASSERT_TRUE(points);
    double sum = 0;
    for (const IntervalPoint& p : points.value())
        sum += p.kwh;
    EXPECT_GT(sum, 1.0);
    EXPECT_NEAR(d["readings"]["datapoints"][0]["value"].get<double>(), sum, 0.001);
}

// Makes sure requests inside the ttl reuse the read and the first request after expiry starts a new one.
// Example failure: a new read every request (the odr_ignores_ttl defect).
TEST_F(OdrRoute, TtlWindowThenNewRead)
{
    odr();
    h.clock.advance(899);
    auto r = odr();
    EXPECT_EQ(r.json["status"], "updated");
    EXPECT_EQ(r.json["ttl_seconds"], 1);
    h.clock.advance(1);
    r = odr();
    EXPECT_EQ(r.json["status"], "initialized");
    EXPECT_EQ(r.json["ttl_seconds"], 900);
}

// Makes sure the defect odr_ignores_ttl really restarts the read (so the conformance check can detect it).
// Example failure: the defect switch has no effect.
TEST_F(OdrRoute, IgnoreTtlDefect)
{
    h.ctx.defects.insert("odr_ignores_ttl");
    odr();
    h.clock.advance(30);
    EXPECT_EQ(odr().json["status"], "initialized");
}

// Makes sure odr_repeat_429 refuses a repeat inside the ttl with 429 + Retry-After (the ttl left) and starts a new
// read once the ttl is over. Example failure: the running read answered 200 as without the variation.
TEST_F(OdrRoute, Repeat429Variation)
{
    h.ctx.variations.insert(Variation::OdrRepeat429);
    EXPECT_EQ(odr().status, 200);
    h.clock.advance(30);
    auto r = odr();
    EXPECT_EQ(r.status, 429) << r.body;
    EXPECT_EQ(r.header("Retry-After"), "870");
    EXPECT_EQ(r.json["error"], "rate_limited");
    h.clock.advance(870);
    r = odr();
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["status"], "initialized");
}

// Makes sure json_local_offsets writes the utility's local offset (EPE: America/Denver, MDT in June) for the same
// instant. Example failure: +00:00 kept, or the wall time left unshifted with a new offset.
TEST_F(OdrRoute, LocalOffsetsVariation)
{
    h.ctx.variations.insert(Variation::JsonLocalOffsets);
    EXPECT_EQ(odr().json["ts"], "2025-06-15T09:06:40.000000-06:00");
}

// Makes sure the errored scenario ends "errored" with null data. Example failure: errored reads report "updated".
TEST_F(OdrRoute, ErroredScenario)
{
    const std::string m = usagePointId(h.submit("residential_odr_errored"), 0);
    h.get("/api/EPE/odr", {{"meter", m}});
    h.clock.advance(80);
    auto r = h.get("/api/EPE/odr", {{"meter", m}});
    EXPECT_EQ(r.json["status"], "errored");
    EXPECT_TRUE(r.json["data"].is_null());
    EXPECT_EQ(r.json["ttl_seconds"], 220);
}

// Makes sure bad requests get located JSON errors with the right status and never another party's data.
// Example failure: a DEMOUTILITY token reading an EPE meter, or a crash on a missing parameter.
TEST_F(OdrRoute, ErrorsAreClear)
{
    auto missing = h.get("/api/epe/odr");
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.json["error"], "required_param_missing");
    EXPECT_EQ(h.get("/api/epe/odr", {{"meter", "99999901"}}).status, 404);
    EXPECT_EQ(h.get("/api/epe/odr", {{"meter", "../x"}}).json["error"], "not_found");
    auto noOdr = h.get("/api/demoutility/odr", {{"meter", meter}}, kDemoToken);
    EXPECT_EQ(noOdr.status, 404);
    EXPECT_NE(noOdr.json["error_description"].get<std::string>().find("not offered"), std::string::npos);
    EXPECT_EQ(h.get("/api/nowhere/odr", {{"meter", meter}}).status, 404);
    auto foreign = h.get("/api/epe/odr", {{"meter", meter}}, kDemoToken);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.body.find("Heather"), std::string::npos);
    EXPECT_EQ(h.get("/api/epe/odr", {{"meter", meter}}, "").status, 401);
    h.post("/api/v2/authorizations/" + auth + "/revoke", nlohmann::json::object());
    auto revoked = odr();
    EXPECT_EQ(revoked.status, 400);
    EXPECT_EQ(revoked.json["error"], "expired_or_revoked");
}

} // namespace
} // namespace gbc

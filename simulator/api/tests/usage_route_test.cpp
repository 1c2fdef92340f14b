// Route-level tests of meters (list, get, collection, monitoring), bills, intervals, billing accounts and files.
#include "api_harness.h"
#include "espi_ids.h"
#include "usage_model.h"

namespace gbc {
namespace {

// Makes sure meters list with UsagePoint ids, expand_meter_blocks adds base, and foreign meters are 404.
// Example failure: a DEMOUTILITY token listing EPE meters.
TEST(JsonApiMeters, ListAndGet)
{
    ApiHarness h;
    const std::string uid = h.submit("residential");
    const std::string meter = usagePointId(uid, 0);
    auto list = h.get("/api/v2/meters");
    ASSERT_EQ(list.json["meters"].size(), 1u) << list.body;
    const nlohmann::json m = list.json["meters"][0];
    EXPECT_EQ(m["uid"], meter);
    EXPECT_EQ(m["authorization_uid"], uid);
    EXPECT_FALSE(m.contains("base"));
    EXPECT_EQ(m["blocks"], nlohmann::json({"base"}));
    EXPECT_EQ(m["status"], "updated");
    EXPECT_GT(m["interval_count"].get<int>(), 30000); // about 13 months of 15-minute readings
    EXPECT_EQ(m["bill_coverage"].size(), 1u);
    auto one = h.get("/api/v2/meters/" + meter, {{"expand_meter_blocks", "true"}});
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(one.json["base"]["service_class"], "res-electric");
    EXPECT_EQ(one.json["base"]["billing_account"], "3333333333");
    EXPECT_EQ(h.get("/api/v2/meters", {{"authorizations", "1"}}).json["meters"].size(), 0u);
    EXPECT_EQ(h.get("/api/v2/meters", {{"is_monitored", "x"}}).status, 400);
    EXPECT_EQ(h.get("/api/v2/meters", {}, kDemoToken).json["meters"].size(), 0u);
    EXPECT_EQ(h.get("/api/v2/meters/" + meter, {}, kDemoToken).status, 404);
}

// Makes sure historical-collection validates its body, puts meters in "pending" and back to "updated" on the clock.
// Example failure: a collection that never finishes, or collection_duration 99 accepted.
TEST(JsonApiMeters, HistoricalCollection)
{
    ApiHarness h;
    const std::string meter = usagePointId(h.submit("residential"), 0);
    const std::string path = "/api/v2/meters/historical-collection";
    EXPECT_EQ(h.post(path, nlohmann::json::object()).json["error"], "required_param_missing");
    EXPECT_EQ(h.post(path, {{"meters", "x"}}).json["error"], "invalid_param");
    EXPECT_EQ(h.post(path, {{"meters", nlohmann::json::array()}}).status, 404);
    EXPECT_EQ(h.post(path, {{"meters", {meter}}, {"collection_duration", 99}}).json["error"], "invalid_param");
    EXPECT_EQ(h.post(path, {{"meters", {"12345601"}}}).status, 404);
    auto ok = h.post(path, {{"meters", {meter}}, {"collection_duration", 12}});
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(ok.json, nlohmann::json({{"success", true}, {"meters", {meter}}, {"collection_duration", 12}}));
    EXPECT_EQ(h.get("/api/v2/meters/" + meter).json["status"], "pending");
    h.clock.advance(60);
    EXPECT_EQ(h.get("/api/v2/meters/" + meter).json["status"], "updated");
    const std::string other = usagePointId(h.submit("residential"), 0);
    h.post("/api/v2/authorizations/" + other.substr(0, other.size() - 2) + "/revoke", nlohmann::json::object());
    EXPECT_EQ(h.post(path, {{"meters", {other}}}).json["error"], "expired_or_revoked");
    auto dropped = h.post(path, {{"meters", {meter, other}}});
    EXPECT_EQ(dropped.json["meters"], nlohmann::json({meter}));
}

// Makes sure ongoing-monitoring requires a known frequency and records it on the meter.
// Example failure: frequency "hourly" accepted.
TEST(JsonApiMeters, OngoingMonitoring)
{
    ApiHarness h;
    const std::string meter = usagePointId(h.submit("residential"), 0);
    const std::string path = "/api/v2/meters/ongoing-monitoring";
    EXPECT_EQ(h.post(path, {{"meters", {meter}}}).json["error"], "required_param_missing");
    EXPECT_EQ(h.post(path, {{"meters", {meter}}, {"frequency", "hourly"}}).json["error"], "invalid_param");
    auto ok = h.post(path, {{"meters", {meter}}, {"frequency", "weekly"}, {"prepay", "prepay_yearly"}});
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(ok.json["frequency"], "weekly");
    auto m = h.get("/api/v2/meters/" + meter);
    EXPECT_EQ(m.json["ongoing_monitoring"]["frequency"], "weekly");
    EXPECT_EQ(m.json["ongoing_monitoring"]["prepay"], "prepay_yearly");
    EXPECT_EQ(h.get("/api/v2/meters", {{"is_monitored", "true"}}).json["meters"].size(), 1u);
}

// Makes sure interval readings carry the usage model's kWh (= ESPI values x 10^-3 / 1000) in utility-local time.
// Example failure: Wh reported as kWh, or UTC offsets instead of the utility's.
TEST(JsonApiUsage, IntervalsMatchUsageModel)
{
    ApiHarness h;
    const std::string uid = h.submit("residential");
    EXPECT_EQ(h.get("/api/v2/intervals").json["error"], "required_param_missing");
    auto r = h.get("/api/v2/intervals", {{"authorizations", uid}, {"start", "2025-06-10"}, {"end", "2025-06-11"}});
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.json["intervals"].size(), 1u);
    const nlohmann::json iv = r.json["intervals"][0];
    EXPECT_EQ(iv["uid"], usagePointId(uid, 0) + "_20250610");
    EXPECT_EQ(iv["blocks"], nlohmann::json({"base", "sources", "readings"}));
    const nlohmann::json& readings = iv["readings"];
    ASSERT_EQ(readings.size(), 96u);
    EXPECT_EQ(readings[0]["start"], "2025-06-10T00:00:00.000000-06:00");
    EXPECT_EQ(readings[0]["end"], "2025-06-10T00:15:00.000000-06:00");
    auto model = intervalReadings(h.ctx, *h.directory.findAuthorization(uid), 0, 1749535200, 1749621600);
    ASSERT_TRUE(model);
    ASSERT_EQ(model->size(), 96u);
    for (std::size_t i = 0; i < 96; ++i) {
        EXPECT_NEAR(readings[i]["kwh"].get<double>(), model.value()[i].kwh, 1e-9);
        EXPECT_NEAR(readings[i]["kwh"].get<double>(), static_cast<double>(model.value()[i].value) / 1e6, 1e-9);
    }
    auto earliest = h.get("/api/v2/intervals", {{"meters", usagePointId(uid, 0)}, {"order", "earliest_first"}, {"limit", "2"}});
    ASSERT_EQ(earliest.json["intervals"].size(), 2u);
    EXPECT_LT(earliest.json["intervals"][0]["uid"].get<std::string>(), earliest.json["intervals"][1]["uid"].get<std::string>());
    EXPECT_FALSE(earliest.json["next"].is_null());
    EXPECT_EQ(h.get("/api/v2/intervals", {{"meters", usagePointId(uid, 0)}, {"order", "random"}}).status, 400);
    EXPECT_EQ(h.get("/api/v2/intervals", {{"meters", usagePointId(uid, 0)}, {"start", "June"}}).json["error"], "invalid_param");
}

// Makes sure a bill's kWh equals the sum of that month's interval kWh, bills list newest first, and PDFs are refused.
// Example failure: bill totals computed from another generator than the intervals.
TEST(JsonApiUsage, BillsAgreeWithIntervals)
{
    ApiHarness h;
    const std::string uid = h.submit("residential");
    const std::string meter = usagePointId(uid, 0);
    auto bills = h.get("/api/v2/bills", {{"meters", meter}});
    ASSERT_EQ(bills.status, 200) << bills.body;
    ASSERT_GE(bills.json["bills"].size(), 12u);
    const nlohmann::json latest = bills.json["bills"][0];
    EXPECT_EQ(latest["uid"], meter + "_202505");
    EXPECT_EQ(latest["base"]["bill_start_date"], "2025-05-01T00:00:00.000000-06:00");
    EXPECT_EQ(latest["base"]["bill_total_unit"], "kwh");
    auto model = intervalReadings(h.ctx, *h.directory.findAuthorization(uid), 0, 1746079200, 1748757600);
    ASSERT_TRUE(model);
    double sum = 0;
    for (const IntervalPoint& p : model.value())
        sum += p.kwh;
    EXPECT_NEAR(latest["base"]["bill_total_kwh"].get<double>(), sum, 1e-6);
    EXPECT_GT(latest["base"]["bill_total_cost"].get<double>(), 0.0);
    auto pdf = h.get("/api/v2/files/latest_pdf", {{"meter", meter}});
    EXPECT_EQ(pdf.status, 404);
    EXPECT_EQ(pdf.json["error"], "file_unavailable");
    EXPECT_EQ(h.get("/api/v2/files/pdf_bill").json["error"], "required_param_missing");
    auto accounts = h.get("/api/v2/accounting/billing-accounts");
    ASSERT_EQ(accounts.json["billing_accounts"].size(), 1u);
    EXPECT_EQ(accounts.json["billing_accounts"][0]["meter_uids"], nlohmann::json({meter}));
    const std::string accountUid = accounts.json["billing_accounts"][0]["uid"];
    EXPECT_EQ(h.get("/api/v2/accounting/billing-accounts/" + accountUid).status, 200);
    EXPECT_EQ(h.get("/api/v2/accounting/billing-accounts/" + accountUid, {}, kDemoToken).status, 404);
}

} // namespace
} // namespace gbc

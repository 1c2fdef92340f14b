// Pure-function tests of the ESPI, ODR and JSON API checks, the helpers and the catalogue records.
#include <gtest/gtest.h>

#include <set>

#include "canned.h"
#include "runner_families.h"

using namespace gbc;
using canned::json;
using canned::run;

namespace {

std::string blocksFeed(std::initializer_list<long> starts)
{
    std::string xml = R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="http://naesb.org/espi">)";
    for (long s : starts)
        xml += "<entry><id>urn:uuid:" + std::to_string(s) + "</id><content><espi:IntervalBlock><espi:interval>"
               "<espi:duration>86400</espi:duration><espi:start>" + std::to_string(s) +
               "</espi:start></espi:interval></espi:IntervalBlock></content></entry>";
    return xml + "</feed>";
}

Observation window(const std::string& body)
{
    Observation o;
    o.facts = {{"espi.window_min", "86400"}, {"espi.window_max", "172800"}};
    o.steps["espi.window"] = canned::answer(200, body);
    return o;
}

} // namespace

// Makes sure QRY001 passes when every block overlaps the window and fails when the filter is ignored.
// Example failure: query_param_ignored returning a year of blocks for a one-day window.
TEST(EspiChecks, QueryWindowArithmetic)
{
    EXPECT_EQ(run("ES-009", window(blocksFeed({86400}))).verdict, Verdict::Pass);
    EXPECT_EQ(run("ES-009", window(blocksFeed({0, 86400}))).verdict, Verdict::Pass); // touching the edge: overlap
    EXPECT_EQ(run("ES-009", window(blocksFeed({100000}))).verdict, Verdict::Fail);   // the spanning block is missing
    const Outcome ignored = run("ES-009", window(blocksFeed({0, 86400, 172800, 172800 + 86400 + 1})));
    EXPECT_EQ(ignored.verdict, Verdict::Fail);
    EXPECT_NE(ignored.actual.find("3 blocks inside, 1 outside"), std::string::npos);
    EXPECT_EQ(run("ES-009", window(blocksFeed({}))).verdict, Verdict::Fail);
    Observation gated = window("");
    gated.gates["meter_reading"] = "no IntervalBlock";
    EXPECT_EQ(run("ES-009", gated).verdict, Verdict::Skip);
}

// Makes sure token-class and malformed-query probes need the refusing status.
// Example failure: wrong_token_class_accepted (200 for a client token) or bad_query_accepted.
TEST(EspiChecks, RefusalsAndRetryAfter)
{
    Observation o;
    o.steps["espi.batch_client_token"] = canned::answer(200, "<feed/>");
    EXPECT_EQ(run("ES-005", o).verdict, Verdict::Fail);
    o.steps["espi.batch_client_token"] = canned::answer(403);
    EXPECT_EQ(run("ES-005", o).verdict, Verdict::Pass);
    o.steps["espi.bad_query"] = canned::answer(200, "<feed/>");
    EXPECT_EQ(run("ES-010", o).verdict, Verdict::Fail);
    o.facts["espi.batch_waits"] = "0";
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Skip);
    o.facts["espi.batch_waits"] = "1";
    o.steps["espi.batch_wait.1"] = canned::answer(202, "", {{"Retry-After", "60"}});
    o.steps["espi.batch"] = canned::answer(200, "<feed/>");
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Pass);
    o.steps["espi.batch_wait.1"] = canned::answer(202);
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Fail);
    o.steps["espi.batch_wait.1"] = canned::answer(202, "", {{"Retry-After", "Sun, 15 Jun 2025 12:01:00 GMT"}});
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Pass);
    o.steps["espi.batch_wait.1"] = canned::answer(202, "", {{"Retry-After", "in a minute"}});
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Fail);
}

// Makes sure a 202 on the resourceURI (a .../Batch/Subscription/{id} resourceURI while collecting) is followed and
// judged by ES-011, and a URL still collecting after the whole wait is SKIP for ES-001, never FAIL.
// Example failure: ES-001 failing "200 with an Atom document" on a 202 that ES-011 accepts.
TEST(EspiChecks, ResourceUriAnswering202)
{
    Observation o;
    o.facts["espi.resource_waits"] = "1";
    o.steps["espi.resource_wait.1"] = canned::answer(202, "", {{"Retry-After", "60"}});
    o.steps["espi.resource"] = canned::answer(200, blocksFeed({0}));
    o.facts["espi.batch_waits"] = "0";
    EXPECT_EQ(run("ES-001", o).verdict, Verdict::Pass);
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Pass);
    o.steps["espi.resource"] = canned::answer(202, "", {{"Retry-After", "60"}});
    o.facts["espi.resource_waited"] = "120";
    const Outcome still = run("ES-001", o);
    EXPECT_EQ(still.verdict, Verdict::Skip);
    EXPECT_NE(still.message.find("still 202"), std::string::npos);
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Skip);
    o.steps["espi.resource"] = canned::answer(404, "");
    EXPECT_EQ(run("ES-001", o).verdict, Verdict::Fail);
    EXPECT_EQ(run("ES-011", o).verdict, Verdict::Fail);
}

// Makes sure JSON interval readings are ordered as instants: across a DST fall-back with local offsets
// (01:45-06:00 -> 01:00-07:00 is 15 minutes forward) they pass, truly reversed ones fail.
// Example failure: the string comparison "01:00" < "01:45" failing the first reading after the fall-back.
TEST(JsonApiChecks, IntervalTimesAreInstants)
{
    Observation o;
    auto intervals = [&](const std::string& start, const std::string& end) {
        o.steps["json.intervals.1"] = json(200, R"({"intervals":[{"uid":"a","meter_uid":"m","base":{},"readings":[{"start":")" +
                                                    start + R"(","end":")" + end + R"(","kwh":0.5}]}]})");
        return run("JA-004", o).verdict;
    };
    EXPECT_EQ(intervals("2025-11-02T01:45:00.000000-06:00", "2025-11-02T01:00:00.000000-07:00"), Verdict::Pass);
    EXPECT_EQ(intervals("2025-11-02T07:45:00Z", "2025-11-02T08:00:00.5Z"), Verdict::Pass);
    EXPECT_EQ(intervals("2025-11-02T01:00:00-07:00", "2025-11-02T01:45:00-06:00"), Verdict::Fail);
    EXPECT_EQ(intervals("2025-11-02T01:00:00-07:00", "soon"), Verdict::Fail);
}

// Makes sure polls refused with 429 inside the ttl (allowed) make the lifecycle SKIP instead of FAIL.
// Example failure: OD-002 "statuses out of order: initialized -> ?" on a target that rate-limits repeats.
TEST(OdrChecks, RateLimitedPollsSkipTheLifecycle)
{
    Observation o;
    o.steps["odr.first"] = json(200, R"({"meter":"1","status":"initialized","ts":"2025-06-15T06:00:00.000000-06:00","ttl_seconds":900,"data":null})");
    o.steps["odr.poll.1"] = json(429, R"({"error":"rate_limited"})", {{"Retry-After", "894"}});
    o.facts["odr.polls"] = "1";
    o.facts["odr.expect_terminal"] = "yes";
    o.steps["odr.repeat"] = json(429, R"({"error":"rate_limited"})");
    EXPECT_EQ(run("OD-001", o).verdict, Verdict::Pass);
    EXPECT_EQ(run("OD-002", o).verdict, Verdict::Skip);
    EXPECT_EQ(run("OD-003", o).verdict, Verdict::Pass);
    o.steps["odr.poll.1"] = json(200, R"({"status":"bogus"})");
    EXPECT_EQ(run("OD-002", o).verdict, Verdict::Fail);
}

// Makes sure the feed data check runs the validator and names failing data checks.
// Example failure: a feed with a duplicate atom id passing ES-003.
TEST(EspiChecks, BatchDataUsesTheValidator)
{
    Observation o;
    o.steps["espi.batch"] = canned::answer(200, "<feed><entry>unterminated");
    const Outcome broken = run("ES-003", o);
    EXPECT_EQ(broken.verdict, Verdict::Fail);
    EXPECT_NE(broken.actual.find("unusable document"), std::string::npos);
    o.steps["espi.batch"] = canned::answer(500, "oops");
    EXPECT_EQ(run("ES-003", o).verdict, Verdict::Fail);
}

// Makes sure ODR shape, lifecycle order and the ttl window are judged.
// Example failure: odr_ignores_ttl (a new read with a new ts inside the window) passing OD-003.
TEST(OdrChecks, ShapeLifecycleTtl)
{
    Observation o;
    o.steps["odr.first"] = json(200, R"({"meter":"1","status":"initialized","ts":"2025-06-15T12:00:00+00:00","ttl_seconds":900,"data":null})");
    o.steps["odr.poll.1"] = json(200, R"({"meter":"1","status":"pending","ts":"2025-06-15T12:00:00+00:00","ttl_seconds":880,"data":null})");
    o.facts["odr.polls"] = "1";
    EXPECT_EQ(run("OD-001", o).verdict, Verdict::Pass);
    EXPECT_EQ(run("OD-002", o).verdict, Verdict::Pass);
    o.facts["odr.expect_terminal"] = "yes";
    EXPECT_EQ(run("OD-002", o).verdict, Verdict::Fail);
    o.steps["odr.poll.1"] = json(200, R"({"status":"waiting"})");
    o.steps["odr.first"] = json(200, R"({"meter":"1","status":"pending","ts":"2025-06-15T12:00:00+00:00","ttl_seconds":900,"data":null})");
    o.facts["odr.expect_terminal"] = "no";
    EXPECT_EQ(run("OD-002", o).verdict, Verdict::Fail);
    o.steps["odr.first"] = json(200, R"({"status":"waiting","ttl_seconds":900})");
    o.steps["odr.poll.1"] = json(200, R"({"status":"pending","ttl_seconds":880})");
    o.facts["odr.advance.1"] = "20";
    o.steps["odr.repeat"] = json(200, R"({"status":"pending","ttl_seconds":880})");
    EXPECT_EQ(run("OD-003", o).verdict, Verdict::Pass);
    o.steps["odr.repeat"] = json(200, R"({"status":"initialized","ttl_seconds":900})");
    EXPECT_EQ(run("OD-003", o).verdict, Verdict::Fail);
    o.steps["odr.repeat"] = json(429, R"({"error":"rate_limited"})");
    EXPECT_EQ(run("OD-003", o).verdict, Verdict::Pass);
    o.steps["odr.poll.1"] = json(200, R"({"status":"waiting","ttl_seconds":900})"); // 20 s passed, ttl did not move
    EXPECT_EQ(run("OD-003", o).verdict, Verdict::Fail);
    o.gates["odr"] = "no ODR";
    EXPECT_EQ(run("OD-003", o).verdict, Verdict::Skip);
}

// Makes sure an updated read's data block is checked for datapoint units.
// Example failure: a datapoint with unit "kWh?" accepted.
TEST(OdrChecks, DataShape)
{
    Observation o;
    o.facts["odr.polls"] = "0";
    const std::string updated = R"({"status":"updated","data":{"base":{},"readings":{"start":"2025-06-15T11:00:00+00:00",
        "end":"2025-06-15T12:00:00+00:00","datapoints":[{"type":"fwd","unit":"kwh","value":1.5},{"type":"power_factor","unit":null,"value":1.0}]}}})";
    o.steps["odr.first"] = json(200, updated);
    EXPECT_EQ(run("OD-004", o).verdict, Verdict::Pass);
    std::string bad = updated;
    bad.replace(bad.find("\"kwh\""), 5, "\"kWh?\"");
    o.steps["odr.first"] = json(200, bad);
    EXPECT_EQ(run("OD-004", o).verdict, Verdict::Fail);
}

// Makes sure JSON API errors need the {error, error_description, url} body and pagination must not repeat items.
// Example failure: json_error_body_missing (404 with an empty body) passing JA-005.
TEST(JsonApiChecks, ErrorBodiesAndPagination)
{
    Observation o;
    o.steps["json.not_found"] = json(404, R"({"error":"not_found","error_description":"no such authorization","url":null})");
    EXPECT_EQ(run("JA-005", o).verdict, Verdict::Pass);
    o.steps["json.not_found"] = canned::answer(404, "");
    EXPECT_EQ(run("JA-005", o).verdict, Verdict::Fail);
    o.facts["json.limit"] = "2";
    o.steps["json.intervals.1"] = json(200, R"({"intervals":[{"uid":"a"},{"uid":"b"}],"next":"/api/v2/intervals?after=b"})");
    o.steps["json.intervals.2"] = json(200, R"({"intervals":[{"uid":"c"}],"next":null})");
    EXPECT_EQ(run("JA-003", o).verdict, Verdict::Pass);
    o.steps["json.intervals.2"] = json(200, R"({"intervals":[{"uid":"b"}],"next":null})");
    EXPECT_EQ(run("JA-003", o).verdict, Verdict::Fail);
    o.steps["json.intervals.1"] = json(200, R"({"intervals":[{"uid":"a"},{"uid":"b"},{"uid":"x"}],"next":null})");
    EXPECT_EQ(run("JA-003", o).verdict, Verdict::Fail);
}

// Makes sure every catalogue record is complete, ids are unique and sorted, and every plan has checks.
// Example failure: a check without a reference, or two checks sharing an id.
TEST(RunnerCatalogue, RecordsAreComplete)
{
    std::set<std::string> ids, plans;
    std::string previous;
    for (const RunnerCheck& c : runnerChecks()) {
        EXPECT_TRUE(ids.insert(c.record.id).second) << c.record.id;
        EXPECT_LT(previous, c.record.id);
        previous = c.record.id;
        EXPECT_FALSE(c.record.reference.empty()) << c.record.id;
        EXPECT_GT(c.record.requirement.size(), 20u) << c.record.id;
        EXPECT_NE(c.run, nullptr);
        plans.insert(c.plan);
    }
    EXPECT_EQ(plans, (std::set<std::string>{"oauth-authorize", "oauth-token", "espi", "odr", "json-api"}));
    EXPECT_GE(runnerChecks().size(), 60u);
}

// Makes sure need() says SKIP when a precondition failed (gate closed, step never reached) and ERROR only for a
// request that got no answer. Example failure: "did not record step" as ERROR, turning the exit code into 2.
TEST(RunnerCatalogue, NeedGatesAndFaults)
{
    Observation o;
    o.gates["odr"] = "no ODR";
    EXPECT_EQ(need(o, {"odr"}, "odr.first").stop->verdict, Verdict::Skip);
    const Outcome unreached = *need(o, {}, "odr.first").stop;
    EXPECT_EQ(unreached.verdict, Verdict::Skip);
    EXPECT_NE(unreached.message.find("precondition not met: step 'odr.first' was never reached"), std::string::npos);
    o.steps["odr.first"].error = "timeout";
    EXPECT_EQ(need(o, {}, "odr.first").stop->verdict, Verdict::Error);
    o.steps["odr.first"] = json(200, "{}");
    EXPECT_FALSE(need(o, {}, "odr.first").stop.has_value());
}

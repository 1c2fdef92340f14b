// Every client check against a passing and a failing journal written by hand; journal caps; the graded report.
#include <gtest/gtest.h>

#include <set>

#include "client_checks.h"
#include "client_grade.h"
#include "grading_routes.h"
#include "json_report.h"

namespace gbc {
namespace {

using Facts = std::map<std::string, std::string>;
constexpr const char* kBatch = "/DataCustodian/espi/1_1/resource/Batch/Subscription/1";

// One entry; wall time is the same for all, so only the simulator clock (t) separates them.
JournalEntry at(EpochSeconds t, EntryKind kind, int status, Facts facts, std::string path = "", std::string token = "",
                std::string query = "")
{
    JournalEntry e;
    e.kind = kind;
    e.outbound = kind == EntryKind::CodeIssued || kind == EntryKind::Notification || kind == EntryKind::Webhook;
    e.method = "GET";
    e.path = std::move(path);
    e.query = std::move(query);
    e.status = status;
    e.simTime = t;
    e.wallMs = 1'700'000'000'000;
    e.token = std::move(token);
    e.facts = std::move(facts);
    return e;
}

JournalSnapshot journal(std::vector<JournalEntry> entries, EpochSeconds now = 0)
{
    JournalSnapshot s;
    s.clientId = "my-app";
    s.utilityId = "ESSEX";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        entries[i].seq = i + 1;
        now = std::max(now, entries[i].simTime);
    }
    s.entries = std::move(entries);
    s.simNow = now;
    s.wallNowMs = 1'700'000'000'000;
    s.seen = s.entries.size();
    return s;
}

JournalEntry authorize(EpochSeconds t, std::string state, std::string ccm = "S256", std::string redirect = "http://localhost:3000/cb")
{
    return at(t, EntryKind::Authorize, 200, {{"state", state}, {"state_sent", state.empty() ? "no" : "yes"}, {"ccm", ccm},
              {"cc", ccm.empty() ? "no" : "yes"}, {"redirect_sent", "yes"}, {"redirect_uri", redirect}}, "/oauth/authorize");
}
JournalEntry codeIssued(EpochSeconds t, std::string code, std::string state)
{
    return at(t, EntryKind::CodeIssued, 302, {{"code", code}, {"state", state}}, "http://localhost:3000/cb", code);
}
JournalEntry exchange(EpochSeconds t, std::string code, std::string redirect = "http://localhost:3000/cb", std::string auth = "basic",
                      std::string access = "a1")
{
    return at(t, EntryKind::Token, 200, {{"grant", "authorization_code"}, {"code", code}, {"auth", auth}, {"redirect_sent", "yes"},
              {"redirect_uri", redirect}, {"issued.access", access}, {"issued.refresh", "r1"}, {"expires_in", "3600"}},
              "/oauth/token", code);
}
JournalEntry refresh(EpochSeconds t, std::string used, std::string issued, std::string access)
{
    return at(t, EntryKind::Token, 200, {{"grant", "refresh_token"}, {"auth", "basic"}, {"issued.refresh", issued},
              {"issued.access", access}, {"expires_in", "3600"}}, "/oauth/token", used);
}
JournalEntry data(EpochSeconds t, std::string path, int status, Facts facts = {}, std::string token = "a1", std::string query = "")
{
    const EntryKind kind = path.rfind("/api/v2/", 0) == 0 ? EntryKind::Api : EntryKind::Espi;
    return at(t, kind, status, std::move(facts), std::move(path), std::move(token), std::move(query));
}
JournalEntry odr(EpochSeconds t, std::string status, std::string ttl = "900")
{
    return at(t, EntryKind::Odr, 200, {{"meter", "m1"}, {"odr.status", status}, {"odr.ttl", ttl}}, "/api/EPE/odr", "api1");
}
JournalEntry webhook(std::string probe, int status)
{
    return at(0, EntryKind::Webhook, status, {{"probe", probe}}, "http://localhost:3000/hook");
}

struct Case {
    std::string id;
    std::vector<JournalEntry> passing, failing;
};

std::vector<Case> cases()
{
    const std::string meters = "/api/v2/meters";
    return {
        {"CL-001", {authorize(0, "s1", "")}, {authorize(0, "", "")}},
        {"CL-002", {authorize(0, "s1"), exchange(1, "c1"), authorize(2, "s2")}, {authorize(0, "s1"), exchange(1, "c1"), authorize(2, "s1")}},
        {"CL-003", {authorize(0, "s1", "S256")}, {authorize(0, "s1", "plain")}},
        {"CL-004", {exchange(0, "c1"), exchange(5, "c2")}, {exchange(0, "c1"), exchange(5, "c1")}},
        {"CL-005", {codeIssued(0, "c1", "s1"), exchange(10, "c1")}, {codeIssued(0, "c1", "s1"), exchange(120, "c1")}},
        {"CL-006", {authorize(0, "s1"), codeIssued(1, "c1", "s1"), exchange(2, "c1")},
                   {authorize(0, "s1"), codeIssued(1, "c1", "s1"), exchange(2, "c1", "http://localhost:3000/other")}},
        {"CL-007", {exchange(0, "c1", "http://localhost:3000/cb", "form")}, {exchange(0, "c1", "http://localhost:3000/cb", "both")}},
        {"CL-008", {exchange(0, "c1"), refresh(3000, "r1", "r1", "a2"), refresh(6000, "r1", "r1", "a3")},
                   {exchange(0, "c1"), refresh(10, "r1", "r1", "a2"), refresh(20, "r1", "r1", "a3")}},
        {"CL-009", {refresh(0, "r1", "r2", "a2"), refresh(4000, "r2", "r3", "a3")}, {refresh(0, "r1", "r2", "a2"), refresh(4000, "r1", "r3", "a3")}},
        {"CL-010", {data(0, kBatch, 401, {{"refused", "yes"}}, "x"), data(1, kBatch, 401, {{"refused", "yes"}}, "x"), data(2, kBatch, 200, {}, "y")},
                   {data(0, kBatch, 401, {{"refused", "yes"}}, "x"), data(1, kBatch, 401, {{"refused", "yes"}}, "x"), data(2, kBatch, 401, {{"refused", "yes"}}, "x")}},
        {"CL-011", {data(0, kBatch, 202, {{"retry_after", "30"}}), data(30, kBatch, 200)}, {data(0, kBatch, 202, {{"retry_after", "30"}}), data(5, kBatch, 200)}},
        {"CL-012", {data(0, meters, 500), data(1, meters, 500), data(3, meters, 200)}, {data(0, meters, 500), data(0, meters, 200)}},
        {"CL-013", {odr(0, "updated"), odr(900, "initialized")}, {odr(0, "updated"), odr(100, "updated")}},
        {"CL-014", {odr(0, "pending"), odr(5, "updated")}, {odr(0, "pending"), odr(1, "pending")}},
        {"CL-015", {data(0, kBatch, 200), data(3600, kBatch, 200, {{"min", "yes"}})}, {data(0, kBatch, 200), data(3600, kBatch, 200)}},
        {"CL-016", {at(0, EntryKind::Notification, 200, {{"resources", kBatch}}, "/notify"), data(1, kBatch, 200)},
                   {at(0, EntryKind::Notification, 200, {{"resources", kBatch}}, "/notify"),
                    data(1, "/DataCustodian/espi/1_1/resource/Batch/Subscription/2", 200)}},
        {"CL-017", {data(0, meters, 200, {{"next", "/api/v2/meters?after=u5&limit=5"}}), data(1, meters, 200, {{"next", ""}}, "a1", "limit=5&after=u5")},
                   {data(0, meters, 200, {{"next", "/api/v2/meters?after=u5&limit=5"}}), data(1, meters, 200, {{"next", ""}}, "a1", "offset=5")}},
        {"CL-018", {data(0, "/api/v2/intervals", 200, {{"ready", "yes"}})}, {data(0, "/api/v2/intervals", 200, {{"ready", "no"}})}},
        {"CL-019", {webhook("good", 200)}, {webhook("good", 500)}},
        {"CL-020", {webhook("bad", 401)}, {webhook("bad", 200)}},
    };
}

const ClientCheck& byId(const std::string& id)
{
    for (const ClientCheck& c : clientChecks())
        if (c.record.id == id)
            return c;
    throw std::runtime_error("no check " + id);
}

TEST(ClientChecks, EachPassesItsGoodJournalAndFailsItsBadOne)
{
    for (const Case& c : cases()) {
        const ClientCheck& check = byId(c.id);
        const ClientOutcome good = check.run(journal(c.passing)), bad = check.run(journal(c.failing));
        EXPECT_EQ(good.verdict, Verdict::Pass) << c.id << ": " << good.message;
        EXPECT_EQ(bad.verdict, Verdict::Fail) << c.id << ": " << bad.message;
        EXPECT_FALSE(bad.evidence.empty()) << c.id;
    }
}

TEST(ClientChecks, EveryCheckHasACaseAndSkipsAnEmptyJournal)
{
    std::set<std::string> covered;
    for (const Case& c : cases())
        covered.insert(c.id);
    EXPECT_GE(clientChecks().size(), 20u);
    for (const ClientCheck& check : clientChecks()) {
        EXPECT_TRUE(covered.count(check.record.id)) << check.record.id << " has no test case";
        EXPECT_FALSE(check.record.reference.empty());
        const ClientOutcome o = check.run(journal({}));
        EXPECT_EQ(o.verdict, Verdict::Skip) << check.record.id;
        EXPECT_FALSE(o.message.empty()) << check.record.id << " skips without a reason";
    }
}

TEST(ClientChecks, StateMayBeReplacedByPkceButNotDropped)
{
    EXPECT_EQ(byId("CL-001").run(journal({authorize(0, "", "S256")})).verdict, Verdict::Pass);
}

TEST(ClientChecks, AnUnexchangedCodeFailsOnlyOnceOverdue)
{
    EXPECT_EQ(byId("CL-005").run(journal({codeIssued(0, "c1", "s1")}, 30)).verdict, Verdict::Skip);
    EXPECT_EQ(byId("CL-005").run(journal({codeIssued(0, "c1", "s1")}, 61)).verdict, Verdict::Fail);
}

TEST(ClientChecks, RetryAfterCountsWallClockToo)
{
    JournalEntry later = data(0, kBatch, 200);
    later.wallMs += 31'000; // the simulator clock stood still (fixed clock), the app waited on its own clock
    EXPECT_EQ(byId("CL-011").run(journal({data(0, kBatch, 202, {{"retry_after", "30"}}), later})).verdict, Verdict::Pass);
}

TEST(ClientJournal, DropsTheOldestByCountAndByBytesAndCountsThem)
{
    ClientJournal byCount("c", "U", JournalCap{3, 1 << 20});
    for (int i = 0; i < 5; ++i)
        byCount.add(data(i, kBatch, 200));
    const JournalSnapshot s = byCount.snapshot(5, 0);
    ASSERT_EQ(s.entries.size(), 3u);
    EXPECT_EQ(s.entries.front().seq, 3u);
    EXPECT_EQ(s.dropped, 2u);
    EXPECT_EQ(s.seen, 5u);
    ClientJournal byBytes("c", "U", JournalCap{1000, 4096});
    for (int i = 0; i < 100; ++i)
        byBytes.add(data(i, kBatch, 200, {{"note", std::string(200, 'x')}}));
    EXPECT_LE(byBytes.heldBytes(), 4096u);
    EXPECT_LT(byBytes.size(), 100u);
    byBytes.clear();
    EXPECT_EQ(byBytes.size(), 0u);
    EXPECT_EQ(byBytes.snapshot(0, 0).dropped, 0u);
}

TEST(ClientGrade, ReportUsesTheRunnerSchemaAndShouldFailsBecomeWarn)
{
    const Report r = gradeClient(journal({authorize(0, "s1", "plain"), exchange(1, "c1"), exchange(2, "c1")}), "test");
    std::map<std::string, Verdict> verdicts;
    for (const CheckResult& c : r.results)
        verdicts[c.checkId] = c.verdict;
    EXPECT_EQ(verdicts["CL-003"], Verdict::Warn); // SHOULD
    EXPECT_EQ(verdicts["CL-004"], Verdict::Fail); // MUST
    EXPECT_EQ(verdicts["CL-019"], Verdict::Skip);
    EXPECT_EQ(summarize(r).exitCode, 1);
    auto back = reportFromJsonText(reportToJsonText(r), "grade.json");
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(back->results.size(), r.results.size());
    EXPECT_TRUE(r.notes.empty()); // notes are harness faults (exit 2); the journal's cap goes in the description
    ASSERT_EQ(r.variants.size(), 1u);
    EXPECT_NE(r.variants[0].description.find("cap 5000 entries"), std::string::npos) << r.variants[0].description;
}

TEST(JournalQuery, BadParametersAreLocated)
{
    HttpRequest req;
    req.query = {{"limit", "100000"}};
    auto q = parseJournalQuery(req);
    ASSERT_FALSE(q.ok());
    EXPECT_EQ(q.error().where, "limit");
    req.query = {{"since", "yesterday"}};
    EXPECT_EQ(parseJournalQuery(req).error().where, "since");
    req.query = {{"colour", "red"}};
    EXPECT_EQ(parseJournalQuery(req).error().where, "colour");
    req.query = {{"method", "get"}, {"path", "/api/*/odr"}, {"since", "2"}};
    auto ok = parseJournalQuery(req);
    ASSERT_TRUE(ok.ok());
    JournalEntry late = odr(0, "pending"), early = odr(0, "pending");
    late.seq = 3;
    early.seq = 2;
    EXPECT_TRUE(matches(*ok, late));
    EXPECT_FALSE(matches(*ok, early)); // since=2: entries after #2 only
    late.method = "POST";
    EXPECT_FALSE(matches(*ok, late));
}

} // namespace
} // namespace gbc

// Pure-function tests of the checks added for issue 10: revoked refresh tokens, GET on the token endpoint, FB 37
// paging and updated-min/max, ApplicationInformation token classes, ids across documents, ODR states and ttl.
#include <gtest/gtest.h>

#include "canned.h"

using namespace gbc;
using canned::json;
using canned::run;

namespace {

// An Atom feed of entries "urn:uuid:<n>" with self ".../IntervalBlock/<n>" and atom:updated <updated[n]>.
std::string feed(std::initializer_list<std::pair<int, const char*>> entries)
{
    std::string xml = R"(<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:f</id>)";
    for (const auto& [n, updated] : entries)
        xml += "<entry><id>urn:uuid:" + std::to_string(n) + "</id><link rel=\"self\" href=\"http://dc.example/r/IntervalBlock/" +
            std::to_string(n) + "\"/><content/><updated>" + updated + "</updated></entry>";
    return xml + "</feed>";
}

HttpExchange atom(const std::string& body)
{
    return canned::answer(200, body, {{"Content-Type", "application/atom+xml"}});
}

const char* day(int d)
{
    static const char* days[] = {"2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z", "2025-06-03T00:00:00-05:00",
        "2025-06-04T00:00:00Z", "2025-06-05T00:00:00Z"};
    return days[d];
}

Observation odr(std::initializer_list<const char*> answers, std::initializer_list<int> advances)
{
    Observation o;
    int i = 0;
    for (const char* a : answers)
        o.steps[i == 0 ? "odr.first" : "odr.poll." + std::to_string(i)] = json(200, a), ++i;
    o.facts["odr.polls"] = std::to_string(i - 1);
    int n = 0;
    for (int a : advances)
        o.facts["odr.advance." + std::to_string(++n)] = std::to_string(a);
    o.facts["odr.expect_terminal"] = "yes";
    return o;
}

} // namespace

// Makes sure TK-024 needs invalid_grant for a revoked refresh token and only reports the sibling access token.
// Example failure: refresh_survives_revoke (a new access token after revocation) passing.
TEST(TokenChecks, RevokedRefreshTokenIsInvalidGrant)
{
    Observation o;
    o.steps["revoke.refresh"] = json(200, "");
    o.steps["revoke.refresh_probe"] = json(400, R"({"error":"invalid_grant"})");
    o.steps["revoke.refresh_sibling"] = canned::answer(200, "<feed/>");
    const Outcome kept = run("TK-024", o);
    EXPECT_EQ(kept.verdict, Verdict::Pass);
    EXPECT_NE(kept.message.find("still works"), std::string::npos);
    o.steps["revoke.refresh_sibling"] = canned::answer(401);
    EXPECT_EQ(run("TK-024", o).verdict, Verdict::Pass);
    o.steps["revoke.refresh_probe"] = json(200, R"({"access_token":"A2","token_type":"Bearer"})");
    EXPECT_EQ(run("TK-024", o).verdict, Verdict::Fail);
    o.gates["revoke"] = "no revocation endpoint";
    EXPECT_EQ(run("TK-024", o).verdict, Verdict::Skip);
}

// Makes sure GET on the token endpoint must be 405/400 without a token. Example failure: token_get_accepted passing.
TEST(TokenChecks, TokenEndpointRefusesGet)
{
    Observation o;
    o.steps["token.get"] = json(405, R"({"error":"invalid_request"})");
    EXPECT_EQ(run("TK-025", o).verdict, Verdict::Pass);
    o.steps["token.get"] = canned::answer(400, "<html>bad</html>");
    EXPECT_EQ(run("TK-025", o).verdict, Verdict::Pass);
    o.steps["token.get"] = json(200, R"({"access_token":"A","token_type":"Bearer"})");
    EXPECT_EQ(run("TK-025", o).verdict, Verdict::Fail);
    o.steps["token.get"] = json(400, R"({"access_token":"A"})");
    EXPECT_EQ(run("TK-025", o).verdict, Verdict::Fail);
}

// Makes sure max-results caps and start-index pages without overlap or loss.
// Example failure: paging_ignored (every entry on every page) passing ES-017/ES-018.
TEST(EspiQueryChecks, MaxResultsAndStartIndex)
{
    Observation o;
    o.steps["espi.query_all"] = atom(feed({{1, day(0)}, {2, day(1)}, {3, day(2)}, {4, day(3)}, {5, day(4)}}));
    o.steps["espi.query_page.1"] = atom(feed({{1, day(0)}, {2, day(1)}}));
    o.steps["espi.query_page.2"] = atom(feed({{3, day(2)}, {4, day(3)}}));
    EXPECT_EQ(run("ES-017", o).verdict, Verdict::Pass);
    EXPECT_EQ(run("ES-018", o).verdict, Verdict::Pass);
    o.steps["espi.query_page.2"] = atom(feed({{2, day(1)}, {3, day(2)}})); // start-index off by one: overlap
    EXPECT_EQ(run("ES-018", o).verdict, Verdict::Fail);
    o.steps["espi.query_page.1"] = o.steps["espi.query_all"];
    EXPECT_EQ(run("ES-017", o).verdict, Verdict::Fail);
    o.steps["espi.query_all"] = atom(feed({{1, day(0)}, {2, day(1)}}));
    EXPECT_EQ(run("ES-018", o).verdict, Verdict::Skip); // too few entries to page
    o.gates["espi.query"] = "no IntervalBlock feed";
    EXPECT_EQ(run("ES-017", o).verdict, Verdict::Skip);
}

// Makes sure updated-min/max are judged by atom:updated as instants (offsets honoured).
// Example failure: updated_filter_ignored (the whole page returned) passing ES-019.
TEST(EspiQueryChecks, UpdatedFilter)
{
    Observation o;
    o.facts["espi.updated_min"] = "1748822400"; // 2025-06-02T00:00:00Z
    o.facts["espi.updated_max"] = "1748926800"; // 2025-06-03T05:00:00Z = day(2) at -05:00
    o.steps["espi.query_updated"] = atom(feed({{2, day(1)}, {3, day(2)}}));
    EXPECT_EQ(run("ES-019", o).verdict, Verdict::Pass);
    o.steps["espi.query_updated"] = atom(feed({{1, day(0)}, {2, day(1)}, {3, day(2)}, {4, day(3)}}));
    const Outcome ignored = run("ES-019", o);
    EXPECT_EQ(ignored.verdict, Verdict::Fail);
    EXPECT_NE(ignored.actual.find("2 of 4 entries outside"), std::string::npos);
}

// Makes sure ApplicationInformation must be refused to the customer and client tokens and answered to the
// registration token. Example failure: application_information_open passing ES-021.
TEST(EspiQueryChecks, ApplicationInformationTokenClasses)
{
    Observation o;
    o.steps["espi.appinfo_customer"] = canned::answer(403);
    o.steps["espi.appinfo_client"] = canned::answer(401);
    EXPECT_EQ(run("ES-021", o).verdict, Verdict::Pass);
    o.steps["espi.appinfo_client"] = atom("<entry xmlns=\"http://www.w3.org/2005/Atom\"/>");
    EXPECT_EQ(run("ES-021", o).verdict, Verdict::Fail);
    o.steps["espi.appinfo"] = canned::answer(403);
    EXPECT_EQ(run("ES-020", o).verdict, Verdict::Fail);
    o.gates["appinfo"] = "no registration token";
    EXPECT_EQ(run("ES-020", o).verdict, Verdict::Skip);
    EXPECT_EQ(run("ES-021", o).verdict, Verdict::Skip);
}

// Makes sure one atom:id names one resource across documents. Example failure: atom_id_by_position passing ES-024.
TEST(EspiQueryChecks, IdsAcrossDocuments)
{
    Observation o;
    o.steps["espi.batch"] = atom(feed({{1, day(0)}, {2, day(1)}}));
    o.steps["espi.query_all"] = atom(feed({{2, day(1)}, {3, day(2)}})); // the same resources again: fine
    EXPECT_EQ(run("ES-024", o).verdict, Verdict::Pass);
    std::string moved = feed({{3, day(2)}});
    moved.replace(moved.find("IntervalBlock/3"), 15, "IntervalBlock/9"); // id 3 now names another resource
    o.steps["espi.history_head.1"] = atom(moved);
    const Outcome f = run("ES-024", o);
    EXPECT_EQ(f.verdict, Verdict::Fail);
    EXPECT_NE(f.actual.find("urn:uuid:3"), std::string::npos);
}

// Makes sure a state skipped between close polls fails OD-007 and distant polls are not judged.
// Example failure: odr_skips_waiting (initialized -> pending within 3 s) passing.
TEST(OdrChecks, NoStateSkipped)
{
    const char* init = R"({"status":"initialized","ttl_seconds":900})";
    const char* wait = R"({"status":"waiting","ttl_seconds":897})";
    const char* pend = R"({"status":"pending","ttl_seconds":894})";
    EXPECT_EQ(run("OD-007", odr({init, wait, pend}, {3, 3})).verdict, Verdict::Pass);
    EXPECT_EQ(run("OD-007", odr({init, pend}, {3})).verdict, Verdict::Fail);
    EXPECT_EQ(run("OD-007", odr({init, pend}, {60})).verdict, Verdict::Skip); // 60 s apart: not judged
}

// Makes sure ttl_seconds must drop by the time that passed. Example failure: odr_ttl_frozen passing OD-008.
TEST(OdrChecks, TtlCountsDown)
{
    const char* a = R"({"status":"initialized","ttl_seconds":900})";
    EXPECT_EQ(run("OD-008", odr({a, R"({"status":"waiting","ttl_seconds":890})"}, {10})).verdict, Verdict::Pass);
    EXPECT_EQ(run("OD-008", odr({a, R"({"status":"waiting","ttl_seconds":900})"}, {10})).verdict, Verdict::Fail);
    EXPECT_EQ(run("OD-008", odr({a, R"({"status":"waiting","ttl_seconds":850})"}, {10})).verdict, Verdict::Fail);
}

// Makes sure the history walk passes clean months, WARNs (not FAILs) when the target refuses older history, and FAILs
// a month whose data is broken. Example failure: history_gap (a gap 100 days back) passing ES-025.
TEST(EspiQueryChecks, HistoryCoverage)
{
    Observation o;
    o.facts = {{"espi.history_pages", "2"}, {"espi.history.2.from", "2025-01-01T00:00:00Z"},
        {"espi.history.2.to", "2025-01-31T00:00:00Z"}};
    o.steps["espi.history.1"] = atom(feed({{1, day(0)}}));
    o.steps["espi.history.2"] = atom(R"(<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:f</id></feed>)");
    EXPECT_EQ(run("ES-025", o).verdict, Verdict::Pass);
    o.steps["espi.history.2"] = canned::answer(403, "");
    const Outcome refused = run("ES-025", o);
    EXPECT_EQ(refused.verdict, Verdict::Warn);
    EXPECT_NE(refused.message.find("2025-01-31T00:00:00Z"), std::string::npos);
    o.steps["espi.history.2"] = atom("<feed><entry></feed>");
    EXPECT_EQ(run("ES-025", o).verdict, Verdict::Fail);
    o.gates["history"] = "the Batch/Subscription feed holds no IntervalBlock feed to walk";
    EXPECT_EQ(run("ES-025", o).verdict, Verdict::Skip);
}

// Makes sure a walk stopped by the seam cap (the run's later variants) passes and says that the whole history is
// walked by the run's first authorized variant. Example failure: the message claiming the last page came back empty.
TEST(EspiQueryChecks, HistorySeamWalkSaysWhatItCovered)
{
    Observation o;
    o.facts = {{"espi.history_pages", "2"}, {"espi.history_cap", "2"}, {"espi.history_scope", "seam"},
        {"espi.history.2.from", "2025-01-01T00:00:00Z"}, {"espi.history.2.to", "2025-01-31T00:00:00Z"}};
    o.steps["espi.history.1"] = atom(feed({{1, day(0)}}));
    o.steps["espi.history.2"] = atom(feed({{2, day(1)}}));
    const Outcome seam = run("ES-025", o);
    EXPECT_EQ(seam.verdict, Verdict::Pass) << seam.message;
    EXPECT_NE(seam.message.find("cap of 2 pages reached: the whole history is walked by the run's first authorized variant"),
        std::string::npos) << seam.message;
    o.facts["espi.history_scope"] = "whole";
    EXPECT_EQ(run("ES-025", o).message.find("first variant"), std::string::npos);
}

namespace {

// IntervalBlock entries of feed http://dc.example/r/MR/1/IntervalBlock, one per (start, duration).
HttpExchange blocks(std::initializer_list<std::pair<long, long>> spans, const std::string& url)
{
    std::string xml = R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="http://naesb.org/espi"><id>urn:uuid:f</id>)";
    for (const auto& [start, duration] : spans)
        xml += "<entry><id>urn:uuid:b" + std::to_string(start) + "</id><link rel=\"up\" href=\"http://dc.example/r/MR/1/IntervalBlock\"/>"
               "<content><espi:IntervalBlock><espi:interval><espi:duration>" + std::to_string(duration) +
               "</espi:duration><espi:start>" + std::to_string(start) + "</espi:start></espi:interval></espi:IntervalBlock>"
               "</content></entry>";
    HttpExchange e = atom(xml + "</feed>");
    e.url = url;
    return e;
}

} // namespace

// Makes sure blocks of one MeterReading must meet across the window and the history pages (DST days of 23 h are
// fine when the next block starts at their end). Example failure: missing_block (a day left out) passing ES-026.
TEST(EspiQueryChecks, ReadingsContiguousAcrossDocuments)
{
    const std::string page = "http://dc.example/r/MR/1/IntervalBlock?published-min=x&published-max=y";
    Observation o;
    o.facts["espi.history_pages"] = "2";
    o.steps["espi.batch"] = blocks({{172800, 86400}, {259200, 82800}, {342000, 86400}}, "http://dc.example/batch");
    o.steps["espi.history.1"] = blocks({{86400, 86400}, {172800, 86400}}, page); // overlaps the window: same block
    o.steps["espi.history.2"] = blocks({}, page);
    EXPECT_EQ(run("ES-026", o).verdict, Verdict::Pass);
    o.steps["espi.history.1"] = blocks({{0, 86400}}, page); // the day [86400, 172800) is lost between documents
    const Outcome gap = run("ES-026", o);
    EXPECT_EQ(gap.verdict, Verdict::Fail);
    EXPECT_NE(gap.actual.find("a gap of 86400 s"), std::string::npos);
    o.steps["espi.history.1"] = blocks({{90000, 86400}}, page); // overlaps the window's first block by an hour
    EXPECT_EQ(run("ES-026", o).verdict, Verdict::Fail);
}

// Makes sure a code redeemed by another client must get invalid_grant, and the check SKIPs without a second client.
// Example failure: a DC that only checks the code, not whom it was issued to, passing TK-026.
TEST(TokenChecks, CodeRefusedToAnotherClient)
{
    Observation o;
    o.steps["token.cross_client"] = json(400, R"({"error":"invalid_grant"})");
    EXPECT_EQ(run("TK-026", o).verdict, Verdict::Pass);
    o.steps["token.cross_client"] = json(200, R"({"access_token":"A","token_type":"Bearer"})");
    EXPECT_EQ(run("TK-026", o).verdict, Verdict::Fail);
    o.gates["second_client"] = "no oauth.secondClient";
    const Outcome skip = run("TK-026", o);
    EXPECT_EQ(skip.verdict, Verdict::Skip);
    EXPECT_NE(skip.message.find("secondClient"), std::string::npos);
}

namespace {

HttpExchange ltp(const std::string& tzOffset)
{
    return atom(R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="http://naesb.org/espi"><id>urn:uuid:f</id>)"
                R"(<entry><id>urn:uuid:l1</id><link rel="self" href="http://dc.example/r/LocalTimeParameters/1"/><content>)"
                R"(<espi:LocalTimeParameters><espi:dstOffset>3600</espi:dstOffset><espi:tzOffset>)" + tzOffset +
                R"(</espi:tzOffset></espi:LocalTimeParameters></content></entry></feed>)");
}

} // namespace

// Makes sure one LocalTimeParameters must read the same in every document. Example failure: ltp_differs_outside_batch
// (tzOffset an hour off in the Subscription feed) passing ES-027.
TEST(EspiQueryChecks, LocalTimeParametersAcrossDocuments)
{
    Observation o;
    o.steps["espi.batch"] = ltp("-18000");
    o.steps["espi.resource"] = ltp("-18000");
    EXPECT_EQ(run("ES-027", o).verdict, Verdict::Pass);
    o.steps["espi.resource"] = ltp("-14400");
    const Outcome f = run("ES-027", o);
    EXPECT_EQ(f.verdict, Verdict::Fail);
    EXPECT_NE(f.actual.find("tzOffset=-14400"), std::string::npos);
    EXPECT_EQ(run("ES-027", Observation{}).verdict, Verdict::Skip);
}

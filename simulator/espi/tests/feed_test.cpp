// Semantic tests of served feeds: link graph closes, same bytes per seed, QRY001 filtering, paging, DST blocks,
// scaling, and the espi-data / espi-query defects.
#include <gtest/gtest.h>

#include <deque>
#include <set>

#include "espi_test_util.h"
#include "usage_model.h"

namespace gbc {
namespace {

using namespace gbc::testing;

class EspiFeeds : public ::testing::Test {
protected:
    void SetUp() override
    {
        res = w.grant("800", "DEMOUTILITY", "demoutility-residential");
        com = w.grant("801", "DEMOUTILITY", "demoutility-commercial");
        w.token("cust-a", TokenClass::CustomerAccess, res);
        w.token("cust-b", TokenClass::CustomerAccess, com);
        w.token("client-d", TokenClass::ClientAccess, res);
    }
    // The parsed answer; documents live as long as the fixture, so nodes taken from them stay valid.
    const pugi::xml_document& get(const std::string& path, const std::string& token = "cust-a")
    {
        const HttpAnswer a = call(w, path, token);
        EXPECT_EQ(a.status, 200) << path << ": " << a.body;
        EXPECT_EQ(a.contentType, "application/atom+xml");
        docs.push_back(parse(a));
        return docs.back();
    }

    World w;
    AuthorizationRecord res, com;
    std::deque<pugi::xml_document> docs;
};

const std::string kBlocks = "Subscription/800/UsagePoint/80002/MeterReading/80002_kwh_900/IntervalBlock";

// Makes sure every self and related link of a Batch feed resolves on the router to an entry with the same atom id,
// and the espi.md link-graph rules hold (one LocalTimeParameters per UsagePoint, ReadingType per MeterReading,
// IntervalBlock up = MeterReading related). Example failure: a related href to a path the router does not serve.
TEST_F(EspiFeeds, LinkGraphCloses)
{
    for (const auto& [sub, token] : {std::pair{"800", "cust-a"}, std::pair{"801", "cust-b"}}) {
        w.directory.records[sub].historyLengthSeconds = 40 * 86400;
        std::map<std::string, std::string> selfToId, selfToType;
        std::vector<pugi::xml_node> entries;
        const pugi::xml_document& usage = get(std::string("Batch/Subscription/") + sub, token);
        const pugi::xml_document& customer = get(std::string("Batch/RetailCustomer/") + sub, token);
        for (const auto* doc : {&usage, &customer})
            for (const pugi::xml_node& e : entriesOf(*doc)) {
                entries.push_back(e);
                const LinkSet l = linksOf(e);
                ASSERT_EQ(l.self.size(), 1u);
                ASSERT_EQ(l.up.size(), 1u);
                EXPECT_EQ(l.self[0].rfind(l.up[0] + "/", 0), 0u) << "self = up + /id: " << l.self[0];
                const bool fresh = selfToId.emplace(l.self[0], e.child_value("id")).second;
                EXPECT_TRUE(fresh || resourceOf(e).name() == std::string("LocalTimeParameters")) << l.self[0];
                selfToType[l.self[0]] = resourceOf(e).name();
            }
        std::set<std::string> ids;
        for (const pugi::xml_node& e : entries) {
            const LinkSet l = linksOf(e);
            for (const std::string& href : l.related) {
                if (href.rfind("https://cert.greenbuttonalliance.org/", 0) == 0)
                    continue;
                ASSERT_FALSE(relativeOf(href).empty()) << "absolute link on our origin: " << href;
                EXPECT_EQ(call(w, relativeOf(href), token).status, 200) << href;
            }
            const std::string type = resourceOf(e).name();
            std::size_t ltp = 0, rt = 0;
            for (const std::string& href : l.related) {
                ltp += selfToType[href] == "LocalTimeParameters";
                rt += selfToType[href] == "ReadingType";
            }
            if (type == "UsagePoint") {
                EXPECT_EQ(ltp, 1u) << l.self[0];
            }
            if (type == "MeterReading") {
                EXPECT_EQ(rt, 1u) << l.self[0];
            }
            if (type == "IntervalBlock" || type == "UsageSummary") {
                EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [&](const pugi::xml_node& other) {
                    const auto rel = linksOf(other).related;
                    return std::find(rel.begin(), rel.end(), l.up[0]) != rel.end();
                })) << "up of " << l.self[0] << " is some entry's related link";
            }
            if (type != "LocalTimeParameters") {
                EXPECT_TRUE(ids.insert(e.child_value("id")).second) << "duplicate atom id";
            }
        }
        for (const auto& [self, id] : selfToId) {
            const pugi::xml_document& one = get(relativeOf(self), token);
            EXPECT_EQ(std::string(one.child("entry").child_value("id")), id) << self;
        }
        EXPECT_GT(entries.size(), 40u);
    }
}

// Makes sure the same seed and clock give byte-identical feeds and another seed other values with the same ids.
// Example failure: a timestamp or hash-map order leaking into the output.
TEST_F(EspiFeeds, SameSeedSameBytes)
{
    const std::string first = call(w, "Batch/Subscription/801", "cust-b").body;
    EXPECT_EQ(call(w, "Batch/Subscription/801", "cust-b").body, first);
    World other;
    other.ctx.seed = 7;
    other.token("cust-b", TokenClass::CustomerAccess, other.grant("801", "DEMOUTILITY", "demoutility-commercial"));
    const std::string second = call(other, "Batch/Subscription/801", "cust-b").body;
    EXPECT_NE(second, first);
    EXPECT_GT(first.size(), 10'000'000u);
    const pugi::xml_document docA = parse(HttpAnswer::make(200, "", first));
    const pugi::xml_document docB = parse(HttpAnswer::make(200, "", second));
    const auto a = entriesOf(docA);
    const auto b = entriesOf(docB);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); i += 97)
        EXPECT_STREQ(a[i].child_value("id"), b[i].child_value("id"));
}

// Makes sure published-min/max select IntervalBlocks by interval time (QRY001: min = 2nd block start,
// max = end of the next-to-last block -> n-2 blocks). Example failure: filtering by atom:published.
TEST_F(EspiFeeds, PublishedFilterByIntervalTime)
{
    const auto all = entriesOf(get(kBlocks));
    const std::size_t n = all.size();
    ASSERT_EQ(n, 396u);
    auto startOf = [](const pugi::xml_node& e) {
        return std::stoll(resourceOf(e).child("interval").child_value("start"));
    };
    auto endOf = [&](const pugi::xml_node& e) {
        return startOf(e) + std::stoll(resourceOf(e).child("interval").child_value("duration"));
    };
    const std::string query = "?published-min=" + formatIso8601(startOf(all[1])) +
                              "&published-max=" + formatIso8601(endOf(all[n - 2]));
    const auto some = entriesOf(get(kBlocks + query));
    ASSERT_EQ(some.size(), n - 2);
    EXPECT_STREQ(some.front().child_value("id"), all[1].child_value("id"));
    EXPECT_EQ(entriesOf(get(kBlocks + "?updated-min=" + formatIso8601(startOf(all[n - 1])))).size(), 1u);
    w.ctx.defects.insert("query_param_ignored");
    EXPECT_EQ(entriesOf(get(kBlocks + query)).size(), n);
}

// Makes sure max-results and start-index page through a feed. Example failure: start-index treated as 0-based.
TEST_F(EspiFeeds, Paging)
{
    const auto all = entriesOf(get("Batch/Subscription/800"));
    const auto page = entriesOf(get("Batch/Subscription/800?start-index=3&max-results=2"));
    ASSERT_EQ(page.size(), 2u);
    EXPECT_STREQ(page[0].child_value("id"), all[2].child_value("id"));
    EXPECT_STREQ(page[1].child_value("id"), all[3].child_value("id"));
    EXPECT_EQ(entriesOf(get("Batch/Subscription/800?depth=4&max-results=9")).size(), 4u);
    EXPECT_EQ(entriesOf(get("Batch/Subscription/800?start-index=100000")).size(), 0u);
}

// Makes sure blocks served as XML have 92/100 readings on DST days, contiguous starts from the block start, and
// values that scale by 10^powerOfTenMultiplier to the model's Wh. Example failure: UTC-day blocks.
TEST_F(EspiFeeds, DstBlocksAndScaling)
{
    const pugi::xml_document& rt = get("ReadingType/800_80002_kwh_900");
    const int p = std::stoi(resourceOf(rt.child("entry")).child_value("powerOfTenMultiplier"));
    const auto plan = planSubscription(w.ctx, res).value();
    for (const auto& [day, count] : {std::pair{"20250309", 92}, std::pair{"20241103", 100}, std::pair{"20250115", 96}}) {
        const pugi::xml_node block = resourceOf(get(kBlocks + "/" + day).child("entry"));
        long long next = std::stoll(block.child("interval").child_value("start"));
        std::vector<long long> values;
        for (const pugi::xml_node& r : block.children("IntervalReading")) {
            EXPECT_EQ(std::stoll(r.child("timePeriod").child_value("start")), next) << day;
            next += std::stoll(r.child("timePeriod").child_value("duration"));
            values.push_back(std::stoll(r.child_value("value")));
        }
        EXPECT_EQ(values.size(), static_cast<std::size_t>(count)) << day;
        const long long start = std::stoll(block.child("interval").child_value("start"));
        const auto model = intervalReadings(plan, *plan.findByIndex(1), start, next);
        ASSERT_EQ(model.size(), values.size());
        double scale = 1;
        for (int i = 0; i > p; --i)
            scale /= 10;
        for (std::size_t i = 0; i < values.size(); ++i)
            EXPECT_DOUBLE_EQ(static_cast<double>(values[i]) * scale, model[i].quantity);
    }
}

// Makes sure the espi-data defects change exactly what they claim. Example failure: a defect flag with no effect.
TEST_F(EspiFeeds, DataDefects)
{
    w.ctx.defects = {"duplicate_atom_id", "interval_gap", "wrong_dst_rule"};
    const auto entries = entriesOf(get("Batch/Subscription/800"));
    std::set<std::string> ids;
    std::size_t duplicates = 0, gaps = 0;
    for (const pugi::xml_node& e : entries) {
        duplicates += !ids.insert(e.child_value("id")).second;
        const pugi::xml_node block = resourceOf(e);
        if (std::string(block.name()) != "IntervalBlock")
            continue;
        long long next = std::stoll(block.child("interval").child_value("start"));
        for (const pugi::xml_node& r : block.children("IntervalReading")) {
            gaps += std::stoll(r.child("timePeriod").child_value("start")) != next;
            next = std::stoll(r.child("timePeriod").child_value("start")) +
                   std::stoll(r.child("timePeriod").child_value("duration"));
        }
    }
    EXPECT_GE(duplicates, 1u);
    EXPECT_EQ(gaps, 3u); // the first block of each of the three MeterReadings
    const pugi::xml_document& ltp = get("LocalTimeParameters/TIMEZONE_800_80002");
    EXPECT_STREQ(resourceOf(ltp.child("entry")).child_value("dstStartRule"), "060E2000");
}

// Makes sure Authorization entries carry the grant (status, scope, Bearer, URIs) and bearer_lowercase bites.
// Example failure: resourceURI not pointing at the subscription.
TEST_F(EspiFeeds, AuthorizationEntries)
{
    const auto feed = entriesOf(get("Authorization", "client-d"));
    ASSERT_EQ(feed.size(), 2u);
    const pugi::xml_node own = resourceOf(get("Authorization/800").child("entry"));
    EXPECT_STREQ(own.child_value("status"), "1");
    EXPECT_STREQ(own.child_value("token_type"), "Bearer");
    EXPECT_EQ(std::string(own.child_value("resourceURI")), std::string(kBase) + "Subscription/800");
    EXPECT_EQ(std::string(own.child_value("customerResourceURI")), std::string(kBase) + "RetailCustomer/800");
    EXPECT_STREQ(own.child_value("scope"), res.scope.c_str());
    w.ctx.defects.insert("bearer_lowercase");
    EXPECT_STREQ(resourceOf(get("Authorization/800").child("entry")).child_value("token_type"), "bearer");
    w.directory.revokeAuthorization("801", w.clock.now());
    bool revokedListed = false;
    for (const pugi::xml_node& e : entriesOf(get("Authorization", "client-d")))
        revokedListed |= std::string(resourceOf(e).child_value("status")) == "0";
    EXPECT_TRUE(revokedListed);
}

// Makes sure only the shared services are served and the history follows the clock to the last local midnight.
// Example failure: an unshared meter reachable by id, or a block for the still-running local day.
TEST_F(EspiFeeds, SharedServicesAndClockWindow)
{
    w.directory.records["800"].sharedServices = {1};
    EXPECT_EQ(entriesOf(get("Subscription/800/UsagePoint")).size(), 1u);
    EXPECT_EQ(call(w, "Subscription/800/UsagePoint/80001", "cust-a").status, 404);
    const auto before = entriesOf(get(kBlocks));
    EXPECT_EQ(linksOf(before.back()).self[0].substr(linksOf(before.back()).self[0].size() - 8), "20250614");
    w.clock.advance(86400);
    const auto after = entriesOf(get(kBlocks));
    EXPECT_EQ(linksOf(after.back()).self[0].substr(linksOf(after.back()).self[0].size() - 8), "20250615");
    EXPECT_EQ(after.size(), before.size()); // 13 months: one day in, one day out
}

} // namespace
} // namespace gbc

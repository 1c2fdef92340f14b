// Unit tests for merging shard reports: disjoint union, duplicate and mismatch refusal, stale-entry resolution.
#include <gtest/gtest.h>

#include "report_merge.h"
#include "sample_report.h"

using namespace gbc;

namespace {

// Splits the sample report into two shards by variant.
std::pair<Report, Report> shards()
{
    const Report all = fixture::sampleReport();
    Report a = all, b = all;
    const auto keep = [](Report& r, const std::string& variant) {
        std::erase_if(r.variants, [&](const VariantInfo& v) { return v.id != variant; });
        std::erase_if(r.results, [&](const CheckResult& c) { return c.variant != variant; });
        std::erase_if(r.exchanges, [&](const HttpExchange& e) { return e.variant != variant; });
        std::erase_if(r.series, [&](const Series& s) { return s.variant != variant; });
    };
    keep(a, "ESSEX/lastbill/residential");
    keep(b, "EPE/sso/commercial");
    return {a, b};
}

} // namespace

// Makes sure two shards merge into the whole, in canonical order.
// Example failure: results of the second shard dropped, so CI reports fewer checks than ran.
TEST(ReportMerge, DisjointShardsGiveTheWhole)
{
    auto [a, b] = shards();
    Result<Report> m = mergeReports({a, b});
    ASSERT_TRUE(m.ok()) << m.error().describe();
    Report whole = fixture::sampleReport();
    normalize(whole);
    EXPECT_EQ(m->results.size(), whole.results.size());
    EXPECT_EQ(m->variants.size(), 2u);
    EXPECT_EQ(m->exchanges.size(), whole.exchanges.size());
    EXPECT_EQ(m->run.command, "merge");
    EXPECT_EQ(summarize(m.value()).exitCode, summarize(whole).exitCode);
    for (std::size_t i = 0; i < whole.results.size(); ++i)
        EXPECT_EQ(m->results[i].checkId + m->results[i].variant, whole.results[i].checkId + whole.results[i].variant);
}

// Makes sure overlapping shards, different plans and an empty input list are refused.
// Example failure: a variant counted twice because two CI jobs ran the same shard.
TEST(ReportMerge, RefusesOverlapAndMismatch)
{
    auto [a, b] = shards();
    Result<Report> dup = mergeReports({a, a});
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, "merge.duplicate");
    b.run.plan = "espi";
    EXPECT_EQ(mergeReports({a, b}).error().code, "merge.plan");
    EXPECT_FALSE(mergeReports({}).ok());
}

// Makes sure an entry stale in one shard is not stale when another shard's failure used it.
// Example failure: a sharded CI run reporting a live allowlist entry as stale.
TEST(ReportMerge, StaleOnlyWhenNoShardUsedTheEntry)
{
    auto [a, b] = shards();
    for (CheckResult& r : a.results)
        if (r.verdict == Verdict::Fail)
            r.allowedBy = "known";
    b.stale.push_back({"TK-005", "*", "known"});
    b.stale.push_back({"AZ-001", "*", "old"});
    Result<Report> m = mergeReports({a, b});
    ASSERT_TRUE(m.ok());
    ASSERT_EQ(m->stale.size(), 1u);
    EXPECT_EQ(m->stale[0].check, "AZ-001");
}

// Makes sure several results of one check x variant inside one input (validate: one per located finding) are kept
// in their order, while the same check x variant in a second input is still refused.
// Example failure: merge refusing every validate report whose file breaks one check twice.
TEST(ReportMerge, KeepsRepeatedResultsOfOneInput)
{
    auto [a, b] = shards();
    ASSERT_FALSE(a.results.empty());
    CheckResult second = a.results.front();
    second.location = "file.xml:9:1 /feed/entry[2]";
    a.results.insert(a.results.begin() + 1, second);
    Result<Report> m = mergeReports({a, b});
    ASSERT_TRUE(m.ok()) << m.error().describe();
    EXPECT_EQ(m->results.size(), a.results.size() + b.results.size());
    std::vector<std::string> locations;
    for (const CheckResult& c : m->results)
        if (c.checkId == second.checkId && c.variant == second.variant)
            locations.push_back(c.location);
    EXPECT_EQ(locations, (std::vector<std::string>{a.results.front().location, second.location}));
    Report again = b;
    again.results.push_back(second);
    EXPECT_EQ(mergeReports({a, again}).error().code, "merge.duplicate");
}

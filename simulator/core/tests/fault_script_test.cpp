// Unit tests of fault scripts: reading (located errors), glob matching, and the seeded book's decisions per kind.
#include "fault_script.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace gbc;

namespace {

FaultScript script(const std::string& text)
{
    auto s = readFaultScript(nlohmann::json::parse(text), "f.json");
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().describe());
    return s.ok() ? s.value() : FaultScript{};
}

Error scriptError(const std::string& text)
{
    auto s = readFaultScript(nlohmann::json::parse(text), "f.json");
    EXPECT_FALSE(s.ok());
    return s.ok() ? Error{} : s.error();
}

} // namespace

// Makes sure every kind reads with its fields and a bad value names its JSON pointer.
// Example failure: an unknown kind accepted as "status", or the error located at the script root.
TEST(FaultScript, ReadsKindsAndLocatesErrors)
{
    const FaultScript s = script(R"({"seed": 9, "faults": [
        {"kind": "latency", "ms": 5}, {"kind": "latency", "median": 2, "p99": 8},
        {"kind": "status", "status": 429, "retryAfter": 3, "body": "{}"}, {"kind": "reset"},
        {"kind": "truncate", "bytes": 10}, {"kind": "stall", "seconds": 0.5, "count": 2, "probability": 0.25}]})");
    ASSERT_EQ(s.rules.size(), 6u);
    EXPECT_EQ(s.seed, 9u);
    EXPECT_EQ(s.rules[0].fixedMs, 5);
    EXPECT_DOUBLE_EQ(s.rules[1].p99Ms, 8);
    EXPECT_EQ(s.rules[2].retryAfterSeconds, 3);
    EXPECT_EQ(s.rules[4].bytes, 10u);
    EXPECT_EQ(s.rules[5].stallMs, 500);
    EXPECT_EQ(s.rules[5].count, 2);
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "latency", "ms": 1}, {"kind": "explode"}]})").where, "f.json:/faults/1/kind");
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "explode"}]})").code, "faults.unknown_kind");
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "status", "status": 200}]})").where, "f.json:/faults/0/status");
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "stall", "seconds": 3600}]})").where, "f.json:/faults/0/seconds");
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "latency", "median": 5, "p99": 2}]})").where, "f.json:/faults/0/p99");
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "reset", "colour": "red"}]})").where, "f.json:/faults/0/colour");
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "reset", "probability": 2}]})").where, "f.json:/faults/0/probability");
    EXPECT_EQ(scriptError(R"({"faults": [{"kind": "reset", "direction": "outbound", "client": "a"}]})").where,
              "f.json:/faults/0/client");
    EXPECT_EQ(scriptError(R"({"fault": []})").where, "f.json:/fault");
}

// Makes sure '*' spans slashes, '?' is one character, and the rest is literal.
// Example failure: "/api/*" not matching "/api/v2/meters".
TEST(FaultScript, GlobMatches)
{
    EXPECT_TRUE(globMatches("/api/*", "/api/v2/meters"));
    EXPECT_TRUE(globMatches("*", "/"));
    EXPECT_TRUE(globMatches("/DataCustodian/*/oauth/token", "/DataCustodian/essex/oauth/token"));
    EXPECT_TRUE(globMatches("/a?c", "/abc"));
    EXPECT_FALSE(globMatches("/a?c", "/abbc"));
    EXPECT_FALSE(globMatches("/api/*", "/apix"));
    EXPECT_FALSE(globMatches("/DataCustodian/*/oauth/token", "/DataCustodian/essex/oauth/revoke"));
}

// Makes sure a rule matches by method, path and client only, and each direction sees only its own rules.
// Example failure: a client-scoped rule hitting another client's request.
TEST(FaultScript, MatchesMethodPathClientDirection)
{
    FaultBook book;
    book.set(script(R"({"faults": [{"kind": "status", "status": 503, "method": "POST", "path": "/oauth/*", "client": "app"},
                                   {"kind": "reset", "direction": "outbound", "path": "/hook"}]})"));
    EXPECT_TRUE(book.plan("POST", "/oauth/token", "app", false).terminal);
    EXPECT_FALSE(book.plan("GET", "/oauth/token", "app", false).terminal);
    EXPECT_FALSE(book.plan("POST", "/oauth/token", "other", false).terminal);
    EXPECT_FALSE(book.plan("POST", "/api/v2", "app", false).terminal);
    EXPECT_FALSE(book.plan("POST", "/hook", "", false).terminal);
    ASSERT_TRUE(book.plan("POST", "/hook", "", true).terminal);
    EXPECT_EQ(book.plan("POST", "/hook", "", true).terminal->kind, FaultKind::Reset);
}

// Makes sure `count` hits exactly that many requests and latencies add up before one terminal fault.
// Example failure: a count of 2 hitting a third request.
TEST(FaultScript, CountAndStacking)
{
    FaultBook book;
    book.set(script(R"({"faults": [{"kind": "latency", "ms": 3}, {"kind": "latency", "ms": 4, "count": 1},
                                   {"kind": "truncate", "bytes": 1, "count": 2}, {"kind": "reset"}]})"));
    FaultPlan first = book.plan("GET", "/", "", false);
    EXPECT_EQ(first.delayMs, 7);
    ASSERT_TRUE(first.terminal);
    EXPECT_EQ(first.terminal->kind, FaultKind::Truncate);
    EXPECT_EQ(book.plan("GET", "/", "", false).terminal->kind, FaultKind::Truncate);
    FaultPlan third = book.plan("GET", "/", "", false);
    EXPECT_EQ(third.delayMs, 3);
    EXPECT_EQ(third.terminal->kind, FaultKind::Reset);
    EXPECT_EQ(book.script().rules[2].count, 0);
    EXPECT_EQ(book.script().rules[2].hits, 2);
}

// Makes sure probability with a seed gives the same hit pattern again, different seeds different ones, and the
// hit rate is near the probability. Example failure: std::random_device used, so reruns differ.
TEST(FaultScript, ProbabilityIsSeeded)
{
    auto pattern = [](std::uint64_t seed) {
        FaultBook book;
        FaultScript s = script(R"({"faults": [{"kind": "status", "status": 500, "probability": 0.3}]})");
        s.seed = seed;
        book.set(s);
        std::string out;
        for (int i = 0; i < 1000; ++i)
            out += book.plan("GET", "/", "", false).terminal ? 'x' : '.';
        return out;
    };
    const std::string a = pattern(7);
    EXPECT_EQ(a, pattern(7));
    EXPECT_NE(a, pattern(8));
    const auto hits = std::count(a.begin(), a.end(), 'x');
    EXPECT_GT(hits, 240);
    EXPECT_LT(hits, 360);
}

// Makes sure the lognormal latency has the asked median and 99th percentile (within sampling tolerance).
// Example failure: sigma computed from p99/median instead of its logarithm, giving a p99 far above 40.
TEST(FaultScript, LognormalLatencyDistribution)
{
    FaultBook book;
    book.set(script(R"({"seed": 3, "faults": [{"kind": "latency", "median": 10, "p99": 40}]})"));
    std::vector<int> ms;
    for (int i = 0; i < 20000; ++i)
        ms.push_back(book.plan("GET", "/", "", false).delayMs);
    std::sort(ms.begin(), ms.end());
    EXPECT_NEAR(ms[ms.size() / 2], 10, 1);
    EXPECT_NEAR(ms[ms.size() * 99 / 100], 40, 5);
    EXPECT_GE(ms.front(), 0);
}

// Makes sure the fault script example in README.md ("Integrator mode") is a valid script with its eight rules.
// Example failure: the README documenting a key ("retry_after") the reader rejects.
TEST(FaultScript, ReadmeExampleIsValid)
{
    const char* root = std::getenv("GBC_SOURCE_ROOT");
    ASSERT_NE(root, nullptr) << "meson sets GBC_SOURCE_ROOT";
    std::stringstream text;
    text << std::ifstream(std::string(root) + "/README.md").rdbuf();
    const std::string readme = text.str();
    const std::size_t start = readme.find("{\"seed\": 42, \"faults\": [");
    ASSERT_NE(start, std::string::npos);
    const std::string example = readme.substr(start, readme.find("\n```", start) - start);
    const FaultScript s = script(example);
    EXPECT_EQ(s.rules.size(), 8u);
    EXPECT_EQ(s.seed, 42u);
    EXPECT_TRUE(s.rules.back().outbound);
}

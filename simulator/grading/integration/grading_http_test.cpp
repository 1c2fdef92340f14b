// Client grading over real HTTP: a well-behaved scripted app graded without FAIL, one slip at a time graded
// non-PASS on exactly its check; the journal verification API; `gbc-sim grade` exit codes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include <sys/wait.h>
#include <unistd.h>

#include "catalogue_loader.h"
#include "journal_observer.h"
#include "json_report.h"
#include "scripted_app.h"
#include "sim_server.h"

namespace gbc::gradetest {
namespace {

class SimFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        SimServerOptions o;
        o.catalogue = std::make_shared<const Catalogue>(builtinCatalogue().value());
        clock_ = std::make_shared<FixedClock>(1750000000);
        o.clock = clock_;
        o.variations = {Variation::RotatingRefreshTokens, Variation::CollectionDelay};
        server_ = std::make_unique<SimServer>(o);
        ASSERT_TRUE(server_->start("127.0.0.1", 0).ok());
        http_ = std::make_unique<httplib::Client>(server_->baseUrl());
    }
    void TearDown() override { server_->stop(); }

    Report grade()
    {
        const auto r = http_->Get(std::string("/__sim/clients/") + kClient + "/grade");
        EXPECT_TRUE(r && r->status == 200);
        auto report = reportFromJsonText(r ? r->body : "", "grade");
        EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().describe());
        return report.ok() ? *report : Report{};
    }

    // One line per journal entry, for failure messages.
    std::string journal()
    {
        const auto r = http_->Get(std::string("/__sim/clients/") + kClient + "/journal?limit=1000");
        std::string out;
        for (const auto& e : nlohmann::json::parse(r ? r->body : "{}", nullptr, false).value("entries", nlohmann::json::array()))
            out += "#" + e["seq"].dump() + " " + e["kind"].get<std::string>() + " " + e["method"].get<std::string>() + " " +
                   e["path"].get<std::string>() + "?" + e["query"].get<std::string>() + " -> " + e["status"].dump() + " t=" +
                   e["simTime"].dump() + " " + e["facts"].dump() + "\n";
        return out;
    }

    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<SimServer> server_;
    std::unique_ptr<httplib::Client> http_;
};

class GradingHttp : public SimFixture, public ::testing::WithParamInterface<std::pair<Slip, std::set<std::string>>> {};

std::string describe(const Report& r)
{
    std::string out;
    for (const CheckResult& c : r.results)
        out += c.checkId + " " + toString(c.verdict) + ": " + c.message + "\n";
    return out;
}

TEST_P(GradingHttp, GradedNonPassOnExactlyItsChecks)
{
    const auto& [slip, expected] = GetParam();
    ScriptedApp(server_->baseUrl(), *clock_, slip).run();
    const Report report = grade();
    std::set<std::string> flagged;
    int passed = 0;
    for (const CheckResult& c : report.results) {
        if (c.verdict == Verdict::Fail || c.verdict == Verdict::Warn || c.verdict == Verdict::Error)
            flagged.insert(c.checkId);
        passed += c.verdict == Verdict::Pass;
    }
    EXPECT_EQ(flagged, expected) << toString(slip) << "\n" << describe(report) << journal();
    if (slip == Slip::None) {
        EXPECT_EQ(passed, static_cast<int>(report.results.size())) << "the well-behaved app exercises every check\n"
                                                                     << describe(report);
    }
}

using S = std::set<std::string>;
INSTANTIATE_TEST_SUITE_P(Slips, GradingHttp, ::testing::Values(
    std::make_pair(Slip::None, S{}),
    std::make_pair(Slip::NoState, S{"CL-001", "CL-003"}), // no state and no PKCE: PKCE alone would satisfy CL-001
    std::make_pair(Slip::ReuseState, S{"CL-002"}),
    std::make_pair(Slip::PlainPkce, S{"CL-003"}),
    std::make_pair(Slip::ExchangeTwice, S{"CL-004"}),
    std::make_pair(Slip::LateExchange, S{"CL-005"}),
    std::make_pair(Slip::OtherRedirect, S{"CL-006"}),
    std::make_pair(Slip::BothAuth, S{"CL-007"}),
    std::make_pair(Slip::RefreshEachRequest, S{"CL-008"}),
    std::make_pair(Slip::ReuseOldRefresh, S{"CL-009"}),
    std::make_pair(Slip::ReuseRefused, S{"CL-010"}),
    std::make_pair(Slip::IgnoreRetryAfter, S{"CL-011"}),
    std::make_pair(Slip::NoBackoff, S{"CL-012"}),
    std::make_pair(Slip::OdrInsideTtl, S{"CL-013"}),
    std::make_pair(Slip::OdrFastPoll, S{"CL-014"}),
    std::make_pair(Slip::FullRefetch, S{"CL-015"}),
    std::make_pair(Slip::IgnoreBatchList, S{"CL-016"}),
    std::make_pair(Slip::IgnoreNext, S{"CL-017"}),
    std::make_pair(Slip::EarlyIntervals, S{"CL-018"}),
    std::make_pair(Slip::RejectGoodWebhook, S{"CL-019"}),
    std::make_pair(Slip::AcceptBadWebhook, S{"CL-020"})),
    [](const auto& info) { return std::string(toString(info.param.first)); });

class JournalHttp : public SimFixture {};

TEST_F(JournalHttp, VerificationApiFiltersBoundsAndStartsNewWindows)
{
    ScriptedApp(server_->baseUrl(), *clock_, Slip::None).run();
    const std::string base = std::string("/__sim/clients/") + kClient + "/journal";
    auto r = http_->Get(base + "?method=get&path=/api/EPE/odr&limit=2");
    ASSERT_TRUE(r && r->status == 200);
    const auto j = nlohmann::json::parse(r->body);
    EXPECT_EQ(j["entries"].size(), 2u);
    EXPECT_GT(j["matched"].get<int>(), 2);
    EXPECT_EQ(j["entries"][0]["kind"], "odr");
    EXPECT_EQ(j["cap"]["entries"], 5000);
    EXPECT_EQ(r->body.find("sandbox_secret"), std::string::npos); // credentials never journaled
    EXPECT_EQ(r->body.find("epe_sandbox_api_token_0001"), std::string::npos);
    r = http_->Get(base + "?limit=100000");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(nlohmann::json::parse(r->body)["where"], "limit");
    EXPECT_EQ(http_->Get("/__sim/clients/nobody/journal")->status, 404);
    ASSERT_EQ(http_->Delete(base)->status, 200);
    for (const CheckResult& c : grade().results)
        EXPECT_EQ(c.verdict, Verdict::Skip) << c.checkId << " judged an empty window";
    const auto html = http_->Get(std::string("/__sim/clients/") + kClient + "/grade?format=html");
    EXPECT_NE(html->body.find("CL-001"), std::string::npos);
    EXPECT_NE(http_->Get(std::string("/__sim/clients/") + kClient + "/grade?format=junit")->body.find("<testsuite"), std::string::npos);
}

int runGrade(const std::string& baseUrl, const std::string& dir)
{
    const char* sim = std::getenv("GBC_SIM");
    if (!sim)
        return -1;
    const std::string cmd = std::string(sim) + " grade --url " + baseUrl + " --client " + kClient + " --report-dir " + dir +
                            " --format json,junit,html > /dev/null";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(JournalHttp, GradeCommandWritesTheReportsAndExitsLikeTheRunner)
{
    if (!std::getenv("GBC_SIM"))
        GTEST_SKIP() << "GBC_SIM not set";
    const auto dir = std::filesystem::temp_directory_path() / ("gbc-grade-" + std::to_string(::getpid()));
    ScriptedApp(server_->baseUrl(), *clock_, Slip::None).run();
    EXPECT_EQ(runGrade(server_->baseUrl(), dir.string()), 0);
    EXPECT_TRUE(std::filesystem::exists(dir / "report.json"));
    EXPECT_TRUE(std::filesystem::exists(dir / "junit.xml"));
    EXPECT_TRUE(std::filesystem::exists(dir / "index.html"));
    ScriptedApp(server_->baseUrl(), *clock_, Slip::ExchangeTwice).run();
    EXPECT_EQ(runGrade(server_->baseUrl(), dir.string()), 1);
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace gbc::gradetest

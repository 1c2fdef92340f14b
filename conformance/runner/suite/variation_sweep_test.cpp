// Conformance suite: the full plan against gbc-sim under every legitimate variation gives no FAIL and no ERROR,
// and client secrets with reserved characters authenticate through HTTP Basic and the request body.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "catalogue_loader.h"
#include "catalogue_variations.h"
#include "session.h"
#include "sim_process.h"
#include "tool_runner.h"
#include "transport.h"
#include "url.h"

using namespace gbc::suite;

namespace {

struct VariationGroup {
    std::string name;
    std::vector<std::string> variations;
};

std::vector<VariationGroup> loadGroups()
{
    std::vector<VariationGroup> out;
    const nlohmann::json j = readJson(fixturesDir() + "/variation_sweep.json");
    if (!j.contains("groups"))
        return out;
    for (const auto& g : j["groups"])
        out.push_back({g.value("name", ""), g.value("variations", std::vector<std::string>{})});
    return out;
}

std::string groupName(const ::testing::TestParamInfo<VariationGroup>& info) { return info.param.name; }

// "CHECK variant VERDICT: message" for every FAIL and ERROR of a report.
std::string problems(const nlohmann::json& report)
{
    std::string out;
    for (const auto& r : report.value("results", nlohmann::json::array())) {
        const std::string v = r.value("verdict", "");
        if (v == "FAIL" || v == "ERROR")
            out += r.value("check", "") + " " + r.value("variant", "") + " " + v + ": " + r.value("message", "") + "\n";
    }
    return out;
}

class VariationSweep : public ::testing::TestWithParam<VariationGroup> {};

} // namespace

// Makes sure a Data Custodian showing only behaviours the standards allow is never failed.
// Example failure: with --variation xml_prefix_ns0_ns1, ES-003 FAILs because a check reads element names with
// their prefix; with retry_after_http_date, ES-001 FAILs because Retry-After was read as seconds only.
TEST_P(VariationSweep, FullPlanHasNoFailureOrError)
{
    const VariationGroup& g = GetParam();
    const std::string dir = freshDir("variation-" + g.name);
    std::vector<std::string> args = {"run", "--sim", "--sim-binary", simExe(), "--format", "json", "--report-dir", dir};
    for (const std::string& v : g.variations)
        args.push_back("--sim-arg=--variation=" + v);
    const ToolRun r = runTool(conformanceExe(), args);
    const nlohmann::json report = readJson(dir + "/report.json");
    ASSERT_TRUE(report.contains("summary")) << r.out << r.err;
    EXPECT_EQ(report["summary"]["counts"]["FAIL"], 0) << problems(report);
    EXPECT_EQ(report["summary"]["counts"]["ERROR"], 0) << problems(report);
    EXPECT_GT(report["summary"]["counts"]["PASS"].get<int>(), 1000);
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Simulator, VariationSweep, ::testing::ValuesIn(loadGroups()), groupName);

// Makes sure every variation of the simulator's table is swept, exactly once.
// Example failure: a new variation added to gbc-sim that no sweep group switches on.
TEST(VariationTable, EveryVariationSweptOnce)
{
    const ToolRun r = runTool(simExe(), {"variations"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::set<std::string> listed;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty())
            listed.insert(line.substr(0, line.find_first_of(" \t")));
    std::multiset<std::string> swept;
    for (const VariationGroup& g : loadGroups())
        swept.insert(g.variations.begin(), g.variations.end());
    EXPECT_GE(listed.size(), 10u);
    EXPECT_EQ(listed, std::set<std::string>(swept.begin(), swept.end()));
    for (const std::string& v : listed)
        EXPECT_EQ(swept.count(v), 1u) << v;
}

// Makes sure a client secret with '+ / = : %' and a space authenticates (RFC 6749 §2.3.1): through HTTP Basic with
// id and secret form-urlencoded before Base64, and as client_id/client_secret in the body; and that Basic without
// the encoding is refused (so the test would see a runner that forgot it). Example failure: '+' decoded as a space.
TEST(ReservedCharSecrets, BasicAndBodyAuthentication)
{
    auto sim = gbc::SimProcess::start(simExe(), {"--quiet", "--variation=reserved_char_secrets"});
    ASSERT_TRUE(sim.ok()) << sim.error().describe();
    const gbc::Catalogue catalogue = gbc::withReservedCharSecrets(gbc::builtinCatalogue().value());
    const gbc::Utility& u = catalogue.utilities.front();
    const gbc::Client& c = u.clients.front();
    ASSERT_NE(c.clientSecret.find("+/=:% x"), std::string::npos);
    std::string lower = u.id;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    const std::string tokenUrl = (*sim)->url() + "/DataCustodian/" + lower + "/oauth/token";
    auto transport = gbc::makeHttpTransport(gbc::TransportOptions{});
    const gbc::Params grant = {{"grant_type", "client_credentials"}};
    auto post = [&](const gbc::Params& form, const std::string& basic) {
        gbc::HeaderList headers;
        if (!basic.empty())
            headers.emplace_back("Authorization", "Basic " + basic);
        return transport->send({"POST", tokenUrl, headers, gbc::formEncode(form), "application/x-www-form-urlencoded"});
    };
    const gbc::HttpExchange basic = post(grant, gbc::basicCredentials(c.clientId, c.clientSecret));
    EXPECT_EQ(basic.status, 200) << basic.responseBody;
    gbc::Params body = grant;
    body.emplace_back("client_id", c.clientId);
    body.emplace_back("client_secret", c.clientSecret);
    const gbc::HttpExchange inBody = post(body, "");
    EXPECT_EQ(inBody.status, 200) << inBody.responseBody;
    const gbc::HttpExchange raw = post(grant, gbc::base64(c.clientId + ":" + c.clientSecret));
    EXPECT_NE(raw.status, 200) << "Basic without form-urlencoding must not match the secret";
}

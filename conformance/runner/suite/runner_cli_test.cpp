// End-to-end tests of run/matrix/merge against a real gbc-sim: determinism, usage errors, target files,
// expected failures, shards + merge, CI matrix, and 202/Retry-After handling.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <httplib.h>
#include <pugixml.hpp>

#include "sim_process.h"
#include "tool_runner.h"

using namespace gbc::suite;

namespace {

std::vector<std::string> simRun(const std::string& utility, const std::string& dir, std::vector<std::string> more = {})
{
    std::vector<std::string> args = {"run", "--sim", utility, "--sim-binary", simExe(), "--format", "json", "--report-dir", dir};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

void writeFile(const std::string& path, const std::string& text)
{
    std::ofstream(path) << text;
}

nlohmann::json withoutTiming(nlohmann::json j)
{
    j.erase("timing");
    return j;
}

} // namespace

// Makes sure two runs with the simulator's fixed clock and seed give identical JSON apart from "timing".
// Example failure: a port number, random state or session handle leaking into the evidence.
TEST(RunnerCli, TwoRunsAreIdenticalApartFromTiming)
{
    // EPE has ODR; DEMOUTILITY's lookups show a fresh one-time code on every login page.
    for (const auto& [utility, variants] : {std::pair<std::string, std::string>{"EPE", "*"}, {"DEMOUTILITY", "*/residential"}}) {
        const std::string a = freshDir("det-a-" + utility), b = freshDir("det-b-" + utility);
        ASSERT_EQ(runTool(conformanceExe(), simRun(utility, a, {"--variant", variants})).exitCode, 0);
        ASSERT_EQ(runTool(conformanceExe(), simRun(utility, b, {"--variant", variants})).exitCode, 0);
        const nlohmann::json ja = readJson(a + "/report.json"), jb = readJson(b + "/report.json");
        ASSERT_TRUE(ja.contains("timing"));
        EXPECT_NE(ja["timing"]["endpoints"], jb["timing"]["endpoints"]) << utility; // the ports did differ
        EXPECT_TRUE(withoutTiming(ja) == withoutTiming(jb)) << utility;
    }
}

// Makes sure bad usage exits 2 with a message naming the problem, and never runs anything.
// Example failure: a misspelled --filtr silently ignored, running the whole plan.
TEST(RunnerCli, BadUsageExitsTwo)
{
    const std::vector<std::vector<std::string>> cases = {{"run"}, {"run", "--sim", "--target", "x.json"},
        {"run", "--sim", "--plan", "nope"}, {"run", "--sim", "--filtr", "TK-*"}, {"run", "--sim", "--shard", "3/2"},
        {"run", "--sim", "--format", "json,pdf"}, {"run", "--sim", "NOPE", "--sim-binary", simExe()},
        {"run", "--target", "/no/such/target.json"}, {"matrix", "--emit", "jenkins"}, {"merge"}};
    for (const auto& args : cases) {
        const ToolRun r = runTool(conformanceExe(), args);
        EXPECT_EQ(r.exitCode, 2) << args[1] << " " << (args.size() > 2 ? args[2] : "");
        EXPECT_FALSE(r.err.empty());
    }
    const std::string bad = freshDir("badtarget") + "/t.json";
    writeFile(bad, R"({"name": "x", "oauth": {"tokenUri": "http://h/t"}})");
    const ToolRun r = runTool(conformanceExe(), {"run", "--target", bad});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(bad + ":/oauth/tokenUri"), std::string::npos) << r.err;
}

// Makes sure a hand-written target file drives a real login form (ESSEX latest bill) end to end.
// Example failure: the login script engine missing a hidden field, so the flow never reaches consent.
TEST(RunnerCli, TargetFileDrivesTheLoginForm)
{
    auto sim = gbc::SimProcess::start(simExe(), {"--quiet"});
    ASSERT_TRUE(sim.ok()) << sim.error().describe();
    const std::string s = sim.value()->url(), dir = freshDir("target"), file = dir + "/target.json";
    writeFile(file, R"({"name": "essex by hand",
      "oauth": {"authorizeUrl": ")" + s + R"(/DataCustodian/essex/oauth/authorize", "tokenUrl": ")" + s +
        R"(/DataCustodian/essex/oauth/token", "clientId": "ESSEX_ccccccccc", "clientSecret": "sandbox_secret",
        "scope": "FB=1_4_5_15;AdditionalScope=auth-lastbill"},
      "espi": {"resourceBase": ")" + s + R"(/DataCustodian/espi/1_1/resource"},
      "login": [{"open": "authorize"}, {"fill": {"account_number": "${acct}", "bill_amount": "100.0", "bill_date": "2023-07-01"}},
                {"submit": {}}, {"choose": {"decision": "${decision}"}}],
      "variants": [{"id": "res", "vars": {"acct": "111111111-1"}},
                   {"id": "bad", "expect": "no_code", "vars": {"acct": "333333333-3"}}]})");
    const ToolRun r = runTool(conformanceExe(), {"run", "--target", file, "--plan", "oauth", "--format", "json", "--report-dir", dir});
    const nlohmann::json report = readJson(dir + "/report.json");
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(verdictOf(report, "AZ-001", "res"), "PASS");
    EXPECT_EQ(verdictOf(report, "TK-001", "res"), "PASS");
    EXPECT_EQ(verdictOf(report, "AZ-010", "bad"), "PASS");
    EXPECT_EQ(verdictOf(report, "TK-015", "res"), "SKIP"); // no clock control in this target file
    EXPECT_EQ(verdictOf(report, "ES-001", "res"), "");     // not in the oauth plan
}

// Makes sure allow-listed failures stop failing the run, and entries that no longer fail are reported as stale.
// Example failure: a fixed bug's allowlist entry lingering forever unnoticed.
TEST(RunnerCli, ExpectedFailuresAndStaleEntries)
{
    const std::string dir = freshDir("expected"), allow = dir + "/allow.json", stale = dir + "/stale.json";
    writeFile(allow, R"({"expectedFailures": [{"check": "TK-005", "variant": "ESSEX/*", "reason": "known: codes reusable"}]})");
    writeFile(stale, R"({"expectedFailures": [{"check": "TK-005", "reason": "known"}, {"check": "AZ-001", "reason": "was broken"}]})");
    const std::vector<std::string> defect = {"--variant", "ESSEX/test/residential", "--sim-arg=--defect=code_reusable"};
    std::vector<std::string> args = simRun("ESSEX", dir + "/a", defect);
    args.insert(args.end(), {"--expected-failures", allow});
    ToolRun r = runTool(conformanceExe(), args);
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    nlohmann::json report = readJson(dir + "/a/report.json");
    EXPECT_EQ(report["summary"]["expectedFailures"], 1);
    args = simRun("ESSEX", dir + "/b", defect);
    args.insert(args.end(), {"--expected-failures", stale, "--format", "console,json"});
    r = runTool(conformanceExe(), args);
    EXPECT_EQ(r.exitCode, 1);
    report = readJson(dir + "/b/report.json");
    ASSERT_EQ(report["stale"].size(), 1u);
    EXPECT_EQ(report["stale"][0]["check"], "AZ-001");
    EXPECT_NE(r.out.find("STALE expected failure AZ-001"), std::string::npos) << r.out;
}

// Makes sure shards partition the variants and merge puts them back together; overlapping inputs are refused.
// Example failure: a variant run by two CI jobs and counted twice in the merged report.
TEST(RunnerCli, ShardsMergeIntoOneReport)
{
    const std::string dir = freshDir("shards");
    for (const char* shard : {"1/2", "2/2"})
        ASSERT_EQ(runTool(conformanceExe(), simRun("ESSEX", dir + "/s" + shard[0], {"--shard", shard, "--plan", "oauth-authorize"})).exitCode, 0);
    const ToolRun merged = runTool(conformanceExe(), {"merge", "--format", "json,html", "--report-dir", dir + "/m", dir + "/s1", dir + "/s2"});
    EXPECT_EQ(merged.exitCode, 0) << merged.err;
    const nlohmann::json a = readJson(dir + "/s1/report.json"), b = readJson(dir + "/s2/report.json"), m = readJson(dir + "/m/report.json");
    EXPECT_EQ(m["variants"].size(), a["variants"].size() + b["variants"].size());
    EXPECT_EQ(m["results"].size(), a["results"].size() + b["results"].size());
    EXPECT_EQ(m["variants"].size(), 6u);
    EXPECT_TRUE(std::filesystem::exists(dir + "/m/index.html"));
    EXPECT_EQ(runTool(conformanceExe(), {"merge", "--report-dir", dir + "/x", dir + "/s1", dir + "/s1"}).exitCode, 2);
}

// Makes sure the CI matrix lists one entry per variant (or per shard) in each dialect.
// Example failure: the GitHub matrix JSON not parseable by fromJSON.
TEST(RunnerCli, MatrixForCi)
{
    ToolRun r = runTool(conformanceExe(), {"matrix", "--emit", "github", "--sim", "ESSEX"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json gh = nlohmann::json::parse(r.out);
    ASSERT_EQ(gh["include"].size(), 6u);
    EXPECT_EQ(gh["include"][0]["utility"], "ESSEX");
    r = runTool(conformanceExe(), {"matrix", "--emit", "gitlab", "--shards", "3"});
    EXPECT_NE(r.out.find("parallel:\n  matrix:\n    - SHARD: \"1/3\""), std::string::npos) << r.out;
    r = runTool(conformanceExe(), {"matrix", "--emit", "json"});
    EXPECT_GE(nlohmann::json::parse(r.out).size(), 30u);
}

// Makes sure a 202 + Retry-After batch is retried after the announced time (simulator clock moved, no sleeping).
// Example failure: the runner treating 202 as data, or hammering the server without waiting.
TEST(RunnerCli, RetryAfterIsHonoured)
{
    const std::string dir = freshDir("slow"), scenarios = dir + "/scenarios";
    std::filesystem::copy(std::string(std::getenv("GBC_SCENARIOS_DIR")), scenarios, std::filesystem::copy_options::recursive);
    std::ifstream in(scenarios + "/utilities/essex.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const std::string from = "\"scenario\": \"residential\"";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), "\"scenario\": \"residential_slow_collection\"");
    writeFile(scenarios + "/utilities/essex.json", text);
    const ToolRun r = runTool(conformanceExe(), simRun("ESSEX", dir + "/r", {"--plan", "espi", "--variant", "ESSEX/test/*",
        "--sim-arg=--scenarios=" + scenarios}));
    const nlohmann::json report = readJson(dir + "/r/report.json");
    EXPECT_EQ(verdictOf(report, "ES-011", "ESSEX/test/residential_slow_collection"), "PASS") << r.out << r.err;
    EXPECT_EQ(verdictOf(report, "ES-003", "ESSEX/test/residential_slow_collection"), "PASS") << r.out;
}

// Makes sure an unreachable target gives ERROR verdicts (exit 2) and never a FAIL blamed on it.
// Example failure: connection refused reported as "AZ-003 FAIL: no error redirect".
TEST(RunnerCli, UnreachableTargetIsAnErrorNotAFailure)
{
    const std::string dir = freshDir("unreachable"), file = dir + "/target.json";
    writeFile(file, R"({"name": "nobody home", "http": {"timeoutSeconds": 1},
      "oauth": {"authorizeUrl": "http://127.0.0.1:1/authorize", "tokenUrl": "http://127.0.0.1:1/token",
                "clientId": "c", "clientSecret": "s", "scope": "FB=4"},
      "espi": {"resourceBase": "http://127.0.0.1:1/espi"}, "jsonApi": {"base": "http://127.0.0.1:1/api", "token": "t"},
      "login": [{"open": "authorize"}, {"choose": {"decision": "${decision}"}}]})");
    const ToolRun r = runTool(conformanceExe(), {"run", "--target", file, "--format", "json", "--report-dir", dir});
    EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
    const nlohmann::json report = readJson(dir + "/report.json");
    EXPECT_EQ(report["summary"]["counts"]["FAIL"], 0);
    EXPECT_GT(report["summary"]["counts"]["ERROR"].get<int>(), 5);
    EXPECT_EQ(verdictOf(report, "AZ-003", "default"), "ERROR");
}

// Makes sure no credential of the sandbox client or the API token appears anywhere in the written reports.
// Example failure: "Authorization: Basic <base64 of client:secret>" in junit.xml attached to a ticket.
TEST(RunnerCli, ReportsCarryNoSecrets)
{
    const std::string dir = freshDir("secrets");
    ASSERT_EQ(runTool(conformanceExe(), simRun("EPE", dir, {"--variant", "EPE/sso/residential", "--format", "json,junit,html",
        "--full-evidence"})).exitCode, 0);
    for (const char* file : {"/report.json", "/junit.xml", "/index.html", "/evidence.html"}) {
        std::ifstream in(dir + file);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        ASSERT_GT(text.size(), 1000u) << file;
        for (const char* secret : {"sandbox_secret", "epe_sandbox_api_token", "RVBFX2NjY2NjY2NjYzpzYW5kYm94X3NlY3JldA",
                 "password=test_residential"})
            EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << file;
        const std::string token = "\"access_token\":\""; // HTML shows bodies as text: every token value is redacted
        for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + 1))
            EXPECT_EQ(text.compare(at + token.size(), 10, "[redacted:"), 0) << text.substr(at, 60) << " in " << file;
        // JUnit and index.html carry evidence bodies only for non-PASS results, and this run has none.
        if (std::string(file) != "/junit.xml" && std::string(file) != "/index.html") {
            EXPECT_NE(text.find("[redacted:access_token#1]"), std::string::npos) << file;
        }
    }
}

// Makes sure `run --list` prints the selected checks without starting anything.
// Example failure: --list needing a target or a simulator.
TEST(RunnerCli, ListSelectedChecks)
{
    const ToolRun r = runTool(conformanceExe(), {"run", "--list", "--plan", "odr"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("OD-001", 0), 0u) << r.out;
    EXPECT_EQ(r.out.find("TK-"), std::string::npos);
}

// Makes sure HTTPS targets are verified against the target file's CA bundle, and an untrusted certificate is a
// harness ERROR (never a FAIL); --sim --sim-arg=--tls trusts the simulator's own self-signed certificate.
// Example failure: certificate verification silently disabled, or a TLS failure blamed on the target.
TEST(RunnerCli, TlsCaFileAndUntrustedCertificate)
{
    const std::string dir = freshDir("tls");
    const ToolRun made = runTool("/usr/bin/openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-nodes", "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    auto sim = gbc::SimProcess::start(simExe(), {"--quiet", "--cert", dir + "/cert.pem", "--key", dir + "/key.pem"});
    ASSERT_TRUE(sim.ok()) << sim.error().describe();
    const std::string s = sim.value()->url();
    ASSERT_EQ(s.rfind("https://", 0), 0u) << s;
    const auto target = [&](const std::string& tls) {
        return R"({"name": "tls", "tls": )" + tls + R"(, "oauth": {"authorizeUrl": ")" + s +
            R"(/DataCustodian/essex/oauth/authorize", "tokenUrl": ")" + s + R"(/DataCustodian/essex/oauth/token",
            "clientId": "ESSEX_ccccccccc", "clientSecret": "sandbox_secret",
            "scope": "FB=1_4_5_15;AdditionalScope=auth-test-test_residential"},
            "espi": {"resourceBase": ")" + s + R"(/DataCustodian/espi/1_1/resource"},
            "login": [{"open": "authorize"}, {"choose": {"decision": "${decision}"}}]})";
    };
    writeFile(dir + "/trusted.json", target(R"({"caFile": ")" + dir + R"(/cert.pem"})"));
    writeFile(dir + "/untrusted.json", target(R"({"insecure": false})"));
    ToolRun r = runTool(conformanceExe(), {"run", "--target", dir + "/trusted.json", "--plan", "oauth-authorize",
        "--format", "json", "--report-dir", dir + "/a"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(verdictOf(readJson(dir + "/a/report.json"), "AZ-001", "default"), "PASS");
    r = runTool(conformanceExe(), {"run", "--target", dir + "/untrusted.json", "--plan", "oauth-authorize",
        "--format", "json", "--report-dir", dir + "/b"});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    const nlohmann::json b = readJson(dir + "/b/report.json");
    EXPECT_EQ(b["summary"]["counts"]["FAIL"], 0);
    EXPECT_EQ(verdictOf(b, "AZ-001", "default"), "ERROR");
    r = runTool(conformanceExe(), simRun("ESSEX", dir + "/c", {"--sim-arg=--tls", "--variant", "ESSEX/test/residential", "--plan", "oauth"}));
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

// Makes sure a target answering in Latin-1 still gets every report written, with U+FFFD for the bad bytes.
// Example failure: one 0xE9 on a login page → nlohmann type_error.316, exit 2, no report.json/junit.xml/index.html.
TEST(RunnerCli, NonUtf8TargetStillGetsReports)
{
    httplib::Server latin1;
    latin1.Get(".*", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("<html><body><p>Caf\xe9 \xab" "Compte\xbb</p></body></html>", "text/html; charset=iso-8859-1");
    });
    const int port = latin1.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { latin1.listen_after_bind(); });
    while (!latin1.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    const std::string dir = freshDir("latin1"), file = dir + "/target.json";
    writeFile(file, R"({"name": "latin-1 utility", "http": {"timeoutSeconds": 2},
      "oauth": {"authorizeUrl": ")" + base + R"(/authorize", "tokenUrl": ")" + base + R"(/token",
                "clientId": "c", "clientSecret": "s", "scope": "FB=4"},
      "espi": {"resourceBase": ")" + base + R"(/espi"}, "login": [{"open": "authorize"}, {"submit": {}}]})");
    const ToolRun r = runTool(conformanceExe(), {"run", "--target", file, "--format", "json,junit,html", "--report-dir", dir});
    latin1.stop();
    serving.join();
    EXPECT_NE(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    std::ifstream in(dir + "/report.json");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(text.empty()) << r.err;
    EXPECT_FALSE(nlohmann::json::parse(text, nullptr, false).is_discarded());
    EXPECT_NE(text.find("Caf\xef\xbf\xbd"), std::string::npos) << "the page's 0xE9 as U+FFFD in the evidence";
    pugi::xml_document junit;
    EXPECT_TRUE(junit.load_file((dir + "/junit.xml").c_str()));
    EXPECT_GT(std::filesystem::file_size(dir + "/index.html"), 1000u);
}

// Makes sure hostile input files are located errors (exit 2), never "internal error" or a hang, and that
// `validate` writes valid reports for a file name that is not UTF-8.
// Example failure: "timeoutSeconds": 1e400 → unlocated internal error; a FIFO as target file hanging the run;
// validate on "caf\xe9.xml" writing a 0-byte report.
TEST(RunnerCli, HostileInputFilesAreLocated)
{
    const std::string dir = freshDir("hostile"), file = dir + "/t.json", fifo = dir + "/fifo.json";
    writeFile(file, R"({"name": "x", "http": {"timeoutSeconds": 1e400}})");
    ToolRun r = runTool(conformanceExe(), {"run", "--target", file});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(file + ":byte "), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"run", "--target", fifo},
                                                 std::vector<std::string>{"merge", fifo, "--report-dir", dir + "/m"}}) {
        r = runTool(conformanceExe(), args);
        EXPECT_EQ(r.exitCode, 2) << args[0];
        EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
    }
    const std::string latin1Name = dir + "/caf\xe9.xml";
    std::filesystem::copy_file(fixturesDir() + "/espi/valid_gas_feed.xml", latin1Name);
    r = runTool(conformanceExe(), {"validate", latin1Name, "--format", "json,junit", "--report-dir", dir + "/v"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_GT(std::filesystem::file_size(dir + "/v/report.json"), 10u);
    EXPECT_FALSE(readJson(dir + "/v/report.json").is_null());
    pugi::xml_document junit;
    EXPECT_TRUE(junit.load_file((dir + "/v/junit.xml").c_str()));
}

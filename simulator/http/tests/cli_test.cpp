// Integration: the gbc-sim command line — listings, usage errors, catalogue errors, TLS flags, signals.
#include "flow_driver.h"
#include "sim_process.h"
#include "tls_cert.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace gbc::simtest;
namespace fs = std::filesystem;

namespace {

fs::path scratchDir(const std::string& name)
{
    const fs::path dir = fs::path(::testing::TempDir()) / ("gbc-sim-cli-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& p, const std::string& text)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

} // namespace

// Makes sure --help and --version exit 0 and describe the flags. Example failure: --help exits 2.
TEST(SimCli, HelpAndVersion)
{
    const RunResult help = runSim({"--help"});
    EXPECT_EQ(help.exitCode, 0);
    for (const char* flag : {"--listen", "--tls", "--cert", "--scenarios", "--clock", "--seed", "--defect", "fixed:2025-06-15T12:00:00Z"})
        EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
    const RunResult version = runSim({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out.rfind("gbc-sim ", 0), 0u);
}

// Makes sure bad flags exit 2 with a message naming the flag. Example failure: an unknown defect silently ignored.
TEST(SimCli, BadFlagsExit2)
{
    const std::pair<std::vector<std::string>, const char*> cases[] = {
        {{"--bogus"}, "--bogus"},
        {{"--defect", "no_such_defect"}, "no_such_defect"},
        {{"--listen", "127.0.0.1"}, "--listen"},
        {{"--listen", "127.0.0.1:99999"}, "--listen"},
        {{"--seed", "-4"}, "--seed"},
        {{"--clock", "sometimes"}, "--clock"},
        {{"--cert", "only-cert.pem"}, "--cert/--key"},
        {{"--listen"}, "needs a value"},
        {{"scenarios", "--tls-typo"}, "--tls-typo"},
    };
    for (const auto& [args, mention] : cases) {
        const RunResult r = runSim(args);
        EXPECT_EQ(r.exitCode, 2) << mention;
        EXPECT_NE(r.err.find(mention), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "") << mention;
    }
}

// Makes sure `scenarios --json` lists utilities, clients with api_token, and test accounts; text mode too.
// Example failure: the JSON lacks the client secret a tester needs.
TEST(SimCli, ScenariosListing)
{
    const RunResult r = runSim({"scenarios", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["utilities"].size(), 6u);
    bool essex = false;
    for (const auto& u : j["utilities"]) {
        if (u["id"] != "ESSEX")
            continue;
        essex = true;
        EXPECT_EQ(u["defaultAuth"], "lastbill");
        EXPECT_EQ(u["clients"][0]["client_id"], "ESSEX_ccccccccc");
        EXPECT_EQ(u["clients"][0]["client_secret"], "sandbox_secret");
        EXPECT_FALSE(u["clients"][0]["api_token"].get<std::string>().empty());
        EXPECT_EQ(u["customers"].size(), 3u);
    }
    EXPECT_TRUE(essex);
    const RunResult text = runSim({"scenarios"});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("client ESSEX_ccccccccc"), std::string::npos);
    EXPECT_NE(text.out.find("test test_residential"), std::string::npos);
}

// Makes sure `defects` prints one defect per line, name first. Example failure: a header line.
TEST(SimCli, DefectsListing)
{
    const RunResult r = runSim({"defects"});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.rfind("state_not_echoed ", 0), 0u);
    EXPECT_NE(r.out.find("\ncode_reusable "), std::string::npos);
}

// Makes sure `variations` prints one variation per line, name first, with the clause allowing it; --variation takes
// the listed names (repeatable) and an unknown one exits 2 naming the flag. Example failure: a typo served silently.
TEST(SimCli, VariationsListingAndFlag)
{
    const RunResult r = runSim({"variations"});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.rfind("rotating_refresh_tokens ", 0), 0u);
    EXPECT_NE(r.out.find("\nreserved_char_secrets "), std::string::npos);
    EXPECT_NE(r.out.find("[RFC 6749 §6"), std::string::npos);
    const RunResult unknown = runSim({"--variation", "rotating_refresh_token", "--listen", "127.0.0.1:0"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("--variation"), std::string::npos) << unknown.err;
    EXPECT_NE(unknown.err.find("unknown variation 'rotating_refresh_token'"), std::string::npos) << unknown.err;
    const RunResult secrets = runSim({"scenarios", "--variation=reserved_char_secrets", "--variation", "odr_repeat_429"});
    EXPECT_EQ(secrets.exitCode, 0) << secrets.err;
    EXPECT_NE(secrets.out.find("+/=:% x"), std::string::npos) << "scenarios lists the changed secrets";
}

// Makes sure --scenarios replaces the catalogue, and a bad directory or file exits 2 with a located error.
// Example failure: a typo in a utility file crashing the simulator.
TEST(SimCli, ScenariosDirectory)
{
    const RunResult missing = runSim({"--scenarios", "/nonexistent-dir", "--listen", "127.0.0.1:0"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("/nonexistent-dir/scenarios.json"), std::string::npos) << missing.err;
    const fs::path dir = scratchDir("catalogue");
    write(dir / "scenarios.json", R"({"scenarios": {"badlogin": {"outcome": "customer_not_found"}}})");
    write(dir / "utilities" / "one.json", R"({"id": "ONE", "nmae": "typo"})");
    const RunResult bad = runSim({"--scenarios", dir.string()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("one.json"), std::string::npos) << bad.err;
    write(dir / "utilities" / "one.json", R"({"id": "ONE", "name": "Only One", "host": "one.example",
        "timeZone": {"name": "UTC", "tzOffset": 0, "dstOffset": 0, "dstStartRule": "FFFFFFFF", "dstEndRule": "FFFFFFFF"},
        "currency": 840, "auth": {"default": "test", "allowed": ["test"]},
        "clients": [{"clientId": "ONE_c", "clientSecret": "s", "company": "C", "mode": "sandbox", "redirectUris": [],
                     "apiToken": "a", "registrationToken": "r"}],
        "customers": [{"id": "b", "scenario": "badlogin", "identities": {"test": ["test_badlogin"]}}]})");
    const RunResult good = runSim({"scenarios", "--scenarios", dir.string()});
    EXPECT_EQ(good.exitCode, 0) << good.err;
    EXPECT_NE(good.out.find("ONE  Only One"), std::string::npos);
    EXPECT_EQ(good.out.find("ESSEX"), std::string::npos) << "the built-in catalogue is replaced, not merged";
    fs::remove_all(dir);
}

// Makes sure --tls prints an https line and serves, and --cert/--key serves the given certificate.
// Example failure: the first line still says http://.
TEST(SimCli, TlsFlags)
{
    std::string error;
    auto sim = SimProcess::start({"--listen", "127.0.0.1:0", "--tls", "--quiet"}, error);
    ASSERT_NE(sim, nullptr) << error;
    EXPECT_EQ(sim->url().rfind("https://127.0.0.1:", 0), 0u);
    HttpDriver insecure(sim->url());
    EXPECT_EQ(insecure.get("/").status, 200);
    EXPECT_EQ(sim->stop(SIGINT), 0);

    const fs::path dir = scratchDir("tls");
    const auto identity = gbc::generateSelfSigned().value();
    write(dir / "cert.pem", identity.certPem);
    write(dir / "key.pem", identity.keyPem);
    auto own = SimProcess::start({"--listen", "127.0.0.1:0", "--cert", (dir / "cert.pem").string(), "--key",
                                  (dir / "key.pem").string(), "--quiet"}, error);
    ASSERT_NE(own, nullptr) << error;
    HttpDriver verified(own->url(), (dir / "cert.pem").string());
    EXPECT_EQ(verified.get("/").status, 200);
    write(dir / "other.pem", gbc::generateSelfSigned().value().keyPem);
    const RunResult mismatch = runSim({"--cert", (dir / "cert.pem").string(), "--key", (dir / "other.pem").string()});
    EXPECT_EQ(mismatch.exitCode, 2);
    EXPECT_NE(mismatch.err.find("does not belong"), std::string::npos) << mismatch.err;
    fs::remove_all(dir);
}

// Makes sure the first stdout line is exactly the listening line and SIGINT/SIGTERM end the process with 0.
// Example failure: a banner printed before the listening line, or exit status 130.
TEST(SimCli, ListenLineAndSignals)
{
    for (int sig : {SIGINT, SIGTERM}) {
        std::string error;
        auto sim = SimProcess::start({"--listen", "127.0.0.1:0"}, error);
        ASSERT_NE(sim, nullptr) << error;
        EXPECT_EQ(sim->firstLine(), "gbc-sim listening on http://127.0.0.1:" + std::to_string(sim->port()));
        HttpDriver http(sim->url());
        EXPECT_EQ(http.get("/").status, 200);
        EXPECT_EQ(sim->stop(sig), 0) << "signal " << sig;
    }
}

// Makes sure a port already in use is reported (exit 1), not a hang. Example failure: a silent retry forever.
TEST(SimCli, PortInUse)
{
    std::string error;
    auto first = SimProcess::start({"--listen", "127.0.0.1:0", "--quiet"}, error);
    ASSERT_NE(first, nullptr) << error;
    const RunResult second = runSim({"--listen", "127.0.0.1:" + std::to_string(first->port())});
    EXPECT_EQ(second.exitCode, 1);
    EXPECT_NE(second.err.find("cannot bind"), std::string::npos) << second.err;
}

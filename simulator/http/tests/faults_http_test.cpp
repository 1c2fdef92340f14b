// Integration: scripted faults (/__sim/faults, --faults) observed on the wire through the gbc-sim binary:
// status + Retry-After, truncate, reset, stall, latency distribution, seeded count/probability; outbound faults.
#include "flow_driver.h"
#include "sim_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "fault_injector.h"
#include "raw_socket.h"

using namespace gbc::simtest;
namespace fs = std::filesystem;

namespace {

const char* kMetadata = "/.well-known/oauth-authorization-server/DataCustodian/ESSEX";

std::unique_ptr<SimProcess> startSim(std::vector<std::string> extra = {})
{
    std::vector<std::string> args = {"--listen", "127.0.0.1:0", "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string error;
    auto sim = SimProcess::start(args, error);
    EXPECT_NE(sim, nullptr) << error;
    return sim;
}

void setFaults(SimProcess& sim, const std::string& script)
{
    HttpDriver http(sim.url());
    const Reply r = http.postRaw("/__sim/faults", script, "application/json");
    ASSERT_EQ(r.status, 200) << r.body;
}

RawExchange rawGet(SimProcess& sim, const std::string& path, int timeoutMs = 5000)
{
    return rawExchange(sim.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", timeoutMs);
}

double millisOf(httplib::Client& client, const std::string& path)
{
    const auto start = std::chrono::steady_clock::now();
    auto res = client.Get(path.c_str());
    EXPECT_TRUE(res && res->status == 200);
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

struct FakeOutbound : gbc::OutboundHttp {
    std::vector<gbc::OutboundRequest> sent;
    gbc::OutboundResponse send(const gbc::OutboundRequest& r) override
    {
        sent.push_back(r);
        return gbc::OutboundResponse{204, "", "", ""};
    }
};

} // namespace

// Makes sure a status fault answers the scripted status, body and Retry-After on the OAuth token endpoint, only
// for the named client and only `count` times. Example failure: Retry-After missing, or the fault hitting EPE's client.
TEST(Faults, StatusOnTokenEndpointForOneClient)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    setFaults(*sim, R"({"faults": [{"kind": "status", "method": "POST", "path": "/DataCustodian/*/oauth/token",
                                    "client": "ESSEX_ccccccccc", "status": 503, "retryAfter": 7, "count": 1}]})");
    httplib::Client client(sim->url());
    const httplib::Params form = {{"grant_type", "client_credentials"}};
    client.set_basic_auth("EPE_ccccccccc", "sandbox_secret");
    auto other = client.Post("/DataCustodian/epe/oauth/token", form);
    ASSERT_TRUE(other);
    EXPECT_NE(other->status, 503) << "another client is not faulted";
    client.set_basic_auth("ESSEX_ccccccccc", "sandbox_secret");
    auto hit = client.Post("/DataCustodian/essex/oauth/token", form);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->status, 503);
    EXPECT_EQ(hit->get_header_value("Retry-After"), "7");
    EXPECT_NE(hit->body.find("scripted_fault"), std::string::npos);
    auto after = client.Post("/DataCustodian/essex/oauth/token", form);
    ASSERT_TRUE(after);
    EXPECT_NE(after->status, 503) << "count 1 is used up";
}

// Makes sure the client is known from a bearer token (its owner) and from a client_id query parameter.
// Example failure: an API-token request never matching a client-scoped rule.
TEST(Faults, ClientFromBearerTokenAndParameter)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    setFaults(*sim, R"({"faults": [{"kind": "status", "status": 418, "client": "ESSEX_ccccccccc"}]})");
    HttpDriver http(sim->url());
    EXPECT_EQ(http.get("/api/v2/authorizations", {{"Authorization", "Bearer essex_sandbox_api_token_0001"}}).status, 418);
    EXPECT_EQ(http.get("/api/v2/authorizations", {{"Authorization", "Bearer epe_sandbox_api_token_0001"}}).status, 200);
    EXPECT_EQ(http.get("/DataCustodian/essex/oauth/authorize?client_id=ESSEX_ccccccccc").status, 418);
    EXPECT_NE(http.get("/DataCustodian/essex/oauth/authorize?client_id=EPE_ccccccccc").status, 418);
    EXPECT_NE(http.get("/").status, 418) << "no client, no match";
}

// Makes sure truncate sends Content-Length and exactly N body bytes then closes, reset closes mid-body, and
// stall sends the headers, no body byte for the stall, then closes. Example failure: a truncated answer whose
// Content-Length was rewritten to N (the client could not tell it was cut).
TEST(Faults, TruncateResetStallOnTheWire)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    setFaults(*sim, R"({"faults": [{"kind": "truncate", "path": "/", "bytes": 10, "count": 1},
                                   {"kind": "reset", "path": "/", "count": 1},
                                   {"kind": "stall", "path": "/", "seconds": 0.4, "count": 1}]})");
    const RawExchange cut = rawGet(*sim, "/");
    EXPECT_EQ(cut.head.rfind("HTTP/1.1 200", 0), 0u) << cut.head;
    EXPECT_GT(cut.contentLength, 10);
    EXPECT_EQ(cut.body.size(), 10u);
    EXPECT_TRUE(cut.closed);
    const RawExchange reset = rawGet(*sim, "/");
    EXPECT_TRUE(reset.closed);
    EXPECT_GT(reset.contentLength, 0);
    EXPECT_LT(static_cast<long long>(reset.body.size()), reset.contentLength);
    const RawExchange stall = rawGet(*sim, "/");
    EXPECT_EQ(stall.head.rfind("HTTP/1.1 200", 0), 0u) << stall.head;
    EXPECT_EQ(stall.body, "");
    EXPECT_EQ(stall.firstBodyMs, -1);
    EXPECT_TRUE(stall.closed);
    EXPECT_GE(stall.totalMs, 380) << "silent for the stall";
    const RawExchange whole = rawGet(*sim, "/");
    EXPECT_EQ(static_cast<long long>(whole.body.size()), whole.contentLength) << "every count used up";
}

// Makes sure a lognormal latency (median 2 ms, p99 8 ms) shows on the wire over 200 requests: the median rises by
// about 2 ms over an unfaulted baseline and no request is held far beyond the p99; a fixed latency holds each
// request at least that long. Example failure: the delay applied once per connection instead of per request.
TEST(Faults, LatencyDistributionOverTwoHundredRequests)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    httplib::Client client(sim->url());
    std::vector<double> base, faulted;
    for (int i = 0; i < 100; ++i)
        base.push_back(millisOf(client, kMetadata));
    setFaults(*sim, R"({"seed": 11, "faults": [{"kind": "latency", "path": "/.well-known/*", "median": 2, "p99": 8}]})");
    for (int i = 0; i < 200; ++i)
        faulted.push_back(millisOf(client, kMetadata));
    const double rise = percentile(faulted, 0.5) - percentile(base, 0.5);
    EXPECT_GT(rise, 1.2) << "median rise " << rise;
    EXPECT_LT(rise, 4.5) << "median rise " << rise;
    EXPECT_LT(percentile(faulted, 0.9), percentile(base, 0.9) + 12);
    setFaults(*sim, R"({"faults": [{"kind": "latency", "ms": 15}]})");
    for (int i = 0; i < 5; ++i)
        EXPECT_GE(millisOf(client, kMetadata), 15.0);
}

// Makes sure probability with a seed hits the same requests when the script is set again, and GET /__sim/faults
// reports the hits. Example failure: a second run of the same script hitting other requests.
TEST(Faults, SeededProbabilityIsRepeatable)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    const std::string script = R"({"seed": 5, "faults": [{"kind": "status", "status": 500, "probability": 0.5,
                                                         "path": "/.well-known/*"}]})";
    httplib::Client client(sim->url());
    auto pattern = [&] {
        setFaults(*sim, script);
        std::string out;
        for (int i = 0; i < 40; ++i) {
            auto r = client.Get(kMetadata);
            out += r && r->status == 500 ? 'x' : '.';
        }
        return out;
    };
    const std::string first = pattern();
    EXPECT_EQ(pattern(), first);
    EXPECT_NE(first.find('x'), std::string::npos);
    EXPECT_NE(first.find('.'), std::string::npos);
    auto listed = client.Get("/__sim/faults");
    ASSERT_TRUE(listed);
    EXPECT_EQ(nlohmann::json::parse(listed->body)["faults"][0]["hits"], std::count(first.begin(), first.end(), 'x'));
    auto cleared = client.Delete("/__sim/faults");
    ASSERT_TRUE(cleared);
    EXPECT_EQ(nlohmann::json::parse(cleared->body)["faults"].size(), 0u);
    EXPECT_EQ(client.Get(kMetadata)->status, 200);
}

// Makes sure --faults FILE applies at start and a bad script is exit 2 naming the file and pointer.
// Example failure: an unknown kind ignored, the simulator serving without the script.
TEST(Faults, FaultsFile)
{
    const fs::path dir = fs::temp_directory_path() / ("gbc-faults-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "good.json") << R"({"faults": [{"kind": "status", "status": 429, "path": "/api/*"}]})";
    std::ofstream(dir / "bad.json") << R"({"faults": [{"kind": "status", "status": 429}, {"kind": "gremlin"}]})";
    auto sim = startSim({"--faults", (dir / "good.json").string()});
    ASSERT_NE(sim, nullptr);
    HttpDriver http(sim->url());
    EXPECT_EQ(http.get("/api/v2/authorizations").status, 429);
    EXPECT_EQ(http.get(kMetadata).status, 200);
    const RunResult bad = runSim({"--listen", "127.0.0.1:0", "--faults", (dir / "bad.json").string()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("bad.json:/faults/1/kind"), std::string::npos) << bad.err;
    fs::remove_all(dir);
}

// Makes sure outbound rules act on deliveries: status and reset never reach the receiver, truncate cuts the
// delivered body, inbound rules leave deliveries alone. Example failure: a reset delivery still sent.
TEST(Faults, OutboundDeliveries)
{
    auto book = std::make_shared<gbc::FaultBook>();
    auto inner = std::make_shared<FakeOutbound>();
    auto out = gbc::faultingOutbound(book, inner);
    gbc::OutboundRequest req{"POST", "http://127.0.0.1:9/hooks/gb", "application/json", "{\"event\":1}", {}};
    auto s = gbc::readFaultScript(nlohmann::json::parse(R"({"faults": [
        {"kind": "status", "direction": "outbound", "path": "/hooks/*", "status": 502, "count": 1},
        {"kind": "reset", "direction": "outbound", "count": 1},
        {"kind": "truncate", "direction": "outbound", "bytes": 3, "count": 1},
        {"kind": "status", "status": 500}]})"), "script");
    ASSERT_TRUE(s.ok());
    book->set(s.value());
    EXPECT_EQ(out->send(req).status, 502);
    EXPECT_EQ(out->send(req).status, 0);
    EXPECT_TRUE(inner->sent.empty());
    EXPECT_EQ(out->send(req).status, 204);
    ASSERT_EQ(inner->sent.size(), 1u);
    EXPECT_EQ(inner->sent[0].body, "{\"e");
    EXPECT_EQ(out->send(req).status, 204) << "the inbound rule does not touch deliveries";
    EXPECT_EQ(inner->sent.back().body, req.body);
}

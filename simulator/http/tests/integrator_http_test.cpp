// Integration: integrator mode over real HTTP through the gbc-sim binary — app registration, --clients,
// --scenarios-overlay, --tls --cert-out, RFC 8414 metadata, and bad admin input answered as located JSON.
#include "flow_driver.h"
#include "sim_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "raw_socket.h"

using namespace gbc::simtest;
namespace fs = std::filesystem;

namespace {

const char* kRegistration = R"({"utility": "ESSEX", "clientId": "my-app", "clientSecret": "my-secret",
    "redirectUris": ["http://localhost:3000/auth/callback"], "mode": "sandbox"})";

fs::path scratchDir(const std::string& name)
{
    const fs::path dir = fs::temp_directory_path() / ("gbc-integrator-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

std::unique_ptr<SimProcess> startSim(std::vector<std::string> extra = {})
{
    std::vector<std::string> args = {"--listen", "127.0.0.1:0", "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string error;
    auto sim = SimProcess::start(args, error);
    EXPECT_NE(sim, nullptr) << error;
    return sim;
}

nlohmann::json json(const Reply& r)
{
    return nlohmann::json::parse(r.body, nullptr, false);
}

} // namespace

// Makes sure one POST registers http://localhost:3000/auth/callback and the app then completes authorize (exact
// redirect URI), token exchange with its secret, an ESPI fetch with the token, and a JSON API call with its
// apiToken. Example failure: "Unregistered redirect_uri" for the registered URI, or the apiToken refused (401).
TEST(Integrator, RegisterThenAuthorizeTokenAndFetch)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    HttpDriver http(sim->url());
    const Reply reg = http.postRaw("/__sim/clients", kRegistration, "application/json");
    ASSERT_EQ(reg.status, 201) << reg.body;
    const auto client = json(reg);
    EXPECT_EQ(client["clientSecret"], "my-secret") << "the secret is echoed once, in the 201";
    EXPECT_EQ(client["issuer"], sim->url() + "/DataCustodian/ESSEX");
    const std::string target = "/DataCustodian/essex/oauth/authorize?" +
        gbc::formatUrlEncoded({{"response_type", "code"}, {"client_id", "my-app"},
                               {"redirect_uri", "http://localhost:3000/auth/callback"}, {"state", "s1"},
                               {"scope", "FB=4_16_51;AdditionalScope=auth-test-test_residential"}});
    const WalkResult w = walkAuthorize(http, target, {});
    ASSERT_EQ(w.location.rfind("http://localhost:3000/auth/callback?code=", 0), 0u) << w.location << w.dataError;
    const Reply token = http.postForm("/DataCustodian/essex/oauth/token",
                                      {{"grant_type", "authorization_code"}, {"code", queryValue(w.location, "code")},
                                       {"redirect_uri", "http://localhost:3000/auth/callback"}},
                                      basicAuth("my-app", "my-secret"));
    ASSERT_EQ(token.status, 200) << token.body;
    const std::string resource = json(token)["resourceURI"];
    const Reply feed = http.get(resource.substr(sim->url().size()),
                                {{"Authorization", "Bearer " + json(token)["access_token"].get<std::string>()}});
    EXPECT_EQ(feed.status, 200) << feed.body.substr(0, 300);
    EXPECT_NE(feed.body.find("UsagePoint"), std::string::npos);
    const Reply api = http.get("/api/v2/authorizations", {{"Authorization", "Bearer " + client["apiToken"].get<std::string>()}});
    EXPECT_EQ(api.status, 200) << api.body.substr(0, 300);
    EXPECT_NE(api.body.find("my-app"), std::string::npos) << "the authorization just made is listed";
    EXPECT_EQ(http.postForm("/DataCustodian/essex/oauth/token", {{"grant_type", "client_credentials"}},
                            basicAuth("my-app", "wrong")).status, 401);
}

// Makes sure a duplicate id is 409, bad values are 400 naming the JSON pointer, GET lists the registrations
// without secrets. Example failure: a second registration of "my-app" answered 201 and replacing the first.
TEST(Integrator, RegistrationErrorsAndListing)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    HttpDriver http(sim->url());
    ASSERT_EQ(http.postRaw("/__sim/clients", kRegistration, "application/json").status, 201);
    const Reply dup = http.postRaw("/__sim/clients", kRegistration, "application/json");
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(json(dup)["pointer"], "/clientId");
    const Reply catalogueId = http.postRaw("/__sim/clients",
        R"({"utility": "EPE", "clientId": "ESSEX_ccccccccc", "redirectUris": ["http://localhost/cb"]})", "application/json");
    EXPECT_EQ(catalogueId.status, 409) << "a catalogue client's id is taken too";
    const Reply badUri = http.postRaw("/__sim/clients",
        R"({"utility": "ESSEX", "clientId": "b", "redirectUris": ["http://ok/cb", "javascript:x"]})", "application/json");
    EXPECT_EQ(badUri.status, 400);
    EXPECT_EQ(json(badUri)["pointer"], "/redirectUris/1");
    EXPECT_EQ(badUri.contentType, "application/json");
    const Reply unknown = http.postRaw("/__sim/clients",
        R"({"utility": "NOWHERE", "clientId": "b", "redirectUris": ["http://ok/cb"]})", "application/json");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(json(unknown)["pointer"], "/utility");
    const Reply malformed = http.postRaw("/__sim/clients", "{\"utility\":", "application/json");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(json(malformed)["error"], "json.syntax");
    const auto list = json(http.get("/__sim/clients"));
    ASSERT_EQ(list["clients"].size(), 1u);
    EXPECT_EQ(list["clients"][0]["clientId"], "my-app");
    EXPECT_FALSE(list["clients"][0].contains("clientSecret"));
}

// Makes sure --clients FILE registers at start, and a bad file stops gbc-sim with exit 2 naming file + pointer.
// Example failure: the duplicate second entry silently ignored.
TEST(Integrator, ClientsFile)
{
    const fs::path dir = scratchDir("clients");
    write(dir / "clients.json", std::string("[") + kRegistration + "]");
    auto sim = startSim({"--clients", (dir / "clients.json").string()});
    ASSERT_NE(sim, nullptr);
    HttpDriver http(sim->url());
    EXPECT_EQ(json(http.get("/__sim/clients"))["clients"][0]["clientId"], "my-app");
    write(dir / "dup.json", std::string("[") + kRegistration + "," + kRegistration + "]");
    const RunResult dup = runSim({"--listen", "127.0.0.1:0", "--clients", (dir / "dup.json").string()});
    EXPECT_EQ(dup.exitCode, 2);
    EXPECT_NE(dup.err.find((dir / "dup.json").string() + ":/1/clientId"), std::string::npos) << dup.err;
    write(dir / "bad.json", R"([{"utility": "ESSEX", "clientId": "x", "redirectUris": ["data:x"]}])");
    const RunResult bad = runSim({"--listen", "127.0.0.1:0", "--clients", (dir / "bad.json").string()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("bad.json:/0/redirectUris/0"), std::string::npos) << bad.err;
    fs::remove_all(dir);
}

// Makes sure --scenarios-overlay adds a utility and extends a built-in one, keeping the built-ins, and a
// repeated client id is exit 2 naming file + pointer. Example failure: ESSEX gone (the overlay replaced the catalogue).
TEST(Integrator, ScenariosOverlay)
{
    const fs::path dir = scratchDir("overlay");
    write(dir / "utilities" / "essex.json", R"({"id": "ESSEX", "clients": [{"clientId": "overlay-app",
        "clientSecret": "s", "company": "Overlay", "mode": "sandbox", "redirectUris": ["http://localhost:3000/cb"],
        "apiToken": "overlaytoken", "registrationToken": "overlayreg"}]})");
    write(dir / "utilities" / "one.json", R"({"id": "ONE", "name": "Only One", "host": "one.example",
        "timeZone": {"name": "UTC", "tzOffset": 0, "dstOffset": 0, "dstStartRule": "FFFFFFFF", "dstEndRule": "FFFFFFFF"},
        "currency": 840, "auth": {"default": "test", "allowed": ["test"]}, "clients": [], "customers": []})");
    const RunResult good = runSim({"scenarios", "--scenarios-overlay", dir.string()});
    EXPECT_EQ(good.exitCode, 0) << good.err;
    EXPECT_NE(good.out.find("ONE  Only One"), std::string::npos) << good.out;
    EXPECT_NE(good.out.find("ESSEX"), std::string::npos) << "built-ins stay";
    EXPECT_NE(good.out.find("overlay-app"), std::string::npos) << good.out;
    write(dir / "utilities" / "two.json", R"({"id": "EPE", "clients": [{"clientId": "overlay-app",
        "clientSecret": "s", "company": "Overlay", "mode": "sandbox", "redirectUris": ["http://localhost:3000/cb"],
        "apiToken": "t2", "registrationToken": "r2"}]})");
    const RunResult dup = runSim({"scenarios", "--scenarios-overlay", dir.string()});
    EXPECT_EQ(dup.exitCode, 2);
    EXPECT_NE(dup.err.find("two.json:/clients/0/clientId"), std::string::npos) << dup.err;
    fs::remove_all(dir);
}

// Makes sure --tls --cert-out writes the certificate, names it on the line after the listening line, and a
// client trusting only that file verifies the server. Example failure: no second line, or a key written instead.
TEST(Integrator, TlsCertOut)
{
    const fs::path dir = scratchDir("tls");
    const std::string pem = (dir / "sim.pem").string();
    auto sim = startSim({"--tls", "--cert-out", pem});
    ASSERT_NE(sim, nullptr);
    EXPECT_EQ(sim->nextLine(), "gbc-sim certificate: " + pem);
    HttpDriver verified(sim->url(), pem);
    EXPECT_EQ(verified.get("/").status, 200);
    auto temp = startSim({"--tls"});
    ASSERT_NE(temp, nullptr);
    const std::string line = temp->nextLine();
    ASSERT_EQ(line.rfind("gbc-sim certificate: ", 0), 0u) << line;
    const std::string tempPem = line.substr(21);
    HttpDriver viaTemp(temp->url(), tempPem);
    EXPECT_EQ(viaTemp.get("/").status, 200);
    fs::remove(tempPem);
    fs::remove_all(dir);
}

// Makes sure RFC 8414 metadata is served where §3.1 puts it and in the suffix form, with an issuer equal to the
// URL it was fetched under, and on a utility's own host name; an unknown utility is a JSON 404.
// Example failure: the issuer naming the utility host while fetched by path (discovery clients reject it).
TEST(Integrator, AuthorizationServerMetadata)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    HttpDriver http(sim->url());
    for (const std::string path : {"/.well-known/oauth-authorization-server/DataCustodian/ESSEX",
                                   "/DataCustodian/ESSEX/.well-known/oauth-authorization-server"}) {
        const Reply r = http.get(path);
        ASSERT_EQ(r.status, 200) << path;
        const auto m = json(r);
        EXPECT_EQ(m["issuer"], sim->url() + "/DataCustodian/ESSEX");
        EXPECT_EQ(m["authorization_endpoint"], sim->url() + "/DataCustodian/ESSEX/oauth/authorize");
        EXPECT_EQ(m["token_endpoint"], sim->url() + "/DataCustodian/ESSEX/oauth/token");
        EXPECT_EQ(m["code_challenge_methods_supported"][0], "S256");
        EXPECT_EQ(m["response_types_supported"][0], "code");
    }
    const auto issuer = json(http.get("/.well-known/oauth-authorization-server/DataCustodian/ESSEX"))["issuer"].get<std::string>();
    const Reply viaIssuer = http.get(json(http.get("/.well-known/oauth-authorization-server/DataCustodian/ESSEX"))
                                         ["authorization_endpoint"].get<std::string>().substr(sim->url().size()) +
                                     "?client_id=ESSEX_ccccccccc");
    EXPECT_NE(viaIssuer.status, 404) << "the advertised endpoint is served";
    const Reply byHost = http.get("/.well-known/oauth-authorization-server", {{"Host", "greenbutton.essexpowerlines.ca"}});
    ASSERT_EQ(byHost.status, 200) << byHost.body;
    EXPECT_EQ(json(byHost)["issuer"], "http://greenbutton.essexpowerlines.ca");
    EXPECT_EQ(json(byHost)["token_endpoint"], "http://greenbutton.essexpowerlines.ca/oauth/token");
    const Reply unknown = http.get("/.well-known/oauth-authorization-server/DataCustodian/NOWHERE");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.contentType, "application/json");
    EXPECT_EQ(issuer, sim->url() + "/DataCustodian/ESSEX");
}

// Makes sure JSON routes answer JSON errors (404, malformed body), and an empty POST without Content-Length is a
// zero-length body (RFC 9112 §6.3), not a 400. Example failure: an HTML "Not found" page under /__sim or /api.
TEST(Integrator, BadInputAnswersJson)
{
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    HttpDriver http(sim->url());
    for (const char* path : {"/__sim/nothing-here", "/api/v2/nothing-here", "/api/nothing"}) {
        const Reply r = http.get(path);
        EXPECT_EQ(r.status, 404) << path;
        EXPECT_EQ(r.contentType, "application/json") << path;
        EXPECT_TRUE(json(r).contains("error")) << path << " " << r.body.substr(0, 80);
    }
    const Reply notJson = http.postRaw("/__sim/clients/ESSEX_ccccccccc/mode", "{mode", "application/json");
    EXPECT_EQ(notJson.status, 400);
    EXPECT_EQ(notJson.contentType, "application/json");
    const Reply badFault = http.postRaw("/__sim/faults", R"({"faults": [{"kind": "meteor"}]})", "application/json");
    EXPECT_EQ(badFault.status, 400);
    EXPECT_EQ(json(badFault)["pointer"], "/faults/0/kind");
    const RawExchange empty = rawExchange(sim->port(), "POST /__sim/notifications/flush HTTP/1.1\r\nHost: x\r\n"
                                                      "Connection: close\r\n\r\n", 3000);
    EXPECT_EQ(empty.head.rfind("HTTP/1.1 200", 0), 0u) << empty.head;
    const RawExchange emptyNoAdmin = rawExchange(sim->port(), "POST /DataCustodian/essex/oauth/token HTTP/1.1\r\n"
                                                             "Host: x\r\nConnection: close\r\n\r\n", 3000);
    EXPECT_EQ(emptyNoAdmin.head.rfind("HTTP/1.1 4", 0), 0u) << emptyNoAdmin.head;
    EXPECT_NE(emptyNoAdmin.body.find("\"error\""), std::string::npos) << "an OAuth JSON error, not 'could not be read': "
                                                                       << emptyNoAdmin.body;
}

// Makes sure a registered app's webhookUrl gets signed deliveries, and an outbound fault script fails a delivery
// without sending it (the journal shows the scripted status). Example failure: the registered client missing from
// the notifier's client list, so no delivery is ever made.
TEST(Integrator, WebhookToRegisteredAppAndOutboundFault)
{
    httplib::Server receiver;
    std::mutex mutex;
    std::vector<httplib::Request> posts;
    receiver.Post(".*", [&](const httplib::Request& req, httplib::Response&) {
        std::lock_guard lock(mutex);
        posts.push_back(req);
    });
    const int port = receiver.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { receiver.listen_after_bind(); });
    auto sim = startSim();
    ASSERT_NE(sim, nullptr);
    HttpDriver http(sim->url());
    const std::string hook = "http://127.0.0.1:" + std::to_string(port) + "/hooks/gb";
    ASSERT_EQ(http.postRaw("/__sim/clients", R"({"utility": "EPE", "clientId": "hook-app", "redirectUris": ["http://localhost/cb"],
        "webhookUrl": ")" + hook + "\"}", "application/json").status, 201);
    auto pingAndFlush = [&] {
        ASSERT_EQ(http.postRaw("/__sim/notifications/ping", R"({"client_id": "hook-app"})", "application/json").status, 200);
        ASSERT_EQ(http.postRaw("/__sim/notifications/flush", "", "application/json").status, 200);
    };
    pingAndFlush();
    {
        std::lock_guard lock(mutex);
        ASSERT_EQ(posts.size(), 1u);
        EXPECT_NE(posts[0].body.find("ping"), std::string::npos) << posts[0].body;
        EXPECT_FALSE(posts[0].get_header_value("X-UtilityAPI-Webhook-Signature").empty());
    }
    ASSERT_EQ(http.postRaw("/__sim/faults", R"({"faults": [{"kind": "status", "status": 500, "direction": "outbound",
        "path": "/hooks/*", "count": 1}]})", "application/json").status, 200);
    pingAndFlush();
    {
        std::lock_guard lock(mutex);
        EXPECT_EQ(posts.size(), 1u) << "the faulted delivery is not sent";
    }
    const auto journal = json(http.get("/__sim/notifications"));
    ASSERT_FALSE(journal["attempts"].empty());
    bool scripted = false;
    for (const auto& a : journal["attempts"])
        scripted = scripted || (a["client_id"] == "hook-app" && a["status"] == 500);
    EXPECT_TRUE(scripted) << journal.dump();
    receiver.stop();
    serving.join();
}

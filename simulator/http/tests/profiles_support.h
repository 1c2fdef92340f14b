// Test support for the custodian profiles over real HTTP: an in-process gbc-sim, an EPE OAuth walk, the admin
// switches, and a loopback listener that records what the simulator POSTs (BatchList, webhooks).
#pragma once

#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <thread>

#include "catalogue_loader.h"
#include "flow_driver.h"
#include "sim_server.h"

namespace gbc::simtest {

inline constexpr const char* kEpeClient = "EPE_ccccccccc";
inline constexpr const char* kEpeRedirect = "http://localhost:1234/callback";
inline constexpr const char* kEspi = "/DataCustodian/espi/1_1/resource/";

// Records every POST it receives; port 0, serves on its own thread.
class Listener {
public:
    Listener()
    {
        server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            bodies_.push_back(req.body);
            res.status = 200;
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~Listener()
    {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/notify"; }
    std::vector<std::string> bodies()
    {
        std::lock_guard lock(mutex_);
        return bodies_;
    }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<std::string> bodies_;
};

struct Tokens {
    std::string access, refresh, subscription;
    nlohmann::json raw;
};

class ProfileServerTest : public ::testing::Test {
public:
    static SimServerOptions options(std::vector<std::string> profiles = {})
    {
        SimServerOptions o;
        o.catalogue = std::make_shared<const Catalogue>(builtinCatalogue().value());
        o.profiles = std::move(profiles);
        return o;
    }
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server_.start("127.0.0.1", 0).ok());
        driver_ = std::make_unique<HttpDriver>(server_.baseUrl());
    }
    HttpDriver& http() { return *driver_; }
    void TearDown() override { server_.stop(); }

    Reply setProfiles(const std::string& json, const std::string& client = kEpeClient)
    {
        return http().postRaw("/__sim/clients/" + client + "/profiles", json, "application/json");
    }
    void advance(const std::string& duration)
    {
        ASSERT_EQ(http().postRaw("/__sim/clock", R"({"advance":")" + duration + "\"}", "application/json").status, 200);
    }
    void flush() { ASSERT_EQ(http().postRaw("/__sim/notifications/flush", "", "application/json").status, 200); }

    // The authorize walk for EPE's residential test customer; "" when it did not end with a code.
    std::string authorizeCode(const std::string& scope = "FB=4_5_15;AdditionalScope=auth-test-test_residential")
    {
        return queryValue(authorizeLocation(scope), "code");
    }
    std::string authorizeLocation(const std::string& scope)
    {
        const std::string target = "/DataCustodian/epe/oauth/authorize?" +
            formatUrlEncoded({{"response_type", "code"}, {"client_id", kEpeClient}, {"redirect_uri", kEpeRedirect},
                              {"scope", scope}});
        return walkAuthorize(http(), target, {}).location;
    }
    Reply token(Fields fields, bool basic = true)
    {
        if (!basic) {
            fields.push_back({"client_id", kEpeClient});
            fields.push_back({"client_secret", "sandbox_secret"});
        }
        return http().postForm("/DataCustodian/epe/oauth/token", fields,
                              basic ? basicAuth(kEpeClient, "sandbox_secret") : httplib::Headers{});
    }
    Tokens tokens(bool basic = true)
    {
        const Reply r = token({{"grant_type", "authorization_code"}, {"code", authorizeCode()}, {"redirect_uri", kEpeRedirect}}, basic);
        Tokens t;
        EXPECT_EQ(r.status, 200) << r.body;
        if (r.status != 200)
            return t;
        t.raw = nlohmann::json::parse(r.body);
        t.access = t.raw.value("access_token", "");
        t.refresh = t.raw.value("refresh_token", "");
        const std::string uri = t.raw.value("resourceURI", "");
        t.subscription = uri.substr(uri.rfind('/') + 1);
        return t;
    }
    Reply espi(const std::string& relative, const std::string& access)
    {
        return http().get(std::string(kEspi) + relative, {{"Authorization", "Bearer " + access}});
    }
    static std::size_t count(const std::string& text, const std::string& what)
    {
        std::size_t n = 0;
        for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
            ++n;
        return n;
    }

    SimServer server_{options()};
    std::unique_ptr<HttpDriver> driver_;
};

} // namespace gbc::simtest

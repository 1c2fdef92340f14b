// Shared fixture of the API module's HTTP integration tests: an in-process SimServer on port 0 with a fixed clock,
// an OAuth walk that yields an access token, and JSON helpers.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalogue_loader.h"
#include "flow_driver.h"
#include "sim_server.h"

namespace gbc::apitest {

using simtest::Fields;
using simtest::HttpDriver;
using simtest::Reply;

inline constexpr EpochSeconds kStart = 1750000000; // 2025-06-15T15:06:40Z

inline httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

inline std::string apiToken(const std::string& utility)
{
    std::string lower = utility;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower + "_sandbox_api_token_0001";
}

inline nlohmann::json json(const Reply& r) { return nlohmann::json::parse(r.body, nullptr, false); }

struct Grant {
    std::string accessToken, subscriptionId;
};

class ApiHttp : public ::testing::Test {
protected:
    void SetUp() override
    {
        SimServerOptions o;
        Catalogue catalogue = builtinCatalogue().value();
        for (Utility& u : catalogue.utilities)
            if (u.id == "EPE") { // one real (non-test) customer, reachable only by live registrations
                Customer real = u.customers.front();
                real.id = "epe-real";
                real.test = false;
                real.identities = {};
                real.identities.login.push_back({"real_customer", "real_password"});
                u.customers.push_back(real);
            }
        o.catalogue = std::make_shared<const Catalogue>(std::move(catalogue));
        clock_ = std::make_shared<FixedClock>(kStart);
        o.clock = clock_;
        server_ = std::make_unique<SimServer>(o);
        ASSERT_TRUE(server_->start("127.0.0.1", 0).ok());
        http_ = std::make_unique<HttpDriver>(server_->baseUrl());
    }
    void TearDown() override { server_->stop(); }

    Reply get(const std::string& target, const std::string& utility = "EPE") { return http_->get(target, bearer(apiToken(utility))); }
    Reply post(const std::string& path, const nlohmann::json& body, const std::string& utility = "EPE")
    {
        return http_->postRaw(path, body.dump(), "application/json", bearer(apiToken(utility)));
    }
    Reply admin(const std::string& path, const nlohmann::json& body) { return http_->postRaw(path, body.dump(), "application/json"); }
    std::string submit(const std::string& utility, const std::string& scenario = "residential")
    {
        const Reply r = post("/api/v2/forms/form-" + utility + "_ccccccccc/test-submit", {{"scenario", scenario}}, utility);
        EXPECT_EQ(r.status, 200) << r.body;
        return json(r).value("authorization_uid", "");
    }

    // The OAuth flow with a test-account hint, then the code exchange: what a GBC third party holds afterwards.
    Grant oauthGrant(const std::string& utility, const std::string& account = "test_residential")
    {
        const std::string redirect = "http://127.0.0.1:61000/callback";
        const std::string target = "/DataCustodian/" + utility + "/oauth/authorize?" +
                                   formatUrlEncoded({{"response_type", "code"}, {"client_id", utility + "_ccccccccc"},
                                                     {"redirect_uri", redirect}, {"state", "st"},
                                                     {"scope", "FB=4_16_51;AdditionalScope=auth-test-" + account}});
        const auto walk = simtest::walkAuthorize(*http_, target, {});
        const std::string code = simtest::queryValue(walk.location, "code");
        EXPECT_FALSE(code.empty()) << walk.location << " " << walk.dataError;
        const Reply token = http_->postForm("/DataCustodian/" + utility + "/oauth/token",
                                            {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirect}},
                                            simtest::basicAuth(utility + "_ccccccccc", "sandbox_secret"));
        EXPECT_EQ(token.status, 200) << token.body;
        const nlohmann::json t = json(token);
        const std::string resource = t.value("resourceURI", "");
        return {t.value("access_token", ""), resource.substr(resource.rfind('/') + 1)};
    }

    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<SimServer> server_;
    std::unique_ptr<HttpDriver> http_;
};

} // namespace gbc::apitest

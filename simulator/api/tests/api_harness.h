// Test harness for the API module without sockets: built-in catalogue (plus a live-mode client and a non-test
// customer), a fixed clock, the fake directory, and a dispatcher that matches routes like the server does.
#pragma once

#include <memory>
#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api_routes.h"
#include "catalogue_loader.h"
#include "fake_directory.h"

namespace gbc {

inline constexpr EpochSeconds kHarnessStart = 1750000000; // 2025-06-15T15:06:40Z
inline constexpr const char* kEpeToken = "epe_sandbox_api_token_0001";
inline constexpr const char* kDemoToken = "demoutility_sandbox_api_token_0001";

// Records every outbound request and answers with a scripted status.
class RecordingOutbound : public OutboundHttp {
public:
    OutboundResponse send(const OutboundRequest& r) override
    {
        sent.push_back(r);
        OutboundResponse res;
        res.status = status;
        return res;
    }
    std::vector<OutboundRequest> sent;
    int status = 200;
};

inline Catalogue harnessCatalogue()
{
    auto c = builtinCatalogue();
    EXPECT_TRUE(c) << (c ? "" : c.error().describe());
    Catalogue cat = c.value();
    for (Utility& u : cat.utilities) {
        if (u.id == "PGE") {
            Customer real = u.customers.front();
            real.id = "pge-real";
            real.test = false;
            real.identities = {};
            real.identities.login.push_back({"real_customer", "real_password"});
            u.customers.push_back(real);
        }
        if (u.id != "EPE")
            continue;
        Customer real = u.customers.front();
        real.id = "epe-real";
        real.test = false;
        real.identities = {};
        real.identities.login.push_back({"real_customer", "real_password"});
        u.customers.push_back(real);
        Customer errored = u.customers.front();
        errored.id = "epe-odr-errored";
        errored.scenario = "residential_odr_errored";
        errored.identities = {};
        u.customers.push_back(errored);
    }
    return cat;
}

struct ApiResponse {
    int status = 0;
    std::string contentType;
    std::string body;
    nlohmann::json json;
    std::vector<std::pair<std::string, std::string>> headers;

    std::string header(const std::string& name) const
    {
        for (const auto& [k, v] : headers)
            if (k == name)
                return v;
        return "";
    }
};

class ApiHarness {
public:
    explicit ApiHarness(ApiOptions options = {})
        : catalogue(harnessCatalogue()), clock(kHarnessStart), directory(catalogue),
          ctx{catalogue, clock, directory, 1, {}, {}}
    {
        outbound = std::make_shared<RecordingOutbound>();
        if (!options.outbound)
            options.outbound = outbound;
        options.backgroundPump = false;
        routes = apiRoutesWith(ctx, options);
    }

    ApiResponse call(const std::string& method, const std::string& path, std::multimap<std::string, std::string> query = {},
                     const std::string& token = kEpeToken, const std::string& body = "",
                     std::multimap<std::string, std::string> form = {})
    {
        HttpRequest req;
        req.form = std::move(form);
        req.method = method;
        req.path = path;
        req.host = "127.0.0.1:8080";
        req.query = std::move(query);
        req.body = body;
        if (!token.empty())
            req.headers["authorization"] = "Bearer " + token;
        for (const Route& r : routes) {
            std::smatch m;
            if (r.method != method || !std::regex_match(path, m, std::regex(r.pattern)))
                continue;
            for (const auto& part : m)
                req.pathMatches.push_back(part.str());
            const HttpAnswer a = r.handler(req);
            ApiResponse res{a.status, a.contentType, a.body,
                            parseAnswers ? nlohmann::json::parse(a.body, nullptr, false) : nlohmann::json(), a.headers};
            return res;
        }
        return ApiResponse{404, "", "", nlohmann::json(), {}};
    }
    ApiResponse get(const std::string& path, std::multimap<std::string, std::string> query = {}, const std::string& token = kEpeToken)
    {
        return call("GET", path, std::move(query), token);
    }
    ApiResponse post(const std::string& path, const nlohmann::json& body, const std::string& token = kEpeToken)
    {
        return call("POST", path, {}, token, body.dump());
    }

    // An HTML form POST without API token.
    ApiResponse submitForm(const std::string& path, std::multimap<std::string, std::string> form)
    {
        return call("POST", path, {}, "", "", std::move(form));
    }

    // A test-submit authorization for the scenario; returns its uid.
    std::string submit(const std::string& scenario, const std::string& token = kEpeToken, const std::string& form = "form-EPE_ccccccccc")
    {
        auto r = post("/api/v2/forms/" + form + "/test-submit", {{"scenario", scenario}}, token);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json.value("authorization_uid", "");
    }

    Catalogue catalogue;
    FixedClock clock;
    FakeDirectory directory;
    SimContext ctx;
    std::shared_ptr<RecordingOutbound> outbound;
    std::vector<Route> routes;
    bool parseAnswers = true; // the benchmark turns this off to time the handlers alone
};

} // namespace gbc

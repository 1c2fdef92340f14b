// Shared fixture for the OAuth core units: a small catalogue, a fixed clock, a store and request builders.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>

#include "catalogue_loader.h"
#include "oauth_authorize.h"
#include "oauth_token.h"
#include "sim_store.h"
#include "url_codec.h"

namespace gbc::oauthtest {

// MOCKU: lastbill (default), sso, phone and test; a sandbox and a live client; a test residential customer, a
// non-test customer whose data takes 900 s to collect, and a badlogin customer.
inline const char* kMockScenarios = R"({"scenarios": {
  "residential": {"outcome": "customer", "profile": "residential", "collectionDelaySeconds": 0, "odr": {"waitingAfterSeconds": 5, "pendingAfterSeconds": 20, "updatedAfterSeconds": 80, "ttlSeconds": 900, "result": "updated"}},
  "slow": {"outcome": "customer", "profile": "residential", "collectionDelaySeconds": 900, "odr": {"waitingAfterSeconds": 5, "pendingAfterSeconds": 20, "updatedAfterSeconds": 80, "ttlSeconds": 900, "result": "updated"}},
  "badlogin": {"outcome": "customer_not_found"}}})";

inline const char* kMockUtility = R"({"id": "MOCKU", "name": "Mock <Utility>", "host": "greenbutton.mocku.test",
  "timeZone": {"name": "UTC", "tzOffset": 0, "dstOffset": 0, "dstStartRule": "FFFFFFFF", "dstEndRule": "FFFFFFFF"},
  "currency": 840, "auth": {"default": "lastbill", "allowed": ["lastbill", "sso", "phone", "test"]},
  "clients": [
    {"clientId": "MOCKU_sandbox01", "clientSecret": "sandbox_secret", "company": "Sandbox & Co", "mode": "sandbox",
     "redirectUris": ["http://127.0.0.1/callback", "https://app.example/cb"], "apiToken": "mocku_api", "registrationToken": "mocku_reg"},
    {"clientId": "MOCKU_live00001", "clientSecret": "live_secret", "company": "Live Co", "mode": "live",
     "redirectUris": ["https://live.example/cb"], "apiToken": "mocku_live_api", "registrationToken": "mocku_live_reg"}],
  "customers": [
    {"id": "res", "scenario": "residential", "test": true, "name": "Heather",
     "accounts": [{"number": "111-1", "address": "1 MAIN ST", "services": [{"kind": "electric", "meterNumber": "E1"},
                                                                          {"kind": "gas", "meterNumber": "G1"}]}],
     "identities": {"lastbill": [{"account": "111-1", "amount": "100.0", "date": "2023-07-01"}], "test": ["test_residential"],
                    "login": [{"username": "test_residential", "password": "pw_res"}], "phone": ["+11111111111"]}},
    {"id": "real", "scenario": "slow", "test": false, "name": "Real Person",
     "accounts": [{"number": "555-5", "address": "5 ELM ST", "services": [{"kind": "electric", "meterNumber": "E5"}]}],
     "identities": {"lastbill": [{"account": "555-5", "amount": "55.55", "date": "2023-05-05"}],
                    "login": [{"username": "real_person", "password": "pw_real"}]}},
    {"id": "bad", "scenario": "badlogin", "test": true,
     "identities": {"lastbill": [{"account": "333-3", "amount": "300.0", "date": "2023-07-03"}], "test": ["test_badlogin"],
                    "login": [{"username": "test_badlogin", "password": "test_badlogin"}]}}]})";

inline Catalogue mockCatalogue()
{
    auto r = loadCatalogue({"scenarios.json", kMockScenarios}, {{"utilities/mocku.json", kMockUtility}});
    if (!r)
        throw std::runtime_error(r.error().describe());
    return *r;
}

inline constexpr EpochSeconds kStart = 1749988800; // 2025-06-15T12:00:00Z

class OAuthFixture : public ::testing::Test {
protected:
    OAuthFixture()
        : catalogue_(mockCatalogue()),
          clock_(kStart), store_(catalogue_, 7), ctx_{catalogue_, clock_, store_, 7, {}, {}}
    {
    }

    const Utility& utility() const { return *catalogue_.findUtility("MOCKU"); }

    HttpRequest get(const std::string& query)
    {
        HttpRequest r;
        r.method = "GET";
        r.path = "/DataCustodian/mocku/oauth/authorize";
        r.host = "127.0.0.1:8080";
        r.query = parseUrlEncoded(query, "query").value();
        return r;
    }
    HttpRequest post(const std::string& path, const std::string& body, const std::string& basic = "")
    {
        HttpRequest r;
        r.method = "POST";
        r.path = path;
        r.host = "127.0.0.1:8080";
        r.headers["content-type"] = "application/x-www-form-urlencoded";
        if (!basic.empty())
            r.headers["authorization"] = "Basic " + basic;
        r.body = body;
        r.form = parseUrlEncoded(body, "body").value();
        return r;
    }

    HttpAnswer authorize(const std::string& query) { return handleAuthorizeGet(ctx_, store_, utility(), get(query)); }
    HttpAnswer step(const std::string& body)
    {
        return handleAuthorizePost(ctx_, store_, utility(), post("/DataCustodian/mocku/oauth/authorize", body));
    }
    // base64("MOCKU_sandbox01:sandbox_secret")
    static std::string sandboxBasic() { return "TU9DS1Vfc2FuZGJveDAxOnNhbmRib3hfc2VjcmV0"; }
    HttpAnswer token(const std::string& body, const std::string& basic = sandboxBasic())
    {
        return handleToken(ctx_, store_, utility(), post("/DataCustodian/mocku/oauth/token", body, basic));
    }

    static std::string header(const HttpAnswer& a, const std::string& name)
    {
        for (const auto& [k, v] : a.headers)
            if (k == name)
                return v;
        return {};
    }
    static std::string flowId(const HttpAnswer& a) { return match(a.body, R"re(name="flow" value="([0-9a-f]+)")re"); }
    static std::string dataError(const HttpAnswer& a) { return match(a.body, R"re(id="error" data-error="([a-z_]+)")re"); }
    static std::string queryParam(const std::string& location, const std::string& name)
    {
        return match(location, "[?&]" + name + "=([^&]*)");
    }
    static std::string match(const std::string& text, const std::string& re)
    {
        std::smatch m;
        return std::regex_search(text, m, std::regex(re)) ? m[1].str() : std::string();
    }

    // Runs auth-test-<account> to consent and approves; returns the Location (empty when no redirect).
    std::string approvedRedirect(const std::string& extraQuery = "", const std::string& account = "test_residential")
    {
        const HttpAnswer consent = authorize("response_type=code&client_id=MOCKU_sandbox01&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback"
                                             "&state=s1&scope=FB%3D4_51%3BAdditionalScope%3Dauth-test-" + account + extraQuery);
        const HttpAnswer done = step("flow=" + flowId(consent) + "&service=0&service=1&decision=approve");
        return header(done, "Location");
    }
    std::string approvedCode(const std::string& extraQuery = "")
    {
        return queryParam(approvedRedirect(extraQuery), "code");
    }

    Catalogue catalogue_;
    FixedClock clock_;
    SimStore store_;
    SimContext ctx_;
};

} // namespace gbc::oauthtest

// The target file: endpoints, credentials, TLS options, login script and plan variants of a Data Custodian under test.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "result.h"

namespace gbc {

enum class LoginAction { Open, Fill, FillFromElement, Submit, Choose };

// One declarative login-script step (see conformance/runner/TARGET.md). Values may use ${var}.
struct LoginStep {
    LoginAction action = LoginAction::Open;
    std::map<std::string, std::string> fields; // fill: name -> value; choose: button name -> value
    std::string field;                         // fillFromElement: the form field to set
    std::string elementId;                     // fillFromElement: id of the element holding the value
    std::string attribute;                     // fillFromElement: attribute to read ("" = text content)
    std::string formId;                        // submit: pick this form ("" = the one holding the filled fields)
    std::string where;                         // location in the target file, for error messages
};

// The consent-page button pressed for one decision: ${decision_name} and ${decision} in the login script.
struct ConsentChoice {
    std::string name = "decision";
    std::string value;
};

struct OAuthConfig {
    std::string authorizeUrl, tokenUrl, revokeUrl;
    std::string clientId, clientSecret;
    std::string scope;
    std::string clientCredentialsScope = "FB=1_3_35"; // scope asked with grant_type=client_credentials
    ConsentChoice approve{"decision", "approve"}, decline{"decision", "decline"};
    std::string secondClientId, secondClientSecret; // optional second registered client (cross-client checks)
    std::string redirectUri = "http://127.0.0.1:0/callback"; // loopback: the runner listens there (0 = any port)
    bool pkce = true;
};

// The default batch window: one complete billing period ends inside any 35 days, so a monthly UsageSummary
// (FB 15/16, published at the period's end) is in the window whatever the day of the month.
inline constexpr int kSummaryWindowDays = 35;

struct EspiConfig {
    std::string resourceBase; // ".../DataCustodian/espi/1_1/resource"
    std::string registrationToken;
    std::string applicationInformationUrl;
    std::string functionBlocks; // FBs to validate feeds against, e.g. "1_4_5_15" ("" = from the granted scope)
    int windowDays = kSummaryWindowDays; // days of data fetched with published-min/max
    // Set by `run --schema DIR | --no-schema` (not target-file keys): the XSD for ESPI-XSD-001 on every fetched
    // document, or why that check SKIPs.
    std::string schemaFile;
    std::string schemaSkipReason;
};

struct JsonApiConfig {
    std::string base; // ".../api/v2"
    std::string token;
};

struct OdrConfig {
    std::string url;        // "" = the target has no On-Demand Read API (ODR checks SKIP)
    int maxWaitSeconds = 0; // real targets: how long to poll for the lifecycle to finish
    // Seconds after the first request at which the read is polled (strictly increasing); dense enough to see every
    // state of the seed lifecycle (waiting after 5 s, pending after 20 s, updated after 80 s).
    std::vector<int> pollSeconds = {3, 6, 10, 15, 21, 30, 45, 60, 75, 81, 100, 120, 180, 300, 600};
};

struct EndpointConfig {
    OAuthConfig oauth;
    EspiConfig espi;
    JsonApiConfig jsonApi;
    OdrConfig odr;
    std::string caFile;
    bool insecure = false;
    int timeoutMs = 10000;
    int retryWaitSeconds = 120; // target time the runner waits on 202/429 + Retry-After for one URL, in total
    std::string clockUrl; // simulator clock control (POST {"advance": "PT15M"}); "" = real time only
    std::vector<LoginStep> login;
};

enum class Expectation { Authorized, NoCode };

struct VariantSpec {
    std::string id; // "ESSEX/lastbill/residential"
    std::string utility, auth, scenario, description;
    Expectation expect = Expectation::Authorized;
    std::map<std::string, std::string> vars; // login-script variables
    EndpointConfig config;
};

struct Target {
    std::string name;
    std::string file;
    std::vector<VariantSpec> variants;
};

Result<Target> parseTarget(const std::string& text, const std::string& file);
Result<Target> loadTargetFile(const std::string& path);

// Replaces ${name} with vars[name]; unknown names are left as written.
std::string substituteVars(const std::string& text, const std::map<std::string, std::string>& vars);

} // namespace gbc

// Simulator target synthesis: endpoints per utility, sandbox client, and a variant per identity of each auth type.
#include "sim_target.h"

#include <algorithm>
#include <cctype>

namespace gbc {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

LoginStep step(LoginAction a, std::map<std::string, std::string> fields = {}, std::string field = "",
    std::string element = "")
{
    LoginStep s;
    s.action = a;
    s.fields = std::move(fields);
    s.field = std::move(field);
    s.elementId = std::move(element);
    s.where = "simulator login script";
    return s;
}

// Login-script variables for the first identity of `type` on `customer`; nullopt when it has none.
std::optional<std::map<std::string, std::string>> identityVars(const Customer& c, AuthType type)
{
    const Identities& id = c.identities;
    auto one = [](const std::vector<std::string>& v, const char* name) -> std::optional<std::map<std::string, std::string>> {
        if (v.empty())
            return std::nullopt;
        return std::map<std::string, std::string>{{name, v.front()}};
    };
    switch (type) {
    case AuthType::Lastbill:
        if (id.lastbill.empty())
            return std::nullopt;
        return std::map<std::string, std::string>{{"account_number", id.lastbill[0].account},
            {"bill_amount", id.lastbill[0].amount}, {"bill_date", id.lastbill[0].date}};
    case AuthType::Test: return one(id.test, "test_account");
    case AuthType::Sso:
        if (id.login.empty())
            return std::nullopt;
        return std::map<std::string, std::string>{{"username", id.login[0].username}, {"password", id.login[0].password}};
    case AuthType::Account: return one(id.account, "lookup_value");
    case AuthType::Phone: return one(id.phone, "lookup_value");
    case AuthType::Email: return one(id.email, "lookup_value");
    case AuthType::Address: return one(id.address, "lookup_value");
    case AuthType::Proxy: return std::nullopt;
    }
    return std::nullopt;
}

EndpointConfig utilityConfig(const Utility& u, const Client& client, const std::string& origin)
{
    EndpointConfig c;
    const std::string oauth = origin + "/DataCustodian/" + lower(u.id) + "/oauth/";
    c.oauth.authorizeUrl = oauth + "authorize";
    c.oauth.tokenUrl = oauth + "token";
    c.oauth.revokeUrl = oauth + "revoke";
    c.oauth.clientId = client.clientId;
    c.oauth.clientSecret = client.clientSecret;
    c.oauth.redirectUri = "http://127.0.0.1:0/callback";
    c.espi.resourceBase = origin + "/DataCustodian/espi/1_1/resource";
    c.espi.registrationToken = client.registrationToken;
    c.jsonApi.base = origin + "/api/v2";
    c.jsonApi.token = client.apiToken;
    if (u.odr)
        c.odr.url = origin + "/api/" + lower(u.id) + "/odr";
    c.clockUrl = origin + "/__sim/clock";
    c.insecure = origin.rfind("https://", 0) == 0; // gbc-sim --tls makes a fresh self-signed certificate at start
    c.timeoutMs = 10000;
    c.retryWaitSeconds = 3600; // the simulator's clock is advanced, so waiting out a slow collection costs nothing
    return c;
}

} // namespace

std::vector<LoginStep> simLoginScript(AuthType type)
{
    const LoginStep open = step(LoginAction::Open), submit = step(LoginAction::Submit);
    const LoginStep choose = step(LoginAction::Choose, {{"decision", "${decision}"}});
    switch (type) {
    case AuthType::Lastbill:
        return {open, step(LoginAction::Fill, {{"account_number", "${account_number}"}, {"bill_amount", "${bill_amount}"},
                          {"bill_date", "${bill_date}"}}), submit, choose};
    case AuthType::Test: return {open, choose};
    case AuthType::Sso:
        return {open, step(LoginAction::Fill, {{"username", "${username}"}, {"password", "${password}"}}), submit, choose};
    case AuthType::Account:
    case AuthType::Phone:
    case AuthType::Email:
    case AuthType::Address:
        return {open, step(LoginAction::Fill, {{"lookup_value", "${lookup_value}"}}), submit,
            step(LoginAction::FillFromElement, {}, "otp", "sandbox-otp"), submit, choose};
    case AuthType::Proxy: return {};
    }
    return {};
}

Result<Target> simulatorTarget(const Catalogue& catalogue, const std::string& origin, const std::string& utility)
{
    Target t;
    t.name = "gbc-sim" + (utility.empty() ? std::string() : " " + utility);
    t.file = "(simulator)";
    for (const Utility& u : catalogue.utilities) {
        if (!utility.empty() && lower(u.id) != lower(utility))
            continue;
        const auto client = std::find_if(u.clients.begin(), u.clients.end(),
            [](const Client& c) { return c.mode == ClientMode::Sandbox; });
        if (client == u.clients.end())
            continue;
        for (AuthType type : u.allowedAuth) {
            if (simLoginScript(type).empty())
                continue;
            for (const Customer& c : u.customers) {
                std::optional<std::map<std::string, std::string>> vars = identityVars(c, type);
                const Scenario* scenario = catalogue.findScenario(c.scenario);
                if (!vars || !c.test || !scenario)
                    continue;
                VariantSpec v;
                v.id = u.id + "/" + toString(type) + "/" + c.scenario;
                for (const VariantSpec& other : t.variants)
                    if (other.id == v.id)
                        v.id += "/" + c.id;
                v.utility = u.id;
                v.auth = toString(type);
                v.scenario = c.scenario;
                v.description = u.name + ": " + scenario->description;
                v.expect = scenario->customerFound ? Expectation::Authorized : Expectation::NoCode;
                v.vars = *vars;
                v.config = utilityConfig(u, *client, origin);
                const std::string hint = type == AuthType::Test ? "auth-test-" + vars->at("test_account")
                                                                 : std::string("auth-") + toString(type);
                v.config.oauth.scope = "FB=1_4_5_15_16_51;AdditionalScope=" + hint;
                v.config.login = simLoginScript(type);
                t.variants.push_back(std::move(v));
            }
        }
    }
    if (t.variants.empty())
        return Error{"sim.utility", utility, "no utility with sandbox test accounts matches '" + utility +
            "' (see gbc-sim scenarios)"};
    return t;
}

} // namespace gbc

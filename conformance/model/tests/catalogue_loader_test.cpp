// Tests of the catalogue loader: the built-in catalogue holds the seed facts, and each bad file is rejected with a location.
#include "catalogue_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace gbc;
using ::testing::HasSubstr;

namespace {

const Catalogue& builtin()
{
    static const Catalogue cat = [] {
        auto r = builtinCatalogue();
        if (!r)
            throw std::runtime_error(r.error().describe());
        return *r;
    }();
    return cat;
}

const Customer* customerByTest(const Utility& u, const std::string& name)
{
    for (const Customer& c : u.customers)
        for (const std::string& t : c.identities.test)
            if (t == name)
                return &c;
    return nullptr;
}

std::size_t serviceCount(const Customer& c)
{
    std::size_t n = 0;
    for (const Account& a : c.accounts)
        n += a.services.size();
    return n;
}

const char* kScenarios = R"({"scenarios": {
  "residential": {"outcome": "customer", "profile": "residential",
    "odr": {"waitingAfterSeconds": 1, "pendingAfterSeconds": 2, "updatedAfterSeconds": 3, "ttlSeconds": 10, "result": "updated"}},
  "badlogin": {"outcome": "customer_not_found"}}})";

std::string utility(const std::string& customers, const std::string& extra = "")
{
    return R"({"id": "TESTU", "name": "Test Utility", "host": "t.example", )" + extra +
           R"("timeZone": {"name": "UTC", "tzOffset": 0, "dstOffset": 0, "dstStartRule": "FFFFFFFF", "dstEndRule": "FFFFFFFF"},
        "currency": 840, "auth": {"default": "test", "allowed": ["test"]},
        "clients": [{"clientId": "TESTU_ccccccccc", "clientSecret": "s", "company": "C", "mode": "sandbox",
                     "redirectUris": [], "apiToken": "a", "registrationToken": "r"}],
        "customers": )" + customers + "}";
}

const char* kGoodCustomer = R"({"id": "c1", "scenario": "residential", "accounts": [{"number": "1",
    "services": [{"kind": "electric", "meterNumber": "m1"}]}], "identities": {"test": ["test_residential"]}})";

Error loadError(const std::string& utilityText)
{
    auto r = loadCatalogue({"scenarios.json", kScenarios}, {{"utilities/testu.json", utilityText}});
    EXPECT_FALSE(r.ok()) << "the loader accepted a bad file";
    return r.ok() ? Error{} : r.error();
}

} // namespace

// Makes sure the built-in catalogue has every seed utility. Example failure: SCE missing.
TEST(BuiltinCatalogue, HasEverySeedUtility)
{
    for (const char* id : {"ESSEX", "SSMPUC", "EPE", "DEMOUTILITY", "PGE", "SCE"}) {
        const Utility* u = builtin().findUtility(id);
        ASSERT_NE(u, nullptr) << id;
        const std::string clientId = std::string(id) + "_ccccccccc";
        const Client* c = u->findClient(clientId);
        ASSERT_NE(c, nullptr) << clientId;
        EXPECT_EQ(c->clientSecret, "sandbox_secret");
        EXPECT_EQ(c->company, "Test Company");
        EXPECT_EQ(c->mode, ClientMode::Sandbox);
    }
    EXPECT_NE(builtin().findUtility("essex"), nullptr) << "lookup must be case-insensitive";
    EXPECT_EQ(builtin().findUtilityByHost("greenbutton.essexpowerlines.ca:443")->id, "ESSEX");
}

// Makes sure the ESSEX lastbill table is reproduced exactly. Example failure: amount 100 instead of 100.0.
TEST(BuiltinCatalogue, EssexLastbillTable)
{
    const Utility& u = *builtin().findUtility("ESSEX");
    EXPECT_EQ(u.defaultAuth, AuthType::Lastbill);
    EXPECT_THAT(u.allowedAuth, ::testing::ElementsAre(AuthType::Lastbill, AuthType::Test));
    struct Row { const char* account; const char* amount; const char* date; const char* scenario; };
    for (const Row& row : {Row{"111111111-1", "100.0", "2023-07-01", "residential"},
                           Row{"222222222-2", "200.0", "2023-07-02", "commercial"},
                           Row{"333333333-3", "300.0", "2023-07-03", "badlogin"}}) {
        bool found = false;
        for (const Customer& c : u.customers)
            for (const LastBill& b : c.identities.lastbill)
                if (b.account == std::string(row.account)) {
                    found = true;
                    EXPECT_EQ(b.amount, row.amount);
                    EXPECT_EQ(b.date, row.date);
                    EXPECT_EQ(c.scenario, row.scenario);
                }
        EXPECT_TRUE(found) << row.account;
    }
    EXPECT_EQ(serviceCount(*customerByTest(u, "test_residential")), 1u);
    EXPECT_EQ(serviceCount(*customerByTest(u, "test_commercial")), 1u);
    EXPECT_EQ(customerByTest(u, "test_badlogin")->scenario, "badlogin");
}

// Makes sure SSMPUC test accounts have an electric and a water service. Example failure: one service only.
TEST(BuiltinCatalogue, SsmpucTwoServices)
{
    const Utility& u = *builtin().findUtility("SSMPUC");
    for (const char* t : {"test_residential", "test_commercial"}) {
        const Customer* c = customerByTest(u, t);
        ASSERT_NE(c, nullptr);
        ASSERT_EQ(serviceCount(*c), 2u);
        EXPECT_EQ(c->accounts[0].services[0].kind, ServiceKind::Electric);
        EXPECT_EQ(c->accounts[0].services[1].kind, ServiceKind::Water);
    }
}

// Makes sure the DEMOUTILITY commercial customer has 2 accounts and 5 services (water, 3 electric, gas).
TEST(BuiltinCatalogue, DemoUtilityCommercialShape)
{
    const Utility& u = *builtin().findUtility("DEMOUTILITY");
    EXPECT_EQ(u.defaultAuth, AuthType::Sso);
    EXPECT_EQ(u.allowedAuth.size(), 7u);
    const Customer* c = customerByTest(u, "test_commercial");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->accounts.size(), 2u);
    int electric = 0, water = 0, gas = 0;
    for (const Account& a : c->accounts)
        for (const Service& s : a.services)
            (s.kind == ServiceKind::Electric ? electric : s.kind == ServiceKind::Water ? water : gas)++;
    EXPECT_EQ(electric, 3);
    EXPECT_EQ(water, 1);
    EXPECT_EQ(gas, 1);
    const Customer* r = customerByTest(u, "test_residential");
    EXPECT_EQ(serviceCount(*r), 3u);
    EXPECT_THAT(r->identities.phone, ::testing::ElementsAre("+11111111111"));
    EXPECT_THAT(r->identities.email, ::testing::ElementsAre("heather.homeowner@example.com"));
}

// Makes sure EPE uses sso with the seed usernames and passwords. Example failure: password mismatch.
TEST(BuiltinCatalogue, EpeLogins)
{
    const Utility& u = *builtin().findUtility("EPE");
    EXPECT_EQ(u.defaultAuth, AuthType::Sso);
    EXPECT_TRUE(u.odr);
    for (const char* name : {"test_residential", "test_commercial", "test_badlogin"}) {
        const Customer* c = customerByTest(u, name);
        ASSERT_NE(c, nullptr);
        ASSERT_EQ(c->identities.login.size(), 1u);
        EXPECT_EQ(c->identities.login[0].username, name);
        EXPECT_EQ(c->identities.login[0].password, name);
    }
}

// Makes sure a valid minimal file loads. Example failure: the loader rejects optional keys left out.
TEST(CatalogueLoader, AcceptsMinimalFile)
{
    auto r = loadCatalogue({"scenarios.json", kScenarios}, {{"u.json", utility(std::string("[") + kGoodCustomer + "]")}});
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->utilities.size(), 1u);
}

// Makes sure an unknown key is named with its JSON pointer. Example failure: a typo silently ignored.
TEST(CatalogueLoader, RejectsUnknownKey)
{
    const Error e = loadError(utility(std::string("[") + kGoodCustomer + "]", R"("colour": "red", )"));
    EXPECT_EQ(e.code, "json.unknown_key");
    EXPECT_EQ(e.where, "utilities/testu.json:/colour");
}

// Makes sure a wrong type is located. Example failure: a crash on a number where a string belongs.
TEST(CatalogueLoader, RejectsWrongType)
{
    const Error e = loadError(utility(R"([{"id": 7, "scenario": "badlogin", "identities": {}}])"));
    EXPECT_EQ(e.code, "json.wrong_type");
    EXPECT_EQ(e.where, "utilities/testu.json:/customers/0/id");
}

// Makes sure a duplicate lastbill account number is rejected. Example failure: two customers answer one account.
TEST(CatalogueLoader, RejectsDuplicateAccountNumber)
{
    const std::string customers = R"([
      {"id": "a", "scenario": "badlogin", "identities": {"lastbill": [{"account": "1-1", "amount": "1", "date": "2023-01-01"}]}},
      {"id": "b", "scenario": "badlogin", "identities": {"lastbill": [{"account": "1-1", "amount": "2", "date": "2023-01-02"}]}}])";
    const Error e = loadError(utility(customers));
    EXPECT_EQ(e.code, "catalogue.duplicate_identity");
    EXPECT_EQ(e.where, "utilities/testu.json:/customers/1/identities");
    EXPECT_THAT(e.message, HasSubstr("1-1"));
}

// Makes sure a reference to a missing scenario is rejected. Example failure: a customer with no behaviour.
TEST(CatalogueLoader, RejectsUnknownScenarioReference)
{
    const Error e = loadError(utility(R"([{"id": "a", "scenario": "resdiential", "identities": {}}])"));
    EXPECT_EQ(e.code, "catalogue.unknown_scenario");
    EXPECT_EQ(e.where, "utilities/testu.json:/customers/0/scenario");
}

// Makes sure invalid JSON is located by byte. Example failure: an exception escapes the loader.
TEST(CatalogueLoader, RejectsSyntaxError)
{
    const Error e = loadError("{\"id\": ");
    EXPECT_EQ(e.code, "json.syntax");
    EXPECT_THAT(e.where, HasSubstr("utilities/testu.json:byte"));
}

// Makes sure a missing required key is named. Example failure: an empty host accepted.
TEST(CatalogueLoader, RejectsMissingKey)
{
    const Error e = loadError(R"({"id": "TESTU"})");
    EXPECT_EQ(e.code, "json.missing_key");
    EXPECT_EQ(e.where, "utilities/testu.json:/name");
}

// Makes sure the default auth must be allowed. Example failure: default sso on a lastbill-only utility.
TEST(CatalogueLoader, RejectsDefaultAuthNotAllowed)
{
    std::string text = utility(std::string("[") + kGoodCustomer + "]");
    text.replace(text.find(R"("default": "test")"), 17, R"("default": "sso")");
    const Error e = loadError(text);
    EXPECT_EQ(e.where, "utilities/testu.json:/auth/default");
}

// Makes sure a found customer without services is rejected. Example failure: an authorization with no data.
TEST(CatalogueLoader, RejectsCustomerWithoutServices)
{
    const Error e = loadError(utility(R"([{"id": "a", "scenario": "residential", "identities": {}}])"));
    EXPECT_EQ(e.code, "catalogue.no_services");
}

// Makes sure a missing directory is a clear error. Example failure: an empty catalogue served.
TEST(CatalogueLoader, MissingDirectory)
{
    auto r = loadCatalogueDir("/nonexistent/scenarios");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "file.unreadable");
    EXPECT_THAT(r.error().where, HasSubstr("/nonexistent/scenarios/scenarios.json"));
}

// Makes sure a scenario's collectionError is one of the known note types and needs a found customer.
// Example failure: a typo ("acess_invalid") loads and the simulator shows an unknown note type.
TEST(CatalogueLoader, RejectsBadCollectionError)
{
    const std::pair<const char*, const char*> cases[] = {
        {R"({"scenarios": {"r": {"outcome": "customer", "profile": "residential", "collectionError": "acess_invalid",
            "odr": {"waitingAfterSeconds": 1, "pendingAfterSeconds": 2, "updatedAfterSeconds": 3, "ttlSeconds": 10,
            "result": "updated"}}}})", "must be 'access_invalid'"},
        {R"({"scenarios": {"b": {"outcome": "customer_not_found", "collectionError": "website_down"}}})", "needs outcome"},
    };
    for (const auto& [scenarios, message] : cases) {
        auto r = loadCatalogue({"scenarios.json", scenarios}, {});
        ASSERT_FALSE(r.ok()) << scenarios;
        EXPECT_EQ(r.error().code, "catalogue.bad_value");
        EXPECT_THAT(r.error().where, HasSubstr("/collectionError")) << r.error().describe();
        EXPECT_THAT(r.error().message, HasSubstr(message));
    }
}

// Makes sure a key repeated in one object is rejected with its pointer (nlohmann keeps the last one silently).
// Example failure: a second "id" renaming the utility (issue 13).
TEST(CatalogueLoader, RejectsDuplicateKeyWithPointer)
{
    Error e = loadError(utility(std::string("[") + kGoodCustomer + "]", R"("id": "OTHER", )"));
    EXPECT_EQ(e.code, "json.duplicate_key");
    EXPECT_EQ(e.where, "utilities/testu.json:/id");
    const std::string nested = std::string("[") + kGoodCustomer + R"(, {"id": "c2", "scenario": "badlogin", "scenario": "x", "identities": {}}])";
    e = loadError(utility(nested));
    EXPECT_EQ(e.code, "json.duplicate_key");
    EXPECT_EQ(e.where, "utilities/testu.json:/customers/1/scenario");
}

// Makes sure numbers beyond double or int64 range are located errors, not an abort (exit 134 before).
// Example failure: nlohmann's out_of_range escaping the loader for 1e400 or a 401-digit integer.
TEST(CatalogueLoader, RejectsHugeNumbersLocated)
{
    const std::string customers = std::string("[") + kGoodCustomer + "]";
    for (const std::string& huge : {std::string("1e400"), std::string(401, '9'), std::string("-") + std::string(401, '9')}) {
        std::string text = utility(customers);
        text.replace(text.find("840"), 3, huge);
        const Error e = loadError(text);
        EXPECT_EQ(e.code, "json.number_out_of_range") << huge.substr(0, 10);
        EXPECT_THAT(e.where, HasSubstr("utilities/testu.json:byte ")) << e.describe();
    }
}

// Makes sure every number is range-checked with its pointer. Example failure: u64 tzOffset read as -1,
// collectionDelaySeconds INT64_MAX overflowing now + delay in oauth_flow.cpp (issue 13).
TEST(CatalogueLoader, RejectsOutOfRangeNumbers)
{
    const std::string customers = std::string("[") + kGoodCustomer + "]";
    struct Case { const char* from; const char* to; const char* where; };
    for (const Case& c : {Case{"\"tzOffset\": 0", "\"tzOffset\": 18446744073709551615", "/timeZone/tzOffset"},
                          Case{"\"tzOffset\": 0", "\"tzOffset\": 50401", "/timeZone/tzOffset"},
                          Case{"\"dstOffset\": 0", "\"dstOffset\": -86400", "/timeZone/dstOffset"},
                          Case{"\"currency\": 840", "\"currency\": 0", "/currency"},
                          Case{"\"currency\": 840", "\"currency\": 1000", "/currency"}}) {
        std::string text = utility(customers);
        text.replace(text.find(c.from), std::string(c.from).size(), c.to);
        const Error e = loadError(text);
        EXPECT_EQ(e.code, "json.out_of_range") << c.to;
        EXPECT_EQ(e.where, std::string("utilities/testu.json:") + c.where) << c.to;
    }
    for (const char* delay : {"9223372036854775807", "-1", "316224001"}) {
        const std::string scenarios = std::string(R"({"scenarios": {"slow": {"outcome": "customer_not_found", "collectionDelaySeconds": )") + delay + "}}}";
        const auto r = loadCatalogue({"scenarios.json", scenarios}, {});
        ASSERT_FALSE(r.ok()) << delay;
        EXPECT_EQ(r.error().code, "json.out_of_range");
        EXPECT_EQ(r.error().where, "scenarios.json:/scenarios/slow/collectionDelaySeconds");
    }
    const std::string ttl = R"({"scenarios": {"r": {"outcome": "customer", "profile": "residential",
      "odr": {"waitingAfterSeconds": 1, "pendingAfterSeconds": 2, "updatedAfterSeconds": 3, "ttlSeconds": 99999999999, "result": "updated"}}}})";
    const auto r = loadCatalogue({"scenarios.json", ttl}, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "scenarios.json:/scenarios/r/odr/ttlSeconds");
}

// Makes sure identifiers, hosts and URLs follow the documented rules. Example failure: a NUL in a client id,
// CRLF in a host, javascript: or data: redirect URIs, or an empty/too large port accepted (issue 13).
TEST(CatalogueLoader, RejectsBadIdentifiersHostsAndUrls)
{
    const std::string customers = std::string("[") + kGoodCustomer + "]";
    struct Case { std::string from, to, code, where; };
    const std::vector<Case> cases = {
        {"\"TESTU_ccccccccc\"", "\"TESTU\\u0000x\"", "catalogue.bad_identifier", "/clients/0/clientId"},
        {"\"TESTU_ccccccccc\"", "\"TESTU_\xc3\xa9\"", "catalogue.bad_identifier", "/clients/0/clientId"},
        {"\"TESTU_ccccccccc\"", "\"\"", "catalogue.bad_identifier", "/clients/0/clientId"},
        {"\"t.example\"", "\"t.example\\r\\nX: y\"", "catalogue.bad_host", "/host"},
        {"\"t.example\"", "\"t.example:0\"", "catalogue.bad_host", "/host"},
        {"\"redirectUris\": []", "\"redirectUris\": [\"javascript:alert(1)\"]", "catalogue.bad_url", "/clients/0/redirectUris/0"},
        {"\"redirectUris\": []", "\"redirectUris\": [\"https://a.example/cb\", \"data:text/html,x\"]", "catalogue.bad_url", "/clients/0/redirectUris/1"},
        {"\"redirectUris\": []", "\"redirectUris\": [\"http://127.0.0.1:/cb\"]", "catalogue.bad_url", "/clients/0/redirectUris/0"},
        {"\"redirectUris\": []", "\"redirectUris\": [\"http://127.0.0.1:65536/cb\"]", "catalogue.bad_url", "/clients/0/redirectUris/0"},
        {"\"redirectUris\": []", "\"redirectUris\": [\"http://a.example/cb#x\"]", "catalogue.bad_url", "/clients/0/redirectUris/0"},
        {"\"redirectUris\": []", "\"redirectUris\": [], \"webhookUrl\": \"ftp://a.example/\"", "catalogue.bad_url", "/clients/0/webhookUrl"},
        {"\"id\": \"c1\"", "\"id\": \"c 1\"", "catalogue.bad_identifier", "/customers/0/id"},
    };
    for (const Case& c : cases) {
        std::string text = utility(customers);
        text.replace(text.find(c.from), c.from.size(), c.to);
        const Error e = loadError(text);
        EXPECT_EQ(e.code, c.code) << c.to;
        EXPECT_EQ(e.where, "utilities/testu.json:" + c.where) << c.to;
    }
    std::string good = utility(customers);
    good.replace(good.find("\"redirectUris\": []"), 18, R"("redirectUris": ["http://127.0.0.1/cb", "https://[::1]:8443/cb?x=1", "https://a.example:443/cb"])");
    EXPECT_TRUE(loadCatalogue({"scenarios.json", kScenarios}, {{"u.json", good}}).ok());
}

// Makes sure one client id twice in one utility is rejected. Example failure: the second registration shadowed.
TEST(CatalogueLoader, RejectsDuplicateClientInOneUtility)
{
    std::string text = utility(std::string("[") + kGoodCustomer + "]");
    const std::size_t at = text.find("{\"clientId\"");
    const std::size_t end = text.find('}', at) + 1;
    text.insert(end, ", " + text.substr(at, end - at));
    const Error e = loadError(text);
    EXPECT_EQ(e.code, "catalogue.duplicate_client");
    EXPECT_EQ(e.where, "utilities/testu.json:/clients/1/clientId");
}

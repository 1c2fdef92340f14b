// Reads scenarios.json and utilities/*.json into a Catalogue, rejecting bad data with file + JSON pointer.
#include "catalogue_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "catalogue_io.h"
#include "catalogue_rules.h"
#include "json_reader.h"

namespace gbc {

namespace {

OdrTiming readOdr(const JsonReader& r)
{
    r.allowOnly({"waitingAfterSeconds", "pendingAfterSeconds", "updatedAfterSeconds", "ttlSeconds", "result"});
    OdrTiming t;
    t.waitingAfterSeconds = r.integerIn("waitingAfterSeconds", 0, kMaxCatalogueSeconds);
    t.pendingAfterSeconds = r.integerIn("pendingAfterSeconds", 0, kMaxCatalogueSeconds);
    t.updatedAfterSeconds = r.integerIn("updatedAfterSeconds", 0, kMaxCatalogueSeconds);
    t.ttlSeconds = r.integerIn("ttlSeconds", 0, kMaxCatalogueSeconds);
    if (!(0 <= t.waitingAfterSeconds && t.waitingAfterSeconds <= t.pendingAfterSeconds &&
          t.pendingAfterSeconds <= t.updatedAfterSeconds && t.updatedAfterSeconds <= t.ttlSeconds))
        r.fail("catalogue.bad_odr_timing", "ODR timings must satisfy 0 <= waiting <= pending <= updated <= ttl");
    const std::string result = r.string("result");
    if (result != "updated" && result != "errored")
        r.at("result").fail("catalogue.bad_value", "result must be 'updated' or 'errored', not '" + result + "'");
    t.errored = result == "errored";
    return t;
}

Scenario readScenario(const std::string& name, const JsonReader& r)
{
    r.allowOnly({"description", "outcome", "profile", "collectionDelaySeconds", "collectionError", "odr"});
    Scenario s;
    s.name = name;
    s.description = r.string("description", "");
    const std::string outcome = r.string("outcome");
    if (outcome != "customer" && outcome != "customer_not_found")
        r.at("outcome").fail("catalogue.bad_value", "outcome must be 'customer' or 'customer_not_found'");
    s.customerFound = outcome == "customer";
    if (s.customerFound) {
        s.profile = r.string("profile");
        if (s.profile != "residential" && s.profile != "commercial")
            r.at("profile").fail("catalogue.bad_value", "profile must be 'residential' or 'commercial'");
        s.odr = readOdr(r.at("odr"));
    }
    s.collectionDelaySeconds = r.integerIn("collectionDelaySeconds", 0, 0, kMaxCatalogueSeconds);
    s.collectionError = r.string("collectionError", "");
    if (!s.collectionError.empty() && s.collectionError != "access_invalid" && s.collectionError != "website_down" &&
        s.collectionError != "utility_error")
        r.at("collectionError").fail("catalogue.bad_value",
                                     "collectionError must be 'access_invalid', 'website_down' or 'utility_error'");
    if (!s.collectionError.empty() && !s.customerFound)
        r.at("collectionError").fail("catalogue.bad_value", "collectionError needs outcome 'customer' (a meter is found first)");
    return s;
}

std::uint32_t readRule(const JsonReader& r, const std::string& key)
{
    const std::string text = r.string(key);
    if (text.size() != 8 || text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        r.at(key).fail("catalogue.bad_value", "a DST rule is 8 hex digits, e.g. 360E2000 or FFFFFFFF");
    return static_cast<std::uint32_t>(std::stoul(text, nullptr, 16));
}

TimeZoneRules readTimeZone(const JsonReader& r)
{
    r.allowOnly({"name", "tzOffset", "dstOffset", "dstStartRule", "dstEndRule"});
    TimeZoneRules tz;
    tz.name = r.string("name");
    tz.tzOffset = static_cast<std::int32_t>(r.integerIn("tzOffset", -kMaxZoneOffsetSeconds, kMaxZoneOffsetSeconds));
    tz.dstOffset = static_cast<std::int32_t>(r.integerIn("dstOffset", -kMaxZoneOffsetSeconds, kMaxZoneOffsetSeconds));
    tz.dstStartRule = readRule(r, "dstStartRule");
    tz.dstEndRule = readRule(r, "dstEndRule");
    return tz;
}

Client readClient(const JsonReader& r)
{
    r.allowOnly({"clientId", "clientSecret", "company", "mode", "redirectUris", "apiToken", "registrationToken",
                 "notifyUri", "webhookUrl", "webhookSecret"});
    Client c;
    c.clientId = r.string("clientId");
    if (const auto problem = identifierProblem(c.clientId))
        r.at("clientId").fail("catalogue.bad_identifier", *problem);
    c.clientSecret = r.string("clientSecret");
    c.company = r.string("company");
    const std::string mode = r.string("mode");
    if (mode != "sandbox" && mode != "live")
        r.at("mode").fail("catalogue.bad_value", "mode must be 'sandbox' or 'live'");
    c.mode = mode == "sandbox" ? ClientMode::Sandbox : ClientMode::Live;
    c.redirectUris = r.strings("redirectUris");
    for (std::size_t i = 0; i < c.redirectUris.size(); ++i)
        if (const auto problem = httpUrlProblem(c.redirectUris[i]))
            r.at("redirectUris").items()[i].fail("catalogue.bad_url", *problem);
    c.apiToken = r.string("apiToken");
    c.registrationToken = r.string("registrationToken");
    c.notifyUri = r.string("notifyUri", "");
    c.webhookUrl = r.string("webhookUrl", "");
    c.webhookSecret = r.string("webhookSecret", "");
    for (const char* key : {"notifyUri", "webhookUrl"})
        if (const auto problem = r.has(key) ? httpUrlProblem(r.string(key)) : std::nullopt)
            r.at(key).fail("catalogue.bad_url", *problem);
    return c;
}

Identities readIdentities(const JsonReader& r)
{
    r.allowOnly({"lastbill", "test", "login", "account", "phone", "email", "address"});
    Identities ids;
    if (r.has("lastbill"))
        for (const JsonReader& b : r.at("lastbill").items()) {
            b.allowOnly({"account", "amount", "date"});
            ids.lastbill.push_back({b.string("account"), b.string("amount"), b.string("date")});
        }
    if (r.has("login"))
        for (const JsonReader& l : r.at("login").items()) {
            l.allowOnly({"username", "password"});
            ids.login.push_back({l.string("username"), l.string("password")});
        }
    ids.test = r.strings("test");
    ids.account = r.strings("account");
    ids.phone = r.strings("phone");
    ids.email = r.strings("email");
    ids.address = r.strings("address");
    return ids;
}

Account readAccount(const JsonReader& r)
{
    r.allowOnly({"number", "address", "services"});
    Account a;
    a.number = r.string("number");
    a.address = r.string("address", "");
    for (const JsonReader& s : r.at("services").items()) {
        s.allowOnly({"kind", "meterNumber", "tariff"});
        const auto kind = serviceKindFromString(s.string("kind"));
        if (!kind)
            s.at("kind").fail("catalogue.bad_value", "kind must be electric, gas or water");
        a.services.push_back({*kind, s.string("meterNumber"), s.string("tariff", "")});
    }
    return a;
}

Customer readCustomer(const JsonReader& r, const Catalogue& cat)
{
    r.allowOnly({"id", "scenario", "test", "name", "email", "phone", "accounts", "identities"});
    Customer c;
    c.id = r.string("id");
    if (const auto problem = identifierProblem(c.id))
        r.at("id").fail("catalogue.bad_identifier", *problem);
    c.scenario = r.string("scenario");
    const Scenario* s = cat.findScenario(c.scenario);
    if (!s)
        r.at("scenario").fail("catalogue.unknown_scenario", "no scenario named '" + c.scenario + "' in scenarios.json");
    c.test = r.boolean("test", true);
    c.name = r.string("name", "");
    c.email = r.string("email", "");
    c.phone = r.string("phone", "");
    if (r.has("accounts"))
        for (const JsonReader& a : r.at("accounts").items())
            c.accounts.push_back(readAccount(a));
    if (s->customerFound && c.accounts.empty())
        r.fail("catalogue.no_services", "scenario '" + c.scenario + "' finds the customer, so it needs accounts with services");
    c.identities = readIdentities(r.at("identities"));
    return c;
}

std::vector<AuthType> readAuthTypes(const JsonReader& r)
{
    std::vector<AuthType> out;
    for (const JsonReader& item : r.items()) {
        const auto t = authTypeFromString(item.asString());
        if (!t)
            item.fail("catalogue.bad_value", "unknown auth type '" + item.asString() + "'");
        out.push_back(*t);
    }
    return out;
}

// Two customers of one utility must not answer to the same identity value. Customers before `fileOffset` were
// checked already (an overlay's base): the file's customer i is u.customers[fileOffset + i].
void checkUniqueIdentities(const Utility& u, const JsonReader& r, std::size_t fileOffset = 0)
{
    std::set<std::string> seen;
    auto claim = [&](const std::string& kind, const std::string& value, std::size_t ci) {
        if (!seen.insert(kind + "\n" + value).second)
            r.at("customers").items()[ci - fileOffset].at("identities").fail(
                "catalogue.duplicate_identity", "duplicate " + kind + " '" + value + "' in utility " + u.id);
    };
    for (std::size_t i = 0; i < u.customers.size(); ++i) {
        const Identities& ids = u.customers[i].identities;
        for (const auto& b : ids.lastbill) claim("account number", b.account, i);
        for (const auto& t : ids.test) claim("test account", t, i);
        for (const auto& l : ids.login) claim("username", l.username, i);
        for (const auto& v : ids.account) claim("lookup account", v, i);
        for (const auto& v : ids.phone) claim("phone", v, i);
        for (const auto& v : ids.email) claim("email", v, i);
        for (const auto& v : ids.address) claim("address", v, i);
        for (const auto& a : u.customers[i].accounts) claim("billing account", a.number, i);
    }
}

Utility readUtility(const JsonReader& r, const Catalogue& cat)
{
    r.allowOnly({"id", "name", "description", "website", "host", "timeZone", "currency", "auth", "odr", "clients",
                 "customers"});
    Utility u;
    u.id = r.string("id");
    if (u.id.empty() || u.id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != std::string::npos)
        r.at("id").fail("catalogue.bad_value", "a utility id is upper-case letters and digits, e.g. ESSEX");
    u.name = r.string("name");
    u.description = r.string("description", "");
    u.website = r.string("website", "");
    u.host = r.string("host");
    if (const auto problem = hostProblem(u.host))
        r.at("host").fail("catalogue.bad_host", *problem);
    u.timeZone = readTimeZone(r.at("timeZone"));
    u.currency = static_cast<int>(r.integerIn("currency", 1, kMaxCurrencyCode));
    const JsonReader auth = r.at("auth");
    auth.allowOnly({"default", "allowed"});
    u.allowedAuth = readAuthTypes(auth.at("allowed"));
    const auto def = authTypeFromString(auth.string("default"));
    if (!def || !u.allows(*def))
        auth.at("default").fail("catalogue.bad_value", "default auth type must be one of the allowed ones");
    u.defaultAuth = *def;
    u.odr = r.boolean("odr", false);
    for (const JsonReader& c : r.at("clients").items())
        u.clients.push_back(readClient(c));
    for (const JsonReader& c : r.at("customers").items())
        u.customers.push_back(readCustomer(c, cat));
    checkUniqueIdentities(u, r);
    return u;
}

void readScenarios(const CatalogueSource& src, Catalogue& cat)
{
    auto doc = parseJsonText(src.text, src.name);
    if (!doc)
        throw JsonReadError(doc.error());
    const JsonReader root(*doc, src.name);
    root.allowOnly({"scenarios"});
    for (const auto& [name, r] : root.at("scenarios").members())
        cat.scenarios[name] = readScenario(name, r);
}

// Catalogue-wide uniqueness: utility ids, hosts, client ids, customer ids (within the utility too).
void checkGlobalUniqueness(const Catalogue& cat, const Utility& u, const JsonReader& r)
{
    std::set<std::string> clients, customers;
    for (std::size_t i = 0; i < u.clients.size(); ++i)
        if (!clients.insert(u.clients[i].clientId).second)
            r.at("clients").items()[i].at("clientId").fail("catalogue.duplicate_client",
                                                          "client id '" + u.clients[i].clientId + "' is defined twice");
    for (std::size_t i = 0; i < u.customers.size(); ++i)
        if (!customers.insert(u.customers[i].id).second)
            r.at("customers").items()[i].at("id").fail("catalogue.duplicate_customer",
                                                       "customer id '" + u.customers[i].id + "' is defined twice");
    for (const Utility& other : cat.utilities) {
        if (other.id == u.id)
            r.at("id").fail("catalogue.duplicate_utility", "utility id '" + u.id + "' is defined twice");
        if (other.host == u.host)
            r.at("host").fail("catalogue.duplicate_host", "host '" + u.host + "' already belongs to " + other.id);
        for (std::size_t i = 0; i < u.clients.size(); ++i)
            if (other.findClient(u.clients[i].clientId))
                r.at("clients").items()[i].at("clientId").fail("catalogue.duplicate_client",
                                                              "client id '" + u.clients[i].clientId + "' is defined twice");
        for (std::size_t i = 0; i < u.customers.size(); ++i)
            if (other.findCustomer(u.customers[i].id))
                r.at("customers").items()[i].at("id").fail("catalogue.duplicate_customer",
                                                           "customer id '" + u.customers[i].id + "' is defined twice");
    }
}

} // namespace

Result<Catalogue> loadCatalogue(const CatalogueSource& scenarios, const std::vector<CatalogueSource>& utilities)
{
    try {
        Catalogue cat;
        readScenarios(scenarios, cat);
        for (const CatalogueSource& src : utilities) {
            auto doc = parseJsonText(src.text, src.name);
            if (!doc)
                return doc.error();
            const JsonReader root(*doc, src.name);
            Utility u = readUtility(root, cat);
            checkGlobalUniqueness(cat, u, root);
            cat.utilities.push_back(std::move(u));
        }
        std::sort(cat.utilities.begin(), cat.utilities.end(),
                  [](const Utility& a, const Utility& b) { return a.id < b.id; });
        return cat;
    } catch (const JsonReadError& e) {
        return e.error;
    }
}

namespace catalogue_io {

Client readClientRecord(const JsonReader& r) { return readClient(r); }
Customer readCustomerRecord(const JsonReader& r, const Catalogue& cat) { return readCustomer(r, cat); }
Utility readUtilityRecord(const JsonReader& r, const Catalogue& cat) { return readUtility(r, cat); }
void readScenarioFile(const CatalogueSource& src, Catalogue& cat) { readScenarios(src, cat); }
void checkIdentities(const Utility& u, const JsonReader& r, std::size_t fileOffset) { checkUniqueIdentities(u, r, fileOffset); }
void checkUnique(const Catalogue& cat, const Utility& u, const JsonReader& r) { checkGlobalUniqueness(cat, u, r); }

Result<std::vector<std::string>> utilityFiles(const std::string& dir)
{
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/utilities", ec))
        if (entry.path().extension() == ".json")
            paths.push_back(entry.path().string());
    if (ec)
        return Error{"catalogue.unreadable", dir + "/utilities", ec.message()};
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace catalogue_io

Result<Catalogue> loadCatalogueDir(const std::string& dir)
{
    auto scenarios = readTextFile(dir + "/scenarios.json");
    if (!scenarios)
        return scenarios.error();
    auto paths = catalogue_io::utilityFiles(dir);
    if (!paths)
        return paths.error();
    std::vector<CatalogueSource> sources;
    for (const std::string& p : *paths) {
        auto text = readTextFile(p);
        if (!text)
            return text.error();
        sources.push_back({p, *text});
    }
    return loadCatalogue({dir + "/scenarios.json", *scenarios}, sources);
}

} // namespace gbc

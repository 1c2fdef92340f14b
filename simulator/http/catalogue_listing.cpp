// Text and JSON listings of the catalogue for the scenarios subcommand.
#include "catalogue_listing.h"

#include <nlohmann/json.hpp>

namespace gbc {

namespace {

using Json = nlohmann::ordered_json;

Json identitiesJson(const Identities& ids)
{
    Json j = Json::object();
    if (!ids.test.empty()) j["test"] = ids.test;
    for (const Login& l : ids.login)
        j["login"].push_back(Json{{"username", l.username}, {"password", l.password}});
    for (const LastBill& b : ids.lastbill)
        j["lastbill"].push_back(Json{{"account", b.account}, {"amount", b.amount}, {"date", b.date}});
    if (!ids.account.empty()) j["account"] = ids.account;
    if (!ids.phone.empty()) j["phone"] = ids.phone;
    if (!ids.email.empty()) j["email"] = ids.email;
    if (!ids.address.empty()) j["address"] = ids.address;
    return j;
}

Json utilityJson(const Utility& u)
{
    Json allowed = Json::array();
    for (AuthType t : u.allowedAuth)
        allowed.push_back(toString(t));
    Json j{{"id", u.id}, {"name", u.name}, {"host", u.host}, {"defaultAuth", toString(u.defaultAuth)},
           {"allowedAuth", allowed}, {"clients", Json::array()}, {"customers", Json::array()}};
    for (const Client& c : u.clients)
        j["clients"].push_back(Json{{"client_id", c.clientId}, {"client_secret", c.clientSecret},
                                    {"company", c.company}, {"mode", toString(c.mode)}, {"api_token", c.apiToken},
                                    {"registration_token", c.registrationToken}, {"redirect_uris", c.redirectUris}});
    for (const Customer& c : u.customers)
        j["customers"].push_back(Json{{"id", c.id}, {"scenario", c.scenario}, {"test", c.test},
                                      {"identities", identitiesJson(c.identities)}});
    return j;
}

std::string identitiesText(const Identities& ids)
{
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
    for (const std::string& t : ids.test) add("test " + t);
    for (const Login& l : ids.login) add("login " + l.username + "/" + l.password);
    for (const LastBill& b : ids.lastbill) add("lastbill " + b.account + " " + b.amount + " " + b.date);
    for (const std::string& v : ids.account) add("account " + v);
    for (const std::string& v : ids.phone) add("phone " + v);
    for (const std::string& v : ids.email) add("email " + v);
    for (const std::string& v : ids.address) add("address " + v);
    return out;
}

} // namespace

std::string listCatalogueJson(const Catalogue& catalogue)
{
    Json j{{"utilities", Json::array()}, {"scenarios", Json::array()}};
    for (const Utility& u : catalogue.utilities)
        j["utilities"].push_back(utilityJson(u));
    for (const auto& [name, s] : catalogue.scenarios)
        j["scenarios"].push_back(Json{{"name", name}, {"description", s.description},
                                      {"outcome", s.customerFound ? "customer" : "customer_not_found"}});
    return j.dump(2) + "\n";
}

std::string listCatalogueText(const Catalogue& catalogue)
{
    std::string out;
    for (const Utility& u : catalogue.utilities) {
        std::string auth;
        for (AuthType t : u.allowedAuth)
            auth += std::string(auth.empty() ? "" : ", ") + toString(t) + (t == u.defaultAuth ? " (default)" : "");
        out += u.id + "  " + u.name + "  host " + u.host + "  auth " + auth + "\n";
        for (const Client& c : u.clients)
            out += "  client " + c.clientId + "  secret " + c.clientSecret + "  " + toString(c.mode) + "  api_token " +
                   c.apiToken + "\n";
        for (const Customer& c : u.customers)
            out += "  customer " + c.id + "  scenario " + c.scenario + "  " + identitiesText(c.identities) + "\n";
    }
    return out;
}

} // namespace gbc

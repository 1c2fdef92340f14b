// Scenario catalogue types: utilities, their clients, customers, identities and scenarios (loaded from scenarios/).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "registered_clients.h"
#include "time_zone.h"

namespace gbc {

// How a customer proves who they are on the authorize pages (scope hint auth-{type}[-{value}]).
enum class AuthType { Lastbill, Test, Sso, Account, Phone, Email, Address, Proxy };
enum class ServiceKind { Electric = 0, Gas = 1, Water = 2 }; // ESPI ServiceCategory kind codes
enum class ClientMode { Sandbox, Live };

const char* toString(AuthType t);
std::optional<AuthType> authTypeFromString(const std::string& s);
const char* toString(ServiceKind k);
std::optional<ServiceKind> serviceKindFromString(const std::string& s);
const char* toString(ClientMode m);

struct Service {
    ServiceKind kind = ServiceKind::Electric;
    std::string meterNumber;
    std::string tariff;
};

struct Account {
    std::string number;
    std::string address;
    std::vector<Service> services;
};

struct LastBill {
    std::string account;
    std::string amount; // as printed on the bill, compared numerically
    std::string date;   // YYYY-MM-DD
};

struct Login {
    std::string username;
    std::string password;
};

// Every value by which the authorize pages can find this customer.
struct Identities {
    std::vector<LastBill> lastbill;
    std::vector<std::string> test; // test account names, e.g. test_residential
    std::vector<Login> login;      // sso / proxy utility login
    std::vector<std::string> account, phone, email, address;
};

struct Customer {
    std::string id;       // catalogue-unique, stable (seeds data generation)
    std::string scenario; // name of a Scenario
    bool test = true;     // test accounts are the only ones a sandbox client may reach
    std::string name, email, phone;
    std::vector<Account> accounts;
    Identities identities;
};

struct Client {
    std::string clientId, clientSecret, company;
    ClientMode mode = ClientMode::Sandbox;
    std::vector<std::string> redirectUris;
    std::string apiToken;          // UtilityAPI JSON API token
    std::string registrationToken; // ESPI registration_access_token
    std::string notifyUri;         // ESPI push (BatchList) target, may be empty
    std::string webhookUrl;        // UtilityAPI webhook target, may be empty
    std::string webhookSecret;
};

struct OdrTiming {
    std::int64_t waitingAfterSeconds = 5;
    std::int64_t pendingAfterSeconds = 20;
    std::int64_t updatedAfterSeconds = 80;
    std::int64_t ttlSeconds = 900;
    bool errored = false; // the read ends in "errored" instead of "updated"
};

struct Scenario {
    std::string name;
    std::string description;
    bool customerFound = true;  // outcome "customer" vs "customer_not_found"
    std::string profile;        // load shape: residential | commercial
    std::int64_t collectionDelaySeconds = 0;
    // When set, the meter is found but collecting its data fails once the delay is over (UtilityAPI's *_after test
    // scenarios): the meter note type, e.g. "access_invalid" or "website_down". Empty = collection succeeds.
    std::string collectionError;
    OdrTiming odr;
};

struct Utility {
    std::string id; // upper case, e.g. ESSEX
    std::string name, description, website, host;
    TimeZoneRules timeZone;
    int currency = 840; // ISO 4217 numeric
    AuthType defaultAuth = AuthType::Test;
    std::vector<AuthType> allowedAuth;
    bool odr = false;
    std::vector<Client> clients;
    std::vector<Customer> customers;
    // Clients registered at run time (gbc-sim attaches one registry per utility; null elsewhere). Shared by copies.
    std::shared_ptr<RegisteredClients> registered;

    bool allows(AuthType t) const;
    // A catalogue client, else a registered one.
    const Client* findClient(const std::string& clientId) const;
    // Catalogue clients then registered ones (a snapshot: pointers stay valid).
    std::vector<const Client*> allClients() const;
    const Customer* findCustomer(const std::string& customerId) const;
};

struct Catalogue {
    std::map<std::string, Scenario> scenarios;
    std::vector<Utility> utilities; // sorted by id

    // Case-insensitive: "essex" and "ESSEX" both match.
    const Utility* findUtility(const std::string& id) const;
    // The utility whose page host name is `host` (port ignored).
    const Utility* findUtilityByHost(const std::string& host) const;
    const Scenario* findScenario(const std::string& name) const;
};

} // namespace gbc

// Vocabulary of the catalogue (names of auth types, service kinds, modes) and lookups.
#include "catalogue.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace gbc {

namespace {

constexpr std::array<std::pair<AuthType, const char*>, 8> kAuthNames{{
    {AuthType::Lastbill, "lastbill"}, {AuthType::Test, "test"},   {AuthType::Sso, "sso"},
    {AuthType::Account, "account"},   {AuthType::Phone, "phone"}, {AuthType::Email, "email"},
    {AuthType::Address, "address"},   {AuthType::Proxy, "proxy"},
}};

std::string upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

const char* toString(AuthType t)
{
    for (const auto& [type, name] : kAuthNames)
        if (type == t)
            return name;
    return "test";
}

std::optional<AuthType> authTypeFromString(const std::string& s)
{
    for (const auto& [type, name] : kAuthNames)
        if (s == name)
            return type;
    return std::nullopt;
}

const char* toString(ServiceKind k)
{
    switch (k) {
    case ServiceKind::Electric: return "electric";
    case ServiceKind::Gas: return "gas";
    case ServiceKind::Water: return "water";
    }
    return "electric";
}

std::optional<ServiceKind> serviceKindFromString(const std::string& s)
{
    if (s == "electric") return ServiceKind::Electric;
    if (s == "gas") return ServiceKind::Gas;
    if (s == "water") return ServiceKind::Water;
    return std::nullopt;
}

const char* toString(ClientMode m) { return m == ClientMode::Sandbox ? "sandbox" : "live"; }

bool Utility::allows(AuthType t) const
{
    return std::find(allowedAuth.begin(), allowedAuth.end(), t) != allowedAuth.end();
}

const Client* Utility::findClient(const std::string& clientId) const
{
    for (const Client& c : clients)
        if (c.clientId == clientId)
            return &c;
    return registered ? registered->find(clientId) : nullptr;
}

std::vector<const Client*> Utility::allClients() const
{
    std::vector<const Client*> out;
    for (const Client& c : clients)
        out.push_back(&c);
    if (registered)
        for (const Client* c : registered->all())
            out.push_back(c);
    return out;
}

const Customer* Utility::findCustomer(const std::string& customerId) const
{
    for (const Customer& c : customers)
        if (c.id == customerId)
            return &c;
    return nullptr;
}

const Utility* Catalogue::findUtility(const std::string& id) const
{
    const std::string key = upper(id);
    for (const Utility& u : utilities)
        if (u.id == key)
            return &u;
    return nullptr;
}

const Utility* Catalogue::findUtilityByHost(const std::string& host) const
{
    const std::string name = lower(host.substr(0, host.find(':')));
    for (const Utility& u : utilities)
        if (lower(u.host) == name)
            return &u;
    return nullptr;
}

const Scenario* Catalogue::findScenario(const std::string& name) const
{
    auto it = scenarios.find(name);
    return it == scenarios.end() ? nullptr : &it->second;
}

} // namespace gbc

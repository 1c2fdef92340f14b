// Customer matching for the authorize pages: normalisation of each identity kind, then a linear scan.
#include "oauth_identify.h"

#include <cctype>

#include "secure_random.h"

namespace gbc {

namespace {

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string phoneDigits(const std::string& s)
{
    std::string d;
    for (unsigned char c : s)
        if (std::isdigit(c))
            d += static_cast<char>(c);
    if (d.size() == 11 && d[0] == '1')
        d.erase(0, 1);
    return d;
}

// Upper case, every run of non-alphanumerics becomes one space, no spaces at the ends.
std::string addressKey(const std::string& s)
{
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c))
            out += static_cast<char>(std::toupper(c));
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string lookupKey(AuthType type, const std::string& value)
{
    switch (type) {
    case AuthType::Phone: return phoneDigits(value);
    case AuthType::Address: return addressKey(value);
    default: return upper(trim(value));
    }
}

const std::vector<std::string>* lookupList(const Identities& ids, AuthType type)
{
    switch (type) {
    case AuthType::Account: return &ids.account;
    case AuthType::Phone: return &ids.phone;
    case AuthType::Email: return &ids.email;
    case AuthType::Address: return &ids.address;
    default: return nullptr;
    }
}

} // namespace

bool isLookupType(AuthType type)
{
    return type == AuthType::Account || type == AuthType::Phone || type == AuthType::Email || type == AuthType::Address;
}

long long amountInCents(const std::string& text)
{
    std::string t = trim(text);
    if (!t.empty() && t[0] == '$')
        t.erase(0, 1);
    const auto dot = t.find('.');
    const std::string whole = t.substr(0, dot);
    const std::string frac = dot == std::string::npos ? std::string() : t.substr(dot + 1);
    auto digits = [](const std::string& s) {
        for (unsigned char c : s)
            if (!std::isdigit(c))
                return false;
        return true;
    };
    if (whole.empty() || whole.size() > 12 || frac.size() > 2 || !digits(whole) || !digits(frac) ||
        (dot != std::string::npos && frac.empty()))
        return -1;
    const long long cents = frac.empty() ? 0 : std::stoll(frac) * (frac.size() == 1 ? 10 : 1);
    return std::stoll(whole) * 100 + cents;
}

const Customer* findByLastbill(const Utility& utility, const std::string& account, const std::string& amount,
                               const std::string& date)
{
    const long long cents = amountInCents(amount);
    if (cents < 0)
        return nullptr;
    for (const Customer& c : utility.customers)
        for (const LastBill& bill : c.identities.lastbill)
            if (upper(bill.account) == upper(trim(account)) && amountInCents(bill.amount) == cents &&
                bill.date == trim(date))
                return &c;
    return nullptr;
}

const Customer* findByLogin(const Utility& utility, const std::string& username, const std::string& password)
{
    for (const Customer& c : utility.customers)
        for (const Login& login : c.identities.login)
            if (upper(login.username) == upper(trim(username)) && constantTimeEquals(login.password, password))
                return &c;
    return nullptr;
}

const Customer* findByTestAccount(const Utility& utility, const std::string& name)
{
    for (const Customer& c : utility.customers)
        for (const std::string& t : c.identities.test)
            if (t == trim(name))
                return &c;
    return nullptr;
}

const Customer* findByLookup(const Utility& utility, AuthType type, const std::string& value)
{
    const std::string key = lookupKey(type, value);
    if (key.empty())
        return nullptr;
    for (const Customer& c : utility.customers) {
        const std::vector<std::string>* list = lookupList(c.identities, type);
        for (std::size_t i = 0; list && i < list->size(); ++i)
            if (lookupKey(type, (*list)[i]) == key)
                return &c;
    }
    return nullptr;
}

} // namespace gbc

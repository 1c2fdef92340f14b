// Green Button proxy flow: validation of each step and the session table.
#include "proxy_flow.h"

#include <algorithm>

#include "secure_random.h"
#include "url_codec.h"

namespace gbc {

const std::vector<std::pair<std::string, std::string>>& proxyDataTypes()
{
    static const std::vector<std::pair<std::string, std::string>> types = {
        {"usage", "Energy usage (interval data)"}, {"billing", "Billing history"}, {"account", "Account and service details"}};
    return types;
}

Result<ProxyTarget> proxyTarget(const Catalogue& catalogue, const std::string& formUid)
{
    const std::string prefix = "form-";
    if (formUid.rfind(prefix, 0) == 0)
        for (const Utility& u : catalogue.utilities)
            if (const Client* c = u.findClient(formUid.substr(prefix.size())); c && u.allows(AuthType::Proxy))
                return ProxyTarget{&u, c};
    return Error{"proxy.unknown_form", "form " + formUid, "no Green Button proxy authorization form has this id"};
}

Result<ProxySession> startProxySession(const ProxyTarget& target, const std::string& formUid, const std::string& email,
                                       bool confirmed, const std::string& redirectUri, const std::string& state)
{
    const std::size_t at = email.find('@');
    if (email.size() > 254 || at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.find_first_of(" <>\"") != std::string::npos)
        return Error{"proxy.bad_email", "email", "enter the email address you use with " + target.client->company};
    if (!confirmed)
        return Error{"proxy.not_confirmed", "confirm", "confirm that you share your data with " + target.client->company};
    if (!redirectUri.empty() &&
        std::none_of(target.client->redirectUris.begin(), target.client->redirectUris.end(),
                     [&](const std::string& r) { return redirectUriMatches(r, redirectUri); }))
        return Error{"proxy.bad_redirect_uri", "redirect_uri", "this redirect_uri is not registered for the form"};
    ProxySession s;
    s.utilityId = target.utility->id;
    s.clientId = target.client->clientId;
    s.formUid = formUid;
    s.email = email;
    s.redirectUri = redirectUri;
    s.state = state;
    return s;
}

Result<const Customer*> proxyLogin(const Catalogue& catalogue, const Utility& utility, ClientMode mode,
                                   const std::string& username, const std::string& password)
{
    for (const Customer& c : utility.customers)
        for (const Login& l : c.identities.login) {
            if (!constantTimeEquals(l.username, username) || !constantTimeEquals(l.password, password))
                continue;
            const Scenario* scenario = catalogue.findScenario(c.scenario);
            if (scenario && !scenario->customerFound)
                return Error{"proxy.customer_not_found", "username", "we couldn't find a customer account for this login"};
            if (mode == ClientMode::Sandbox && !c.test)
                return Error{"proxy.sandbox_client", "username",
                             "this company's registration is in sandbox mode: only test accounts can share data"};
            return &c;
        }
    return Error{"proxy.bad_login", "username", "the username or password is not correct"};
}

std::vector<std::pair<const Account*, const Service*>> flattenedServices(const Customer& customer)
{
    std::vector<std::pair<const Account*, const Service*>> out;
    for (const Account& a : customer.accounts)
        for (const Service& s : a.services)
            out.push_back({&a, &s});
    return out;
}

Status chooseShares(const Customer& customer, const std::vector<std::string>& services,
                    const std::vector<std::string>& dataTypes, ProxySession& session)
{
    const std::size_t count = flattenedServices(customer).size();
    std::vector<std::size_t> chosen;
    for (const std::string& s : services) {
        if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos || std::stoul(s) >= count)
            return Error{"proxy.bad_service", "service", "unknown service '" + s + "'"};
        if (std::find(chosen.begin(), chosen.end(), std::stoul(s)) == chosen.end())
            chosen.push_back(std::stoul(s));
    }
    if (chosen.empty())
        return Error{"proxy.no_service", "service", "choose at least one service to share"};
    std::vector<std::string> types;
    for (const std::string& t : dataTypes) {
        const auto& known = proxyDataTypes();
        if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return k.first == t; }))
            return Error{"proxy.bad_data_type", "data", "unknown kind of data '" + t + "'"};
        types.push_back(t);
    }
    if (types.empty())
        return Error{"proxy.no_data_type", "data", "choose at least one kind of data to share"};
    std::sort(chosen.begin(), chosen.end());
    session.services = chosen;
    session.dataTypes = types;
    return okStatus();
}

std::string ProxySessions::add(ProxySession session, EpochSeconds now)
{
    session.id = randomHex(16);
    session.expiresAt = now + kProxySessionSeconds;
    std::erase_if(sessions_, [now](const auto& kv) { return kv.second.expiresAt <= now; });
    sessions_[session.id] = session;
    return session.id;
}

std::optional<ProxySession> ProxySessions::find(const std::string& id, EpochSeconds now) const
{
    auto it = sessions_.find(id);
    if (it == sessions_.end() || it->second.expiresAt <= now)
        return std::nullopt;
    return it->second;
}

} // namespace gbc

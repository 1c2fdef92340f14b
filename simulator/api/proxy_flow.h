// Green Button proxy flow (pure): UtilityAPI form -> utility login -> data-sharing choices -> final confirmation.
// Sessions are keyed by an unguessable id carried in the URL and hidden form fields (no cookies, no JavaScript).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalogue.h"
#include "clock.h"
#include "result.h"

namespace gbc {

inline constexpr EpochSeconds kProxySessionSeconds = 1800;

enum class ProxyStage { Login, Share, Final, Done };

struct ProxySession {
    std::string id;
    std::string utilityId, clientId, formUid;
    std::string email;
    std::string redirectUri, state; // optional return to the third party (referral=<uid>&state=)
    ProxyStage stage = ProxyStage::Login;
    std::string customerId;
    std::vector<std::size_t> services;     // chosen service indices (accounts flattened)
    std::vector<std::string> dataTypes;    // usage, billing, account
    std::string authorizationUid;          // once Done
    EpochSeconds expiresAt = 0;
};

// The products the data-sharing page offers, in order.
const std::vector<std::pair<std::string, std::string>>& proxyDataTypes();

// The registration behind a proxy form uid ("form-<clientId>"), when its utility uses the proxy method.
struct ProxyTarget {
    const Utility* utility = nullptr;
    const Client* client = nullptr;
};
Result<ProxyTarget> proxyTarget(const Catalogue& catalogue, const std::string& formUid);

// Checks the first form: a plausible email, the company confirmed, a registered redirect_uri (when given).
Result<ProxySession> startProxySession(const ProxyTarget& target, const std::string& formUid, const std::string& email,
                                       bool confirmed, const std::string& redirectUri, const std::string& state);

// The customer whose utility login this is. Errors: proxy.bad_login, proxy.customer_not_found, proxy.sandbox_client.
Result<const Customer*> proxyLogin(const Catalogue& catalogue, const Utility& utility, ClientMode mode,
                                   const std::string& username, const std::string& password);

// Parses the data-sharing choices: service indices of the customer and data types; at least one of each.
Status chooseShares(const Customer& customer, const std::vector<std::string>& services,
                    const std::vector<std::string>& dataTypes, ProxySession& session);

// Thread-unsafe session table; the owner locks.
class ProxySessions {
public:
    std::string add(ProxySession session, EpochSeconds now);
    std::optional<ProxySession> find(const std::string& id, EpochSeconds now) const;
    void save(const ProxySession& session) { sessions_[session.id] = session; }

private:
    std::map<std::string, ProxySession> sessions_;
};

// Flattened services of a customer, in the order the usage model indexes them.
std::vector<std::pair<const Account*, const Service*>> flattenedServices(const Customer& customer);

} // namespace gbc

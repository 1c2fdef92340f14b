// The simulator's shared record of authorizations and tokens, as every API (OAuth, ESPI, JSON, ODR) sees it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clock.h"

namespace gbc {

// One customer's grant to one third party. uid = ESPI Subscription id = Authorization id = RetailCustomer id
// = JSON API authorization uid.
struct AuthorizationRecord {
    std::string uid;
    std::string utilityId;
    std::string clientId;
    std::string customerId;          // catalogue Customer::id
    std::string scope;               // granted scope string, e.g. "FB=4_16_51;HistoryLength=34128000"
    std::vector<int> functionBlocks; // parsed from scope
    EpochSeconds historyLengthSeconds = 0;
    std::vector<std::size_t> sharedServices; // indices into the customer's services (accounts flattened, in order)
    EpochSeconds created = 0;
    EpochSeconds expires = 0;        // absolute; 0 = until revoked
    EpochSeconds dataReadyAt = 0;    // created + scenario collection delay: Batch answers 202 before this
    std::string collectionError;     // scenario's collectionError: collecting fails at dataReadyAt ("" = succeeds)
    bool isTest = true;
    std::optional<EpochSeconds> revokedAt;
    std::optional<EpochSeconds> declinedAt;

    bool active(EpochSeconds now) const { return !revokedAt && !declinedAt && (expires == 0 || now < expires); }
    // Collection finished and failed (JSON meters/authorization "errored", no bills or intervals).
    bool collectionFailed(EpochSeconds now) const { return !collectionError.empty() && now >= dataReadyAt; }
};

// Which of the ESPI/JSON token classes a bearer token belongs to.
enum class TokenClass { CustomerAccess, ClientAccess, Registration, ApiToken };

struct TokenInfo {
    TokenClass tokenClass = TokenClass::CustomerAccess;
    std::string clientId;
    std::string utilityId;
    std::string authorizationUid; // CustomerAccess only
    std::string scope;
    EpochSeconds expiresAt = 0;   // 0 = never
    bool revoked = false;

    bool usable(EpochSeconds now) const { return !revoked && (expiresAt == 0 || now < expiresAt); }
};

// Thread-safe in the real implementation; APIs hold a reference and never cache records.
class AuthorizationDirectory {
public:
    virtual ~AuthorizationDirectory() = default;

    // Finds the class and owner of a bearer token (access, client, registration or JSON API token);
    // nullopt when the token was never issued. Callers compare usable(now) themselves (expired -> 401).
    virtual std::optional<TokenInfo> resolveToken(const std::string& bearer) const = 0;

    virtual std::optional<AuthorizationRecord> findAuthorization(const std::string& uid) const = 0;
    // Every authorization granted to this client, newest first.
    virtual std::vector<AuthorizationRecord> authorizationsOf(const std::string& clientId) const = 0;
    // Creates an authorization outside the OAuth flow (JSON API test-submit, proxy flow); uid assigned here.
    virtual AuthorizationRecord createAuthorization(AuthorizationRecord draft) = 0;
    // Marks it revoked at `at` and ends every token issued for it; nullopt when unknown.
    virtual std::optional<AuthorizationRecord> revokeAuthorization(const std::string& uid, EpochSeconds at) = 0;
};

} // namespace gbc

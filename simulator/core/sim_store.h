// The simulator's thread-safe in-memory store: authorizations, codes, tokens and authorize sessions.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "authorization_directory.h"
#include "catalogue.h"
#include "oauth_records.h"

namespace gbc {

enum class CodeStatus { Unknown, OtherClient, Expired, Reused, Valid };

struct CodeRedemption {
    CodeStatus status = CodeStatus::Unknown;
    CodeGrant grant;    // filled unless Unknown
    std::string codeId; // stable id of the code (its hash), ties tokens to it
};

enum class RevokeOutcome { Revoked, Unknown, OtherClient };

// What else goes when one token is revoked (RFC 7009 §2.1 leaves both choices to the server).
struct RevokePolicy {
    bool refreshTakesAccess = true;  // revoking a refresh token ends the access tokens of the same grant (SHOULD)
    bool accessTakesRefresh = false; // revoking an access token ends the grant's refresh token too (MAY)
};

// Secrets are kept keyed by SHA-256 and compared with CRYPTO_memcmp; they are never stored or logged whole.
// Authorization uids are decimal strings drawn from a generator seeded by `seed`: same seed, same sequence.
class SimStore : public AuthorizationDirectory {
public:
    SimStore(const Catalogue& catalogue, std::uint64_t seed);

    // AuthorizationDirectory
    std::optional<TokenInfo> resolveToken(const std::string& bearer) const override;
    std::optional<AuthorizationRecord> findAuthorization(const std::string& uid) const override;
    std::vector<AuthorizationRecord> authorizationsOf(const std::string& clientId) const override;
    AuthorizationRecord createAuthorization(AuthorizationRecord draft) override;
    std::optional<AuthorizationRecord> revokeAuthorization(const std::string& uid, EpochSeconds at) override;

    // Authorization codes (256 random bits). redeemCode marks the code used; redeeming it again answers Reused
    // and revokes every token issued from it, unless allowReuse (the code_reusable defect) is set. A code
    // presented by another client answers OtherClient and is left untouched, unless anyClient (the code_any_client
    // defect) is set.
    std::string issueCode(const CodeGrant& grant);
    CodeRedemption redeemCode(const std::string& code, const std::string& clientId, EpochSeconds now, bool allowReuse,
                              bool anyClient = false);

    // Bearer tokens (256 random bits). codeId may be empty (client_credentials).
    std::string issueAccessToken(const TokenInfo& info, const std::string& codeId);
    std::string issueRefreshToken(const RefreshGrant& grant);
    std::optional<RefreshGrant> findRefreshToken(const std::string& token) const;
    // RFC 7009: ends an access or refresh token of `clientId`, and its siblings of the same grant per `policy`.
    RevokeOutcome revokeToken(const std::string& token, const std::string& clientId, RevokePolicy policy = {});
    // Ends one refresh token only (rotation: RFC 6749 §6 lets the server retire the token just used).
    void retireRefreshToken(const std::string& token);

    // Authorize sessions, alive kFlowLifetimeSeconds from `now`; expired ones are invisible and purged lazily.
    // Returns the stored session: id (256 random bits) and expiresAt filled in.
    FlowState createFlow(FlowState flow, EpochSeconds now);
    std::optional<FlowState> findFlow(const std::string& id, EpochSeconds now) const;
    void saveFlow(const FlowState& flow);
    void endFlow(const std::string& id);

private:
    struct CodeEntry {
        CodeGrant grant;
        bool used = false;
    };
    struct AccessEntry {
        TokenInfo info;
        std::string codeId;
    };

    std::string nextUidLocked();
    void revokeCodeTokensLocked(const std::string& codeId);
    void revokeGrantLocked(const std::string& codeId, bool access, bool refresh);
    std::optional<TokenInfo> catalogueTokenLocked(const std::string& bearer) const;

    const Catalogue& catalogue_;
    mutable std::mutex mutex_;
    std::uint64_t rng_;
    std::uint64_t nextUid_;
    std::map<std::string, AuthorizationRecord> authorizations_;
    std::vector<std::string> authorizationOrder_; // creation order
    std::map<std::string, CodeEntry> codes_;        // by sha256(code)
    std::map<std::string, AccessEntry> access_;     // by sha256(token)
    std::map<std::string, RefreshGrant> refresh_;   // by sha256(token)
    std::map<std::string, FlowState> flows_;        // by sha256(flow id)
};

// A stable id for a client's Bulk resource and its client_credentials Authorization (digits, from the client id).
std::string clientBulkId(const std::string& clientId);

} // namespace gbc

// SimStore: one mutex over maps keyed by SHA-256 of each secret (a lookup by hash leaks nothing about the secret).
#include "sim_store.h"

#include <algorithm>

#include "secure_random.h"

namespace gbc {

namespace {

constexpr std::size_t kSecretBytes = 32; // 256 bits for codes, tokens and flow ids

// SplitMix64: a small, well-mixed deterministic generator for authorization uids.
std::uint64_t splitMix(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

std::string clientBulkId(const std::string& clientId)
{
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (unsigned char c : clientId)
        h = (h ^ c) * 1099511628211ULL;
    return std::to_string(900000 + h % 100000);
}

SimStore::SimStore(const Catalogue& catalogue, std::uint64_t seed)
    : catalogue_(catalogue), rng_(seed), nextUid_(0)
{
    nextUid_ = 100000 + splitMix(rng_) % 700000;
}

std::string SimStore::nextUidLocked()
{
    nextUid_ += 1 + splitMix(rng_) % 97;
    return std::to_string(nextUid_);
}

std::optional<TokenInfo> SimStore::catalogueTokenLocked(const std::string& bearer) const
{
    for (const Utility& u : catalogue_.utilities) {
        for (const Client* client : u.allClients()) {
            const Client& c = *client;
            TokenInfo info;
            info.clientId = c.clientId;
            info.utilityId = u.id;
            if (!c.registrationToken.empty() && constantTimeEquals(c.registrationToken, bearer)) {
                info.tokenClass = TokenClass::Registration;
                return info;
            }
            if (!c.apiToken.empty() && constantTimeEquals(c.apiToken, bearer)) {
                info.tokenClass = TokenClass::ApiToken;
                return info;
            }
        }
    }
    return std::nullopt;
}

std::optional<TokenInfo> SimStore::resolveToken(const std::string& bearer) const
{
    if (bearer.empty())
        return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = access_.find(sha256Hex(bearer));
    if (it != access_.end())
        return it->second.info;
    return catalogueTokenLocked(bearer);
}

std::optional<AuthorizationRecord> SimStore::findAuthorization(const std::string& uid) const
{
    std::lock_guard lock(mutex_);
    auto it = authorizations_.find(uid);
    if (it == authorizations_.end())
        return std::nullopt;
    return it->second;
}

std::vector<AuthorizationRecord> SimStore::authorizationsOf(const std::string& clientId) const
{
    std::lock_guard lock(mutex_);
    std::vector<AuthorizationRecord> out;
    for (auto it = authorizationOrder_.rbegin(); it != authorizationOrder_.rend(); ++it) {
        const AuthorizationRecord& rec = authorizations_.at(*it);
        if (rec.clientId == clientId)
            out.push_back(rec);
    }
    return out;
}

AuthorizationRecord SimStore::createAuthorization(AuthorizationRecord draft)
{
    std::lock_guard lock(mutex_);
    draft.uid = nextUidLocked();
    authorizations_[draft.uid] = draft;
    authorizationOrder_.push_back(draft.uid);
    return draft;
}

std::optional<AuthorizationRecord> SimStore::revokeAuthorization(const std::string& uid, EpochSeconds at)
{
    std::lock_guard lock(mutex_);
    auto it = authorizations_.find(uid);
    if (it == authorizations_.end())
        return std::nullopt;
    if (!it->second.revokedAt)
        it->second.revokedAt = at;
    for (auto& [hash, entry] : access_)
        if (entry.info.authorizationUid == uid)
            entry.info.revoked = true;
    for (auto& [hash, grant] : refresh_)
        if (grant.authorizationUid == uid)
            grant.revoked = true;
    return it->second;
}

std::string SimStore::issueCode(const CodeGrant& grant)
{
    const std::string code = randomHex(kSecretBytes);
    std::lock_guard lock(mutex_);
    codes_[sha256Hex(code)] = CodeEntry{grant, false};
    return code;
}

CodeRedemption SimStore::redeemCode(const std::string& code, const std::string& clientId, EpochSeconds now,
                                    bool allowReuse, bool anyClient)
{
    CodeRedemption out;
    out.codeId = sha256Hex(code);
    std::lock_guard lock(mutex_);
    auto it = codes_.find(out.codeId);
    if (code.empty() || it == codes_.end())
        return out;
    out.grant = it->second.grant;
    if (out.grant.clientId != clientId && !anyClient) {
        out.status = CodeStatus::OtherClient;
    } else if (it->second.used && !allowReuse) {
        revokeCodeTokensLocked(out.codeId);
        out.status = CodeStatus::Reused;
    } else if (now >= it->second.grant.expiresAt) {
        out.status = CodeStatus::Expired;
    } else {
        it->second.used = true;
        out.status = CodeStatus::Valid;
    }
    return out;
}

void SimStore::revokeCodeTokensLocked(const std::string& codeId)
{
    for (auto& [hash, entry] : access_)
        if (entry.codeId == codeId)
            entry.info.revoked = true;
    for (auto& [hash, grant] : refresh_)
        if (grant.codeId == codeId)
            grant.revoked = true;
}

std::string SimStore::issueAccessToken(const TokenInfo& info, const std::string& codeId)
{
    const std::string token = randomHex(kSecretBytes);
    std::lock_guard lock(mutex_);
    access_[sha256Hex(token)] = AccessEntry{info, codeId};
    return token;
}

std::string SimStore::issueRefreshToken(const RefreshGrant& grant)
{
    const std::string token = randomHex(kSecretBytes);
    std::lock_guard lock(mutex_);
    refresh_[sha256Hex(token)] = grant;
    return token;
}

std::optional<RefreshGrant> SimStore::findRefreshToken(const std::string& token) const
{
    std::lock_guard lock(mutex_);
    auto it = refresh_.find(sha256Hex(token));
    if (token.empty() || it == refresh_.end())
        return std::nullopt;
    return it->second;
}

RevokeOutcome SimStore::revokeToken(const std::string& token, const std::string& clientId, RevokePolicy policy)
{
    const std::string hash = sha256Hex(token);
    std::lock_guard lock(mutex_);
    if (auto it = access_.find(hash); it != access_.end()) {
        if (it->second.info.clientId != clientId)
            return RevokeOutcome::OtherClient;
        it->second.info.revoked = true;
        if (policy.accessTakesRefresh) // RFC 7009 §2.1: MAY revoke the respective refresh token as well
            revokeGrantLocked(it->second.codeId, true, true);
        return RevokeOutcome::Revoked;
    }
    if (auto it = refresh_.find(hash); it != refresh_.end()) {
        if (it->second.clientId != clientId)
            return RevokeOutcome::OtherClient;
        it->second.revoked = true;
        if (policy.refreshTakesAccess) // RFC 7009 §2.1: access tokens of the same grant SHOULD go too
            revokeGrantLocked(it->second.codeId, true, false);
        return RevokeOutcome::Revoked;
    }
    return RevokeOutcome::Unknown;
}

void SimStore::revokeGrantLocked(const std::string& codeId, bool access, bool refresh)
{
    if (codeId.empty())
        return;
    for (auto& [h, entry] : access_)
        if (access && entry.codeId == codeId)
            entry.info.revoked = true;
    for (auto& [h, grant] : refresh_)
        if (refresh && grant.codeId == codeId)
            grant.revoked = true;
}

void SimStore::retireRefreshToken(const std::string& token)
{
    std::lock_guard lock(mutex_);
    if (auto it = refresh_.find(sha256Hex(token)); it != refresh_.end())
        it->second.revoked = true;
}

FlowState SimStore::createFlow(FlowState flow, EpochSeconds now)
{
    flow.id = randomHex(kSecretBytes);
    flow.expiresAt = now + kFlowLifetimeSeconds;
    std::lock_guard lock(mutex_);
    std::erase_if(flows_, [&](const auto& kv) { return kv.second.expiresAt <= now; });
    flows_[sha256Hex(flow.id)] = flow;
    return flow;
}

std::optional<FlowState> SimStore::findFlow(const std::string& id, EpochSeconds now) const
{
    std::lock_guard lock(mutex_);
    auto it = flows_.find(sha256Hex(id));
    if (id.empty() || it == flows_.end() || now >= it->second.expiresAt)
        return std::nullopt;
    return it->second;
}

void SimStore::saveFlow(const FlowState& flow)
{
    std::lock_guard lock(mutex_);
    auto it = flows_.find(sha256Hex(flow.id));
    if (it != flows_.end())
        it->second = flow;
}

void SimStore::endFlow(const std::string& id)
{
    std::lock_guard lock(mutex_);
    flows_.erase(sha256Hex(id));
}

} // namespace gbc

// In-memory AuthorizationDirectory for unit tests: catalogue API tokens, sequential uids, no locking needed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "authorization_directory.h"
#include "catalogue.h"

namespace gbc {

class FakeDirectory : public AuthorizationDirectory {
public:
    explicit FakeDirectory(const Catalogue& catalogue) : catalogue_(catalogue) {}

    std::optional<TokenInfo> resolveToken(const std::string& bearer) const override
    {
        for (const Utility& u : catalogue_.utilities)
            for (const Client& c : u.clients)
                if (!bearer.empty() && c.apiToken == bearer)
                    return TokenInfo{TokenClass::ApiToken, c.clientId, u.id, "", "", 0, false};
        auto it = extraTokens.find(bearer);
        return it == extraTokens.end() ? std::nullopt : std::optional<TokenInfo>(it->second);
    }
    std::optional<AuthorizationRecord> findAuthorization(const std::string& uid) const override
    {
        auto it = records_.find(uid);
        return it == records_.end() ? std::nullopt : std::optional<AuthorizationRecord>(it->second);
    }
    std::vector<AuthorizationRecord> authorizationsOf(const std::string& clientId) const override
    {
        std::vector<AuthorizationRecord> out;
        for (auto it = order_.rbegin(); it != order_.rend(); ++it)
            if (records_.at(*it).clientId == clientId)
                out.push_back(records_.at(*it));
        return out;
    }
    AuthorizationRecord createAuthorization(AuthorizationRecord draft) override
    {
        draft.uid = std::to_string(nextUid_++);
        records_[draft.uid] = draft;
        order_.push_back(draft.uid);
        return draft;
    }
    std::optional<AuthorizationRecord> revokeAuthorization(const std::string& uid, EpochSeconds at) override
    {
        auto it = records_.find(uid);
        if (it == records_.end())
            return std::nullopt;
        if (!it->second.revokedAt)
            it->second.revokedAt = at;
        return it->second;
    }

    std::map<std::string, TokenInfo> extraTokens; // other token classes, for wrong-class tests

private:
    const Catalogue& catalogue_;
    std::map<std::string, AuthorizationRecord> records_;
    std::vector<std::string> order_;
    int nextUid_ = 467189;
};

} // namespace gbc

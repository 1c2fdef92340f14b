// Test helper: an in-memory AuthorizationDirectory plus a ready SimContext over the built-in catalogue.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "authorization_directory.h"
#include "catalogue_loader.h"
#include "clock.h"
#include "sim_context.h"
#include "time_format.h"

namespace gbc::testing {

class FakeDirectory : public AuthorizationDirectory {
public:
    std::map<std::string, TokenInfo> tokens;
    std::map<std::string, AuthorizationRecord> records;

    std::optional<TokenInfo> resolveToken(const std::string& bearer) const override
    {
        auto it = tokens.find(bearer);
        return it == tokens.end() ? std::nullopt : std::optional<TokenInfo>(it->second);
    }
    std::optional<AuthorizationRecord> findAuthorization(const std::string& uid) const override
    {
        auto it = records.find(uid);
        return it == records.end() ? std::nullopt : std::optional<AuthorizationRecord>(it->second);
    }
    std::vector<AuthorizationRecord> authorizationsOf(const std::string& clientId) const override
    {
        std::vector<AuthorizationRecord> out;
        for (const auto& [uid, r] : records)
            if (r.clientId == clientId)
                out.insert(out.begin(), r);
        return out;
    }
    AuthorizationRecord createAuthorization(AuthorizationRecord draft) override
    {
        if (draft.uid.empty())
            draft.uid = std::to_string(500000 + records.size());
        records[draft.uid] = draft;
        return draft;
    }
    std::optional<AuthorizationRecord> revokeAuthorization(const std::string& uid, EpochSeconds at) override
    {
        auto it = records.find(uid);
        if (it == records.end())
            return std::nullopt;
        it->second.revokedAt = at;
        for (auto& [t, info] : tokens)
            if (info.authorizationUid == uid)
                info.revoked = true;
        return it->second;
    }
};

inline EpochSeconds at(const std::string& iso)
{
    return parseIso8601(iso).value();
}

inline const Catalogue& catalogue()
{
    static const Catalogue c = builtinCatalogue().value();
    return c;
}

// A context with a fixed clock, the built-in catalogue and a fake directory.
struct World {
    FixedClock clock{at("2025-06-15T15:30:00Z")};
    FakeDirectory directory;
    SimContext ctx{catalogue(), clock, directory, 42, {}, {}};

    // Grants `customerId` of `utilityId` to the utility's first client; returns the record.
    AuthorizationRecord grant(const std::string& uid, const std::string& utilityId, const std::string& customerId,
                              std::vector<int> fbs = {1, 4, 5, 10, 11, 15, 16, 17, 51})
    {
        AuthorizationRecord r;
        r.uid = uid;
        r.utilityId = utilityId;
        r.clientId = catalogue().findUtility(utilityId)->clients.at(0).clientId;
        r.customerId = customerId;
        r.functionBlocks = std::move(fbs);
        r.scope = "FB=1_4_5_10_11_15_16_17_51";
        r.created = clock.now() - 3600;
        r.dataReadyAt = r.created;
        directory.records[uid] = r;
        return r;
    }
    // Issues a bearer token of a class for a client (and authorization, for customer tokens).
    std::string token(const std::string& value, TokenClass cls, const AuthorizationRecord& r)
    {
        TokenInfo t;
        t.tokenClass = cls;
        t.clientId = r.clientId;
        t.utilityId = r.utilityId;
        if (cls == TokenClass::CustomerAccess)
            t.authorizationUid = r.uid;
        t.scope = r.scope;
        directory.tokens[value] = t;
        return value;
    }
};

} // namespace gbc::testing

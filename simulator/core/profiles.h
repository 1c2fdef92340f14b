// Custodian profiles (`gbc-sim --profile NAME`, `gbc-sim profiles`): named quirks of real Data Custodians, each citing
// the public report it models. A profile is data: variations and defects it reuses, plus behaviours of its own.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "result.h"
#include "variations.h"

namespace gbc {

// Behaviours only profiles switch on; each is implemented where its area's handler asks SimContext::behaviourFor.
enum class ProfileBehaviour {
    AsyncBatch,             // Batch answers 202 until a BatchList naming its resources was delivered
    NotifyBefore202,        // ... and that BatchList is POSTed before the 202 is answered
    PublishedMinDayCeiling, // published-min rounded up to the next UTC midnight
    FuturePublishedMax400,  // a published-max in the future answers a bare 400
    SubSecondTimestamps400, // a date filter with a fraction of a second answers a bare 400
    StalePublished,         // every entry's <published> is kStalePublished, and published filters compare it
    RefreshRequiresScope,   // a refresh without scope answers invalid_scope
    ExtendedScopeRefused,   // HistoryLength / IntervalDuration in a scope answer invalid_scope
    NoNewRefreshToken,      // a refresh answers no refresh_token (the old one stays valid)
    BasicAuthOnly,          // client authentication by form fields answers invalid_client
    FormAuthOnly,           // client authentication by HTTP Basic answers invalid_client
    PrefixChurn,            // every ESPI answer uses the next namespace form (as written, espi:, ns0:/ns1:, default)
    MetersAttachedLate,     // JSON API: an authorization shows no meters for kProfileDelaySeconds after its grant
    EmptyFirstFetch,        // usage feeds are empty for kProfileDelaySeconds after the grant
    AuthorizationExpires,   // authorizations expire kShortAuthorizationSeconds after the grant
    CustomerRevokes,        // the customer revokes every authorization kShortAuthorizationSeconds after the grant
    WebhooksLate,           // webhook deliveries are first attempted kProfileLateSeconds after the event
    WebhooksTwice,          // every webhook delivery is sent twice
    WebhooksOutOfOrder,     // one delivery per event, newest first
};

inline constexpr long long kProfileDelaySeconds = 300;        // meters attached late, empty first fetch
inline constexpr long long kShortAuthorizationSeconds = 7200; // expiring and revoked authorizations
inline constexpr long long kProfileLateSeconds = 3600;        // late webhooks
inline constexpr long long kStalePublished = 1577836800;      // 2020-01-01T00:00:00Z
inline constexpr long long kAsyncBatchRetrySeconds = 5;       // Retry-After of an async Batch job

// Does a scope string carry the extended parameters some custodians refuse (profile extended_scope_refused)?
inline bool hasExtendedScopeParameters(const std::string& scope)
{
    return scope.find("HistoryLength=") != std::string::npos || scope.find("IntervalDuration=") != std::string::npos;
}

struct ProfileInfo {
    const char* name;        // stable, snake_case
    const char* description; // one line: what the simulator does when it is on
    const char* source;      // the public report it models
    std::vector<Variation> variations;           // reused variation switches
    std::vector<const char*> defects;            // reused defect switches (names from allDefects())
    std::vector<ProfileBehaviour> behaviours;    // behaviours of its own
};

const std::vector<ProfileInfo>& allProfiles();
const ProfileInfo* findProfile(const std::string& name);
const char* toString(ProfileBehaviour b);
// Every defect a profile names exists (called at start and by the tests); the error names the profile.
Status validateProfiles();

// The switches of a set of profiles, merged.
struct ProfileSwitches {
    Variations variations;
    std::set<std::string> defects;
    std::set<ProfileBehaviour> behaviours;
};
// Unknown names -> Error{"invalid_param", "/profiles/<index>", ...}.
Result<ProfileSwitches> resolveProfiles(const std::vector<std::string>& names);

// Runtime profile state shared by every copy of the context: per-client profiles and what the async batch
// jobs and the namespace churn remember. Thread-safe.
class ProfileState {
public:
    // Replaces the client's profiles (already validated by resolveProfiles).
    void setClientProfiles(const std::string& clientId, std::vector<std::string> names, ProfileSwitches switches);
    std::vector<std::string> clientProfiles(const std::string& clientId) const;
    std::optional<ProfileSwitches> clientSwitches(const std::string& clientId) const;

    // Async batch: a Batch request started a job for subscription `uid` (remembered until its BatchList is queued).
    void requestBatch(const std::string& uid);
    std::vector<std::string> takeBatchRequests();
    void markBatchDelivered(const std::string& uid);
    bool batchDelivered(const std::string& uid) const;

    unsigned nextChurn() { return churn_++; }

    // Set by the API module: one notification round now (notify before 202) and a wake-up of the pump.
    std::function<void()> deliverNow, wakePump;

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::pair<std::vector<std::string>, ProfileSwitches>> clients_;
    std::set<std::string> batchRequests_, batchDelivered_;
    std::atomic<unsigned> churn_{0};
};

} // namespace gbc

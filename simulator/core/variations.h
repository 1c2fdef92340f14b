// The catalogue of legitimate variations (`gbc-sim --variation NAME`): behaviours the standards allow but the
// simulator does not show by default. Clients and conformance tools must cope with every one of them.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gbc {

enum class Variation {
    RotatingRefreshTokens,
    RevokeAccessTakesRefresh,
    RevokeRefreshKeepsAccess,
    FailedLogin401,
    XmlPrefixEspi,
    XmlPrefixNs0Ns1,
    XmlDefaultNamespace,
    JsonLocalOffsets,
    RetryAfterHttpDate,
    OdrRepeat429,
    BatchResourceUri,
    CollectionDelay,
    ReservedCharSecrets,
};

struct VariationInfo {
    Variation id;
    const char* name;        // stable, snake_case
    const char* description; // what the simulator does differently when it is on
    const char* allowedBy;   // the clause that allows it
};

const std::vector<VariationInfo>& allVariations();
std::optional<Variation> findVariation(const std::string& name);
const VariationInfo& variationInfo(Variation v);

using Variations = std::set<Variation>;

// collection_delay_202: the least collection time of a new authorization.
inline constexpr long long kVariationCollectionSeconds = 60;

} // namespace gbc

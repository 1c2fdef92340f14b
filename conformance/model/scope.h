// Green Button / UtilityAPI scope strings: "FB=4_16_51;Key=Value;...;AdditionalScope=a_b_auth-type-value".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clock.h"
#include "result.h"

namespace gbc {

// 13 months (395 days) of history: what the simulator grants and generates when the scope names no HistoryLength.
inline constexpr EpochSeconds kDefaultHistoryLengthSeconds = 34128000;

// One `auth-{type}[-{value}]` item of AdditionalScope, e.g. auth-lastbill-111111111-1 or auth-email-joe%40example.com.
struct AuthHint {
    std::string type;  // as written: lastbill, test, sso, account, phone, email, address, utility, ...
    std::string value; // percent-decoded; empty when the item has no value
    bool hasValue = false;

    bool operator==(const AuthHint&) const = default;
};

// A parsed scope. A value type: build it with parseScope, print it with toString.
struct Scope {
    std::vector<int> functionBlocks;                          // FB, in the order written
    std::vector<std::pair<std::string, std::string>> params;  // every other Key=Value except AdditionalScope, in order
    std::vector<std::string> additionalScope;                 // AdditionalScope items (auth items re-joined, see parseScope)
    std::vector<AuthHint> authHints;                          // every auth-* item of AdditionalScope, in order
    std::optional<EpochSeconds> historyLengthSeconds;         // HistoryLength when present

    bool hasFunctionBlock(int fb) const;
    std::optional<std::string> param(const std::string& key) const;
    // The first auth hint (the one that chooses the verification page), if any.
    std::optional<AuthHint> authHint() const;
    EpochSeconds historyLengthOrDefault() const { return historyLengthSeconds.value_or(kDefaultHistoryLengthSeconds); }

    // Canonical text: FB first, then params in order, then AdditionalScope. parseScope(s.toString()) == s.
    std::string toString() const;

    bool operator==(const Scope&) const = default;
};

// Parses a scope. Accepts the decoded form (FB=4_16_51;...) and, when no '=' is present, the once-more
// percent-encoded form (FB%3D4_16_51%3B...). Auth hint values are percent-decoded.
// Errors have code "invalid_scope", where "scope" and a message naming the offending parameter.
//
// Splitting AdditionalScope on '_' would cut test account names (auth-test-test_residential), so a piece that
// follows an auth-* item and does not start a known item (auth-, historical-, ongoing-, meters-, sou-, noedit)
// is glued back onto that auth item's value.
Result<Scope> parseScope(const std::string& text);

} // namespace gbc

// Values the OAuth core keeps in the store between requests: authorize sessions, codes and refresh grants.
#pragma once

#include <string>

#include "catalogue.h"
#include "clock.h"

namespace gbc {

inline constexpr EpochSeconds kCodeLifetimeSeconds = 600;     // authorization codes: 10 minutes
inline constexpr EpochSeconds kAccessTokenLifetimeSeconds = 3600;
inline constexpr EpochSeconds kFlowLifetimeSeconds = 1800;    // an unfinished authorize session
inline constexpr EpochSeconds kDefaultAuthorizationSeconds = 3 * 365 * 86400; // PreferredAuthEndDate absent
inline constexpr int kMaxOtpAttempts = 5;

enum class FlowStage { Verify, Otp, Consent };

// One customer's walk through the authorize pages, keyed by an unguessable id carried in a hidden form field.
struct FlowState {
    std::string id;
    std::string utilityId, clientId;
    std::string redirectUri; // as sent; empty when redirectUriSent is false
    bool redirectUriSent = false;
    std::string state;
    bool stateSent = false;
    std::string scope; // the scope that will be granted (text)
    std::string codeChallenge, codeChallengeMethod; // empty when no PKCE
    AuthType authType = AuthType::Test;
    std::string prefill; // auth hint value
    bool prompt = false; // prompt=on
    FlowStage stage = FlowStage::Verify;
    std::string customerId; // set once identified (lookup match or verification)
    std::string otp;
    int otpAttempts = 0;
    EpochSeconds expiresAt = 0;
};

// What an authorization code stands for.
struct CodeGrant {
    std::string utilityId, clientId, authorizationUid;
    std::string redirectUri;
    bool redirectUriSent = false;
    std::string codeChallenge, codeChallengeMethod;
    std::string scope;
    EpochSeconds issuedAt = 0;
    EpochSeconds expiresAt = 0;
};

// What a refresh token stands for; codeId ties it (and access tokens) to the code it came from.
struct RefreshGrant {
    std::string utilityId, clientId, authorizationUid, scope, codeId;
    bool revoked = false;
};

} // namespace gbc

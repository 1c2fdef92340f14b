// Demo third-party website (/DataCustodian/thirdparty-demo): its server-side sessions and pages.
#pragma once

#include <string>
#include <vector>

#include "catalogue.h"
#include "clock.h"
#include "demo_usage.h"

namespace gbc {

inline constexpr const char* kDemoPath = "/DataCustodian/thirdparty-demo";
inline constexpr const char* kDemoDefaultScope = "FB=1_3_4_5_13_14_16_18_19_31_32_35_37_39_51;IntervalDuration=900;"
                                                 "BlockDuration=daily;HistoryLength=34128000";

// Between "Connect" and the callback, keyed by the OAuth state.
struct DemoSession {
    std::string clientId, clientSecret, utilityId, redirectUri, scope;
    std::string codeVerifier; // PKCE (S256): the challenge went to the authorize request
    bool scopeReduced = false; // already retried without HistoryLength/IntervalDuration after invalid_scope
    EpochSeconds expiresAt = 0;
};

enum class DemoAuthMethod { Basic, Form };

// After the code exchange, keyed by an unguessable view id: the tokens stay on the server.
struct DemoView {
    std::string clientId, clientSecret, utilityId, accessToken, refreshToken, resourceUri, scope;
    DemoAuthMethod authMethod = DemoAuthMethod::Basic; // the client authentication the token endpoint accepted
    EpochSeconds tokenExpiresAt = 0;
    EpochSeconds expiresAt = 0;    // the view's own lifetime
    EpochSeconds lastDataAt = 0;   // when usage data last arrived (0: never; the next fetch is a full one)
    EpochSeconds retryAt = 0;      // Retry-After: no request to the utility before this
    std::string ended;             // why the utility no longer serves this authorization ("" while it does)
    std::vector<ServiceSeries> usage; // everything fetched so far, merged
};

// The configuration form. Prefills from the catalogue when clientId names a registration (public sandbox secret).
std::string demoConfigPage(const Catalogue& catalogue, const std::string& clientId, const std::string& error);
// The usage page: one chart and one table per meter, grouped by service, and a note about the last fetch.
std::string demoUsagePage(const DemoView& view, const std::string& note);

} // namespace gbc

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
    std::string clientId, clientSecret, utilityId, redirectUri;
    EpochSeconds expiresAt = 0;
};

// After the code exchange, keyed by an unguessable view id: the tokens stay on the server.
struct DemoView {
    std::string clientId, utilityId, accessToken, resourceUri, scope;
    EpochSeconds expiresAt = 0;
};

// The configuration form. Prefills from the catalogue when clientId names a registration (public sandbox secret).
std::string demoConfigPage(const Catalogue& catalogue, const std::string& clientId, const std::string& error);
// The usage page: chart + table of daily kWh, or a note while the utility still collects data.
std::string demoUsagePage(const DemoView& view, const std::vector<DailyUsage>& days, const std::string& note);

} // namespace gbc

// The demo site as a third-party client of the simulator: token exchange and refresh with one client-authentication
// method, and usage fetching that honours Retry-After, fetches incrementally and follows BatchList notifications.
#pragma once

#include <string>

#include "api_state.h"

namespace gbc {

// The simulator's own origin (--public-url or the address bound): the demo talks to nothing else.
std::string demoOwnBase(const ApiState& state);

// Exchanges `code` for tokens (HTTP Basic; once more with form fields when Basic is refused as invalid_client).
// Errors carry what the token endpoint answered.
Result<DemoView> demoExchangeCode(ApiState& state, const DemoSession& session, const std::string& code);

// Brings `view` up to date: refreshes the access token only when it is (about to be) expired or refused, fetches
// the resources a BatchList named for its subscription (else the Batch, with published-min after the first data),
// waits out Retry-After, and stops for good once the authorization is refused. Returns a note for the page.
std::string demoRefreshUsage(ApiState& state, DemoView& view);

// Stores the resource URIs of a BatchList POSTed to the demo's notify URI, by subscription id; false when the body
// is not a BatchList.
bool demoStoreNotification(ApiState& state, const std::string& body);

} // namespace gbc

// Authorizations made outside the OAuth flow (JSON API test-submit, Green Button proxy form): one place that
// fills the record the same way the OAuth flow does, stores it in the directory and announces it.
#pragma once

#include <string>
#include <vector>

#include "api_state.h"

namespace gbc {

// The scope granted to test-submit and proxy authorizations: interval data, bills, customer/account data.
inline constexpr const char* kApiGrantScope =
    "FB=1_3_4_5_8_13_14_16_18_19_31_32_35_37_39_51;IntervalDuration=900;BlockDuration=daily;"
    "HistoryLength=34128000;SubscriptionFrequency=daily;AccountCollection=1";

// The registration whose client id is `clientId`, in any utility.
const Client* findClientById(const Catalogue& catalogue, const std::string& clientId, const Utility** utility = nullptr);

// The registration's effective mode allows this customer: live reaches everyone, sandbox only test customers.
bool modeAllows(const ApiState& state, const Client& client, const Customer& customer);

// Creates, stores and announces the authorization (events, webhook, ESPI push once data is ready).
AuthorizationRecord grantAuthorization(ApiState& state, const Utility& utility, const Client& client,
                                       const Customer& customer, const std::vector<std::size_t>& sharedServices,
                                       const AuthorizationExtras& extras);

} // namespace gbc

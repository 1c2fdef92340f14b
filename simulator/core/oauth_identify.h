// Finding the customer named on a verification page (pure lookups over one utility's catalogue entry).
#pragma once

#include <string>

#include "catalogue.h"

namespace gbc {

// Latest-bill check: account number (case-insensitive), amount compared in cents ("100" = "100.0" = "$100.00"),
// date as YYYY-MM-DD. nullptr when nothing matches.
const Customer* findByLastbill(const Utility& utility, const std::string& account, const std::string& amount,
                               const std::string& date);
// Utility login (sso, proxy): username case-insensitive, password compared in constant time.
const Customer* findByLogin(const Utility& utility, const std::string& username, const std::string& password);
// Test account name, e.g. test_residential.
const Customer* findByTestAccount(const Utility& utility, const std::string& name);
// Lookup by account number, phone (digits only; a leading US country code 1 is optional), email
// (case-insensitive) or address (case, punctuation and spacing ignored). `type` must be one of those four.
const Customer* findByLookup(const Utility& utility, AuthType type, const std::string& value);

bool isLookupType(AuthType type);

// Amount text to cents; -1 when it is not a money amount.
long long amountInCents(const std::string& text);

} // namespace gbc

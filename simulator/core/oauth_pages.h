// HTML of the authorize pages: verification per auth type, one-time code, consent. Everything echoed is escaped.
#pragma once

#include <string>

#include "catalogue.h"
#include "oauth_records.h"

namespace gbc {

// What every authorize page needs: who asks, at which utility, in which session, and where the form posts.
struct PageContext {
    const Utility& utility;
    const Client& client;
    ClientMode mode; // the registration's current mode (runtime switch or catalogue)
    const FlowState& flow;
    std::string formAction; // the authorize path the session started on
};

// Verification form for flow.authType (fields: lastbill account_number/bill_amount/bill_date; sso and proxy
// username/password; test test_account; lookups lookup_value). `errorHtml` comes from errorElement().
std::string verifyPage(const PageContext& page, const std::string& errorHtml);
// One-time code form (field otp); in sandbox mode the code is shown in #sandbox-otp.
std::string otpPage(const PageContext& page, const std::string& errorHtml);
// Consent: services (name="service", value = flattened index, all checked), decision approve/decline.
std::string consentPage(const PageContext& page, const Customer& customer, const std::string& errorHtml);

// Human label of a verification type, e.g. "Latest bill".
std::string authTypeLabel(AuthType type);

} // namespace gbc

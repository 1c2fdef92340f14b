// HTML of the Green Button proxy flow (plain forms, no JavaScript): the UtilityAPI-branded form and final step,
// and the utility's login and data-sharing pages.
#pragma once

#include <string>

#include "catalogue.h"
#include "proxy_flow.h"

namespace gbc {

// `error` is already an errorElement(...) or empty.
std::string proxyFormPage(const Utility& u, const Client& c, const std::string& formUid, const std::string& email,
                          const std::string& redirectUri, const std::string& state, const std::string& error);
std::string proxyLoginPage(const Utility& u, const std::string& sessionId, const std::string& error);
std::string proxySharePage(const Utility& u, const Customer& customer, const std::string& sessionId, const std::string& error);
std::string proxyFinalPage(const Utility& u, const Client& c, const ProxySession& s, const Customer& customer,
                           const std::string& error);
std::string proxyDonePage(const Utility& u, const Client& c, const ProxySession& s);

} // namespace gbc

// UtilityAPI webhook signing: body layout, salt and X-UtilityAPI-Webhook-Signature = hex SHA-256 of "<secret>.<salt>.<body>".
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace gbc {

// A fresh salt: 16 random bytes from OpenSSL RAND_bytes, hex-encoded.
std::string newWebhookSalt();

// The webhook body exactly as sent: {"events": [...], "next": null}, 4-space pretty-printed.
std::string webhookBody(const nlohmann::json& events);
std::string webhookSignature(const std::string& secret, const std::string& salt, const std::string& body);
// The two headers a webhook POST carries.
std::vector<std::pair<std::string, std::string>> webhookHeaders(const std::string& secret, const std::string& salt,
                                                                const std::string& body);
// Receiver side: constant-time comparison of a received signature with the expected one.
bool verifyWebhookSignature(const std::string& secret, const std::string& salt, const std::string& body,
                            const std::string& signature);

} // namespace gbc

// Runtime overrides of catalogue registrations (sandbox/live mode, webhook and ESPI notify targets), set via /__sim/.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "catalogue.h"
#include "client_modes.h"

namespace gbc {

struct ClientOverride {
    std::optional<std::string> webhookUrl, notifyUri, webhookSecret;
};

// Thread-safe. Every reader passes the catalogue Client and gets the override when one is set. Modes live in the
// context's ClientModes (shared with the OAuth core); notification targets here.
class ClientSettings {
public:
    explicit ClientSettings(std::shared_ptr<ClientModes> modes) : modes_(std::move(modes)) {}

    ClientMode mode(const Client& client) const;
    std::string webhookUrl(const Client& client) const;
    std::string notifyUri(const Client& client) const;
    std::string webhookSecret(const Client& client) const;

    void setMode(const std::string& clientId, ClientMode mode);
    // nullopt leaves a field as it is; an empty string clears the override (back to the catalogue value).
    void setTargets(const std::string& clientId, const std::optional<std::string>& webhookUrl,
                    const std::optional<std::string>& notifyUri, const std::optional<std::string>& webhookSecret);

private:
    std::optional<ClientOverride> find(const std::string& clientId) const;

    std::shared_ptr<ClientModes> modes_;
    mutable std::mutex mutex_;
    std::map<std::string, ClientOverride> overrides_;
};

} // namespace gbc

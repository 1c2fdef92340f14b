// Runtime overrides of catalogue registrations.
#include "client_settings.h"

namespace gbc {

std::optional<ClientOverride> ClientSettings::find(const std::string& clientId) const
{
    std::lock_guard lock(mutex_);
    auto it = overrides_.find(clientId);
    return it == overrides_.end() ? std::nullopt : std::optional<ClientOverride>(it->second);
}

ClientMode ClientSettings::mode(const Client& client) const { return modes_->modeOf(client); }

std::string ClientSettings::webhookUrl(const Client& client) const
{
    auto o = find(client.clientId);
    return o && o->webhookUrl ? *o->webhookUrl : client.webhookUrl;
}

std::string ClientSettings::notifyUri(const Client& client) const
{
    auto o = find(client.clientId);
    return o && o->notifyUri ? *o->notifyUri : client.notifyUri;
}

std::string ClientSettings::webhookSecret(const Client& client) const
{
    auto o = find(client.clientId);
    return o && o->webhookSecret ? *o->webhookSecret : client.webhookSecret;
}

void ClientSettings::setMode(const std::string& clientId, ClientMode mode) { modes_->set(clientId, mode); }

void ClientSettings::setTargets(const std::string& clientId, const std::optional<std::string>& webhookUrl,
                                const std::optional<std::string>& notifyUri,
                                const std::optional<std::string>& webhookSecret)
{
    std::lock_guard lock(mutex_);
    ClientOverride& o = overrides_[clientId];
    auto apply = [](std::optional<std::string>& field, const std::optional<std::string>& value) {
        if (!value)
            return;
        if (value->empty())
            field.reset();
        else
            field = *value;
    };
    apply(o.webhookUrl, webhookUrl);
    apply(o.notifyUri, notifyUri);
    apply(o.webhookSecret, webhookSecret);
}

} // namespace gbc

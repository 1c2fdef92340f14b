// Runtime sandbox/live switches of catalogue registrations (POST /__sim/clients/{clientId}/mode), consulted by every
// module that must keep sandbox registrations away from non-test customers. Thread-safe; header-only.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "catalogue.h"

namespace gbc {

class ClientModes {
public:
    // The registration's mode now: the runtime switch when one was set, else the catalogue's Client::mode.
    ClientMode modeOf(const Client& client) const
    {
        std::lock_guard lock(mutex_);
        auto it = modes_.find(client.clientId);
        return it == modes_.end() ? client.mode : it->second;
    }
    void set(const std::string& clientId, ClientMode mode)
    {
        std::lock_guard lock(mutex_);
        modes_[clientId] = mode;
    }

private:
    mutable std::mutex mutex_;
    std::map<std::string, ClientMode> modes_;
};

} // namespace gbc

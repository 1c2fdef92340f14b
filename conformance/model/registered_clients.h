// Clients registered at run time (POST /__sim/clients, --clients FILE): an append-only, thread-safe list per utility.
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace gbc {

struct Client;

// Entries are never removed or moved, so a pointer handed out stays valid as long as the registry lives:
// handlers may keep `const Client*` across a request while another thread registers more.
class RegisteredClients {
public:
    const Client* find(const std::string& clientId) const;
    std::vector<const Client*> all() const; // registration order
    const Client* add(const Client& client);

private:
    mutable std::mutex mutex_;
    std::deque<Client> clients_;
};

} // namespace gbc

// RegisteredClients: one mutex over a deque (push_back never moves existing elements).
#include "registered_clients.h"

#include "catalogue.h"

namespace gbc {

const Client* RegisteredClients::find(const std::string& clientId) const
{
    std::lock_guard lock(mutex_);
    for (const Client& c : clients_)
        if (c.clientId == clientId)
            return &c;
    return nullptr;
}

std::vector<const Client*> RegisteredClients::all() const
{
    std::lock_guard lock(mutex_);
    std::vector<const Client*> out;
    for (const Client& c : clients_)
        out.push_back(&c);
    return out;
}

const Client* RegisteredClients::add(const Client& client)
{
    std::lock_guard lock(mutex_);
    clients_.push_back(client);
    return &clients_.back();
}

} // namespace gbc

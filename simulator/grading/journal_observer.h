// Attributes every request the simulator answers (and every delivery it sends) to a client and journals it.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "client_journal.h"
#include "http_types.h"
#include "outbound_http.h"
#include "sim_context.h"

namespace gbc {

// What grading needs to know about a registered client (catalogue or registered at run time).
struct ClientRef {
    std::string clientId, utilityId;
    std::string notifyUri, webhookUrl, webhookSecret;
    std::vector<std::string> redirectUris;
};

// Finds clients by id and lists them all; the default reads the catalogue. Runtime registrations plug in here.
struct ClientLookup {
    std::function<std::optional<ClientRef>(const std::string&)> find;
    std::function<std::vector<ClientRef>()> all;
};
ClientLookup catalogueLookup(const Catalogue& catalogue);

class ClientJournals {
public:
    ClientJournals(const SimContext& ctx, JournalCap cap, ClientLookup lookup);

    // One answered request: journaled when it can be attributed to a known client, ignored otherwise.
    void observe(const HttpRequest& req, const HttpAnswer& answer);
    // One delivery the simulator made (notification, webhook): attributed by the client's target URL.
    void observeOutbound(const OutboundRequest& req, const OutboundResponse& res);
    // Adds an entry built elsewhere (webhook probe) to a known client's journal.
    void record(const std::string& clientId, JournalEntry entry);

    // The client's journal (made on first use); null for an unknown client.
    std::shared_ptr<ClientJournal> journal(const std::string& clientId);
    // The client with the delivery targets set at run time (POST /__sim/clients/{id}/notifications) applied.
    std::optional<ClientRef> client(const std::string& clientId) const;
    const SimContext& context() const { return ctx_; }
    const JournalCap& cap() const { return cap_; }

private:
    struct RecentAuthorize {
        std::string clientId, state, redirectUri;
    };
    std::string attribute(const HttpRequest& req) const;
    std::optional<JournalEntry> codeIssued(const HttpRequest& req, const HttpAnswer& answer, std::string& clientId);
    void remember(const std::string& clientId, const JournalEntry& authorize);
    void learnTargets(const HttpRequest& req, const HttpAnswer& answer);
    ClientRef withTargets(ClientRef ref) const; // needs mutex_

    const SimContext& ctx_;
    const JournalCap cap_;
    const ClientLookup lookup_;
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<ClientJournal>> journals_;
    std::deque<RecentAuthorize> recent_; // bounded: ties a code redirect back to the authorize request
    std::map<std::string, ClientRef> targets_; // delivery targets set through the admin API, by client id
};

// An OutboundHttp that journals each delivery through `journals` (which must outlive it).
std::shared_ptr<OutboundHttp> journalingOutbound(std::shared_ptr<OutboundHttp> inner, ClientJournals& journals);

} // namespace gbc

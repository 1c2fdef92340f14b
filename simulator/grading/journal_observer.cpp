// Client attribution: client_id at authorize, client credentials at token/revoke, bearer token -> grant -> client.
#include "journal_observer.h"

#include "client_auth.h"
#include "journal_facts.h"
#include "url_codec.h"

namespace gbc {

namespace {

constexpr std::size_t kRecentAuthorizes = 1024;

ClientRef refOf(const Utility& u, const Client& c)
{
    return ClientRef{c.clientId, u.id, c.notifyUri, c.webhookUrl, c.webhookSecret, c.redirectUris};
}

// The client id of "Authorization: Basic base64(id:secret)" (form-urlencoded id), "" when absent or malformed.
std::string basicClientId(const HttpRequest& req)
{
    const std::string h = req.header("authorization");
    if (h.size() <= 6 || (h.compare(0, 6, "Basic ") != 0 && h.compare(0, 6, "basic ") != 0))
        return {};
    const auto decoded = decodeBase64(h.substr(6));
    if (!decoded)
        return {};
    const auto id = percentDecode(decoded->substr(0, decoded->find(':')), true);
    return id ? *id : std::string();
}

std::string paramOf(const std::string& url, const std::string& name)
{
    const std::size_t q = url.find('?');
    if (q == std::string::npos)
        return {};
    auto fields = parseUrlEncoded(url.substr(q + 1, url.find('#', q) - q - 1), "location");
    if (!fields || fields->find(name) == fields->end())
        return {};
    return fields->find(name)->second;
}

class JournalingOutbound : public OutboundHttp {
public:
    JournalingOutbound(std::shared_ptr<OutboundHttp> inner, ClientJournals& journals)
        : inner_(std::move(inner)), journals_(journals) {}
    OutboundResponse send(const OutboundRequest& request) override
    {
        OutboundResponse res = inner_->send(request);
        journals_.observeOutbound(request, res);
        return res;
    }

private:
    std::shared_ptr<OutboundHttp> inner_;
    ClientJournals& journals_;
};

} // namespace

ClientLookup catalogueLookup(const Catalogue& catalogue)
{
    ClientLookup l;
    l.find = [&catalogue](const std::string& id) -> std::optional<ClientRef> {
        for (const Utility& u : catalogue.utilities)
            if (const Client* c = u.findClient(id))
                return refOf(u, *c);
        return std::nullopt;
    };
    l.all = [&catalogue] {
        std::vector<ClientRef> out;
        for (const Utility& u : catalogue.utilities)
            for (const Client* c : u.allClients()) // catalogue and registered (POST /__sim/clients)
                out.push_back(refOf(u, *c));
        return out;
    };
    return l;
}

ClientJournals::ClientJournals(const SimContext& ctx, JournalCap cap, ClientLookup lookup)
    : ctx_(ctx), cap_(cap), lookup_(std::move(lookup))
{
}

std::shared_ptr<ClientJournal> ClientJournals::journal(const std::string& clientId)
{
    {
        std::lock_guard lock(mutex_);
        if (auto it = journals_.find(clientId); it != journals_.end())
            return it->second;
    }
    const auto ref = lookup_.find(clientId); // outside the lock: a runtime registry may take its own
    if (!ref)
        return nullptr;
    std::lock_guard lock(mutex_);
    auto& slot = journals_[clientId];
    if (!slot)
        slot = std::make_shared<ClientJournal>(clientId, ref->utilityId, cap_);
    return slot;
}

std::string ClientJournals::attribute(const HttpRequest& req) const
{
    const EntryKind kind = kindOfPath(req.method, req.path);
    if (kind == EntryKind::Authorize)
        return req.param("client_id").value_or("");
    if (kind == EntryKind::Token || kind == EntryKind::Revoke) {
        const std::string basic = basicClientId(req);
        return basic.empty() ? req.field("client_id").value_or("") : basic;
    }
    if (kind == EntryKind::Other)
        return {};
    const std::string bearer = req.bearerToken().empty() ? req.param("access_token").value_or("") : req.bearerToken();
    if (bearer.empty())
        return {};
    const auto info = ctx_.directory.resolveToken(bearer);
    return info ? info->clientId : std::string();
}

void ClientJournals::remember(const std::string& clientId, const JournalEntry& authorize)
{
    std::lock_guard lock(mutex_);
    recent_.push_back(RecentAuthorize{clientId, authorize.fact("state"), authorize.fact("redirect_uri")});
    if (recent_.size() > kRecentAuthorizes)
        recent_.pop_front();
}

// A redirect carrying ?code= from the authorize pages: tied to the newest authorize request with the same state
// (or, without state, the same redirect URI).
std::optional<JournalEntry> ClientJournals::codeIssued(const HttpRequest& req, const HttpAnswer& answer,
                                                       std::string& clientId)
{
    if (!req.path.ends_with("/oauth/authorize") || answer.status < 300 || answer.status > 303)
        return std::nullopt;
    std::string location;
    for (const auto& [name, value] : answer.headers)
        if (name == "Location" || name == "location")
            location = value;
    const std::string code = paramOf(location, "code"), state = paramOf(location, "state");
    if (code.empty())
        return std::nullopt;
    const std::string base = location.substr(0, location.find('?'));
    {
        std::lock_guard lock(mutex_);
        for (auto it = recent_.rbegin(); it != recent_.rend() && clientId.empty(); ++it)
            if (state.empty() ? (it->state.empty() && (it->redirectUri.empty() || it->redirectUri == base))
                              : it->state == state)
                clientId = it->clientId;
    }
    JournalEntry e;
    e.kind = EntryKind::CodeIssued;
    e.outbound = true;
    e.method = "REDIRECT";
    e.path = base;
    e.status = answer.status;
    e.simTime = ctx_.clock.now();
    e.wallMs = wallNowMs();
    e.token = e.facts["code"] = fingerprint(code);
    e.facts["state"] = state;
    return e;
}

std::optional<ClientRef> ClientJournals::client(const std::string& clientId) const
{
    auto ref = lookup_.find(clientId);
    if (!ref)
        return std::nullopt;
    std::lock_guard lock(mutex_);
    return withTargets(*ref);
}

ClientRef ClientJournals::withTargets(ClientRef ref) const
{
    if (auto it = targets_.find(ref.clientId); it != targets_.end()) {
        ref.notifyUri = it->second.notifyUri.empty() ? ref.notifyUri : it->second.notifyUri;
        ref.webhookUrl = it->second.webhookUrl.empty() ? ref.webhookUrl : it->second.webhookUrl;
        ref.webhookSecret = it->second.webhookSecret.empty() ? ref.webhookSecret : it->second.webhookSecret;
    }
    return ref;
}

// POST /__sim/clients/{id}/notifications answered 200: the delivery targets (answer) and secret (request) in force.
void ClientJournals::learnTargets(const HttpRequest& req, const HttpAnswer& answer)
{
    if (req.method != "POST" || answer.status != 200 || !req.path.starts_with("/__sim/clients/") ||
        !req.path.ends_with("/notifications"))
        return;
    const auto a = nlohmann::json::parse(answer.body, nullptr, false), b = nlohmann::json::parse(req.body, nullptr, false);
    if (!a.is_object() || !a.contains("client_id") || !a["client_id"].is_string())
        return;
    auto text = [](const nlohmann::json& j, const char* key) {
        return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    std::lock_guard lock(mutex_);
    ClientRef& t = targets_[text(a, "client_id")];
    t.clientId = text(a, "client_id");
    t.notifyUri = text(a, "notify_uri");
    t.webhookUrl = text(a, "webhook_url");
    if (b.is_object() && b.contains("webhook_secret"))
        t.webhookSecret = text(b, "webhook_secret");
}

void ClientJournals::observe(const HttpRequest& req, const HttpAnswer& answer)
{
    learnTargets(req, answer);
    std::string clientId;
    if (auto issued = codeIssued(req, answer, clientId)) {
        record(clientId, std::move(*issued));
        return;
    }
    clientId = attribute(req);
    if (clientId.empty())
        return;
    auto journal = this->journal(clientId);
    if (!journal)
        return;
    JournalEntry e = describeRequest(ctx_, req, answer);
    if (e.kind == EntryKind::Authorize)
        remember(clientId, e);
    journal->add(std::move(e));
}

void ClientJournals::observeOutbound(const OutboundRequest& req, const OutboundResponse& res)
{
    std::vector<ClientRef> clients = lookup_.all();
    {
        std::lock_guard lock(mutex_);
        for (ClientRef& c : clients)
            c = withTargets(std::move(c));
    }
    for (const ClientRef& c : clients) {
        const bool notify = !c.notifyUri.empty() && req.url.rfind(c.notifyUri, 0) == 0;
        const bool webhook = !c.webhookUrl.empty() && req.url.rfind(c.webhookUrl, 0) == 0;
        if (notify || webhook)
            return record(c.clientId, describeDelivery(ctx_, notify ? EntryKind::Notification : EntryKind::Webhook, req, res));
    }
}

void ClientJournals::record(const std::string& clientId, JournalEntry entry)
{
    if (clientId.empty())
        return;
    if (auto journal = this->journal(clientId))
        journal->add(std::move(entry));
}

std::shared_ptr<OutboundHttp> journalingOutbound(std::shared_ptr<OutboundHttp> inner, ClientJournals& journals)
{
    return std::make_shared<JournalingOutbound>(std::move(inner), journals);
}

} // namespace gbc

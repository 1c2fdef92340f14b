// Events, webhook and ESPI push deliveries derived from the authorization directory and the simulator clock.
#include "notifier.h"

#include "api_access.h"
#include "batch_list.h"
#include "espi_ids.h"
#include "webhook_signing.h"

namespace gbc {

namespace {

const Client* findClient(const Catalogue& catalogue, const std::string& clientId)
{
    for (const Utility& u : catalogue.utilities)
        if (const Client* c = u.findClient(clientId))
            return c;
    return nullptr;
}

} // namespace

std::string EventBatch::emit(const Client& client, ApiEvent draft)
{
    draft.clientId = client.clientId;
    draft.deliveryTarget = state_.clients.webhookUrl(client);
    const ApiEvent& e = state_.events.add(std::move(draft));
    for (auto& [c, events] : byClient_)
        if (c == &client) {
            events.push_back(e);
            return e.uid;
        }
    byClient_.push_back({&client, {e}});
    return e.uid;
}

void EventBatch::flushLocked(EpochSeconds now)
{
    for (const auto& [client, events] : byClient_) {
        const std::string target = state_.clients.webhookUrl(*client);
        if (target.empty())
            continue;
        nlohmann::json list = nlohmann::json::array();
        Delivery d;
        for (const ApiEvent& e : events) {
            list.push_back(eventJson(e));
            d.eventUids.push_back(e.uid);
        }
        d.channel = Channel::Webhook;
        d.clientId = client->clientId;
        d.target = target;
        d.contentType = "application/json";
        d.body = webhookBody(list);
        state_.queue.enqueue(std::move(d), now);
    }
    byClient_.clear();
}

void queueEspiPushLocked(ApiState& state, const Client& client, const std::vector<std::string>& resourcePaths,
                         EpochSeconds now)
{
    const std::string target = state.clients.notifyUri(client);
    if (target.empty())
        return;
    std::vector<std::string> uris;
    for (const std::string& p : resourcePaths)
        uris.push_back(state.baseUrlLocked() + "/DataCustodian/espi/1_1/resource/" + p);
    Delivery d;
    d.channel = Channel::EspiPush;
    d.clientId = client.clientId;
    d.target = target;
    d.contentType = "application/xml";
    d.body = batchListXml(uris);
    state.queue.enqueue(std::move(d), now);
}

namespace {

void announceRecord(ApiState& state, EventBatch& batch, const Client& client, const AuthorizationRecord& r,
                    EpochSeconds now)
{
    WatchEntry& w = state.watch[r.uid];
    auto event = [&](const char* type, EpochSeconds ts, const std::string& meter = "") {
        batch.emit(client, ApiEvent{"", type, ts, "", r.uid, meter, "", "", false});
    };
    if (!w.created) {
        w.created = true;
        event("authorization_created", r.created);
        for (const MeterRef& m : metersOf(state.ctx, r))
            event("meter_created", r.created, m.uid());
    }
    if (!w.dataReady && r.active(now) && now >= r.dataReadyAt) {
        w.dataReady = true;
        const bool failed = r.collectionFailed(now);
        for (const MeterRef& m : metersOf(state.ctx, r))
            event(failed ? "meter_historical_collection_finished_errored" : "meter_historical_collection_finished_successful",
                  std::max(r.dataReadyAt, r.created), m.uid());
        event(failed ? "authorization_update_finished_errored" : "authorization_update_finished_successful",
              std::max(r.dataReadyAt, r.created));
        if (!failed) // nothing new to fetch when collecting failed
            queueEspiPushLocked(state, client, {"Batch/Subscription/" + r.uid}, now);
    }
    if (!w.revoked && r.revokedAt) {
        w.revoked = true;
        event("authorization_revoked", *r.revokedAt);
        queueEspiPushLocked(state, client, {"Authorization/" + r.uid}, now);
    }
    if (!w.declined && r.declinedAt) {
        w.declined = true;
        event("authorization_declined", *r.declinedAt);
    }
    if (!w.expired && !r.revokedAt && r.expires != 0 && now >= r.expires) {
        w.expired = true;
        event("authorization_expired", r.expires);
        queueEspiPushLocked(state, client, {"Authorization/" + r.uid}, now);
    }
}

void announceCollections(ApiState& state, EventBatch& batch, EpochSeconds now)
{
    for (auto& [meterUid, m] : state.meters) {
        if (!m.collectionRequested || m.collectionAnnounced || now < m.collectionReadyAt)
            continue;
        m.collectionAnnounced = true;
        auto key = parseUsagePointId(meterUid);
        auto record = key ? state.ctx.directory.findAuthorization(key->subscriptionId) : std::nullopt;
        const Client* client = record ? findClient(state.ctx.catalogue, record->clientId) : nullptr;
        if (client)
            batch.emit(*client, ApiEvent{"", "meter_historical_collection_finished_successful", m.collectionReadyAt, "",
                                         record->uid, meterUid, "", "", false});
    }
}

} // namespace

void syncEventsLocked(ApiState& state, EpochSeconds now)
{
    EventBatch batch(state);
    for (const Utility& u : state.ctx.catalogue.utilities) {
        for (const Client* client : u.allClients()) {
            const Client& c = *client;
            auto records = state.ctx.directory.authorizationsOf(c.clientId);
            for (auto it = records.rbegin(); it != records.rend(); ++it) // oldest first
                if (!state.deletedAuthorizations.count(it->uid))
                    announceRecord(state, batch, c, *it, now);
        }
    }
    announceCollections(state, batch, now);
    batch.flushLocked(now);
}

} // namespace gbc

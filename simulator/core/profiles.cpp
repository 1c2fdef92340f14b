// Profile table (sources: shared/reference/field-reports.md) and the runtime state profiles keep.
#include "profiles.h"

#include "defects.h"

namespace gbc {

namespace {

using B = ProfileBehaviour;

} // namespace

const std::vector<ProfileInfo>& allProfiles()
{
    static const std::vector<ProfileInfo> table = {
        {"async_batch", "Batch/Subscription answers 202 + Retry-After on every poll until a BatchList naming its UsagePoints was delivered to the notify URI; Subscription listings answer 404",
         "Savage Data utilities (Alectra, Hydro Ottawa): open-green-button issue #80, BatchNotifications.kt", {}, {}, {B::AsyncBatch}},
        {"notify_before_202", "async_batch, and the BatchList is POSTed to the notify URI before the 202 is answered",
         "Savage Data utilities: open-green-button issue #80 (the notification arrives a few hundred ms before the 202)", {}, {}, {B::AsyncBatch, B::NotifyBefore202}},
        {"published_min_day_ceiling", "published-min is rounded up to the next UTC midnight (date only)",
         "Savage Data utilities: open-green-button utilities.conf, quirk DATE_CEILING", {}, {}, {B::PublishedMinDayCeiling}},
        {"future_published_max_400", "a published-max later than now answers a bare 400 (text/plain Bad Request, no error document)",
         "Savage Data utilities: open-green-button utilities.conf, sendsPublishedMax=false", {}, {}, {B::FuturePublishedMax400}},
        {"subsecond_timestamps_400", "a date filter with a fraction of a second answers a bare 400 (text/plain Bad Request, no error document)",
         "Burlington Hydro: open-green-button utility quirks", {}, {}, {B::SubSecondTimestamps400}},
        {"updated_min_ignored", "updated-min/max are ignored: the full history whatever the window (defect updated_filter_ignored)",
         "Burlington Hydro: open-green-button utility quirks", {}, {"updated_filter_ignored"}, {}},
        {"stale_published", "every entry's <published> is 2020-01-01T00:00:00Z and published-min/max compare it, so polling by published-min returns nothing",
         "open-green-button field reports (stale <published> values)", {}, {}, {B::StalePublished}},
        {"refresh_requires_scope", "a refresh_token grant without scope answers 400 invalid_scope",
         "Kentucky Utilities: open-green-button RefreshScope.kt", {}, {}, {B::RefreshRequiresScope}},
        {"extended_scope_refused", "a scope with HistoryLength or IntervalDuration answers invalid_scope (authorize and refresh)",
         "London Hydro: open-green-button UtilityProfile.kt", {}, {}, {B::ExtendedScopeRefused}},
        {"no_new_refresh_token", "a refresh answers no refresh_token; the one used stays valid",
         "open-green-button UtilityProfile.kt (per-utility refresh flags)", {}, {}, {B::NoNewRefreshToken}},
        {"rotating_refresh_token", "every refresh answers a new refresh_token and retires the old one (variation rotating_refresh_tokens)",
         "open-green-button UtilityProfile.kt (per-utility refresh flags)", {Variation::RotatingRefreshTokens}, {}, {}},
        {"basic_auth_only", "client authentication by form fields answers 401 invalid_client; only HTTP Basic works",
         "open-green-button UtilityProfile.kt (client authentication flags)", {}, {}, {B::BasicAuthOnly}},
        {"form_auth_only", "client authentication by HTTP Basic answers 401 invalid_client; only form fields work",
         "open-green-button UtilityProfile.kt (client authentication flags)", {}, {}, {B::FormAuthOnly}},
        {"ns0_ns1_prefixes", "ESPI XML uses generated prefixes ns0:/ns1:/ns2: (variation xml_prefix_ns0_ns1)",
         "PG&E: VerdigrisTech/green-button-data issues #15, #18", {Variation::XmlPrefixNs0Ns1}, {}, {}},
        {"prefix_churn", "each ESPI answer uses the next namespace form in turn: as written, espi:, ns0:/ns1:, ESPI default",
         "PG&E prefix changes ns1 -> ns2, ns0 dropped: VerdigrisTech/green-button-data issues #15, #18", {}, {}, {B::PrefixChurn}},
        {"meters_attached_late", "JSON API: an authorization shows no meters for 5 minutes after the grant",
         "UtilityAPI: eddie-energy/eddie issues #1459, #1342", {}, {}, {B::MetersAttachedLate}},
        {"empty_first_fetch", "usage feeds (ESPI and JSON intervals/bills) are empty for 5 minutes after the grant",
         "El Paso Electric: open-green-button issue #43; PG&E empty MeterReading feed: JPHutchins/open-energy-view #46", {}, {}, {B::EmptyFirstFetch}},
        {"authorization_expires", "authorizations expire 2 hours after the grant (tokens then answer 401, authorization_expired is announced)",
         "UtilityAPI authorization_expired events (field-reports: UtilityAPI timing)", {}, {}, {B::AuthorizationExpires}},
        {"customer_revokes", "the customer revokes every authorization 2 hours after the grant (seen at the next notification round)",
         "UtilityAPI authorization_revoked events; ESPI BatchList Authorization push", {}, {}, {B::CustomerRevokes}},
        {"webhooks_late", "webhook deliveries are first attempted one hour after their events",
         "UtilityAPI webhook docs: hourly retries up to 72 h", {}, {}, {B::WebhooksLate}},
        {"webhooks_twice", "every webhook delivery is sent twice",
         "UtilityAPI webhook docs: retries and replay via /events (at-least-once)", {}, {}, {B::WebhooksTwice}},
        {"webhooks_out_of_order", "one webhook delivery per event, newest event first",
         "UtilityAPI webhook docs: no ordering guarantee", {}, {}, {B::WebhooksOutOfOrder}},
        {"savage_data", "async_batch + published_min_day_ceiling + future_published_max_400, as one Savage Data utility",
         "Alectra, Hydro Ottawa: open-green-button issue #80 and utilities.conf", {}, {},
         {B::AsyncBatch, B::PublishedMinDayCeiling, B::FuturePublishedMax400}},
        {"burlington_hydro", "subsecond_timestamps_400 + updated_min_ignored, as Burlington Hydro",
         "Burlington Hydro: open-green-button utility quirks", {}, {"updated_filter_ignored"}, {B::SubSecondTimestamps400}},
    };
    return table;
}

const ProfileInfo* findProfile(const std::string& name)
{
    for (const ProfileInfo& p : allProfiles())
        if (name == p.name)
            return &p;
    return nullptr;
}

const char* toString(ProfileBehaviour b)
{
    static const char* const names[] = {"async_batch", "notify_before_202", "published_min_day_ceiling",
        "future_published_max_400", "subsecond_timestamps_400", "stale_published", "refresh_requires_scope",
        "extended_scope_refused", "no_new_refresh_token", "basic_auth_only", "form_auth_only", "prefix_churn",
        "meters_attached_late", "empty_first_fetch", "authorization_expires", "customer_revokes", "webhooks_late",
        "webhooks_twice", "webhooks_out_of_order"};
    return names[static_cast<int>(b)];
}

Status validateProfiles()
{
    std::set<std::string> seen;
    for (const ProfileInfo& p : allProfiles()) {
        if (!seen.insert(p.name).second)
            return Error{"profiles", p.name, "profile name used twice"};
        for (const char* d : p.defects)
            if (!findDefect(d))
                return Error{"profiles", p.name, std::string("names an unknown defect '") + d + "'"};
        if (p.variations.empty() && p.defects.empty() && p.behaviours.empty())
            return Error{"profiles", p.name, "switches nothing on"};
    }
    return okStatus();
}

Result<ProfileSwitches> resolveProfiles(const std::vector<std::string>& names)
{
    ProfileSwitches out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const ProfileInfo* p = findProfile(names[i]);
        if (!p)
            return Error{"invalid_param", "/profiles/" + std::to_string(i),
                         "unknown profile '" + names[i] + "' (see gbc-sim profiles)"};
        out.variations.insert(p->variations.begin(), p->variations.end());
        out.defects.insert(p->defects.begin(), p->defects.end());
        out.behaviours.insert(p->behaviours.begin(), p->behaviours.end());
    }
    return out;
}

void ProfileState::setClientProfiles(const std::string& clientId, std::vector<std::string> names, ProfileSwitches switches)
{
    std::lock_guard lock(mutex_);
    if (names.empty())
        clients_.erase(clientId);
    else
        clients_[clientId] = {std::move(names), std::move(switches)};
}

std::vector<std::string> ProfileState::clientProfiles(const std::string& clientId) const
{
    std::lock_guard lock(mutex_);
    auto it = clients_.find(clientId);
    return it == clients_.end() ? std::vector<std::string>{} : it->second.first;
}

std::optional<ProfileSwitches> ProfileState::clientSwitches(const std::string& clientId) const
{
    std::lock_guard lock(mutex_);
    auto it = clients_.find(clientId);
    if (it == clients_.end())
        return std::nullopt;
    return it->second.second;
}

void ProfileState::requestBatch(const std::string& uid)
{
    std::lock_guard lock(mutex_);
    batchRequests_.insert(uid);
}

std::vector<std::string> ProfileState::takeBatchRequests()
{
    std::lock_guard lock(mutex_);
    std::vector<std::string> out(batchRequests_.begin(), batchRequests_.end());
    batchRequests_.clear();
    return out;
}

void ProfileState::markBatchDelivered(const std::string& uid)
{
    std::lock_guard lock(mutex_);
    batchDelivered_.insert(uid);
}

bool ProfileState::batchDelivered(const std::string& uid) const
{
    std::lock_guard lock(mutex_);
    return batchDelivered_.count(uid) != 0;
}

} // namespace gbc

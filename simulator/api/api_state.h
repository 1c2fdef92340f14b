// Runtime state of the JSON API module: ODR reads, events, outbound notifications, meter collection requests,
// registration overrides. One instance per server, shared by every api route.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "api_faults.h"
#include "client_settings.h"
#include "demo_site.h"
#include "event_log.h"
#include "notification_queue.h"
#include "odr_machine.h"
#include "outbound_http.h"
#include "proxy_flow.h"
#include "sim_context.h"

namespace gbc {

// What a third party asked for one meter through meters/historical-collection and meters/ongoing-monitoring.
struct MeterRuntime {
    bool collectionRequested = false;
    EpochSeconds collectionStartedAt = 0;
    EpochSeconds collectionReadyAt = 0;
    int collectionDuration = 0; // months
    bool collectionAnnounced = false;
    std::string frequency = "off"; // daily | weekly | monthly | off
    std::string prepay;            // month_to_month | prepay_yearly | ""
    int fixedRefreshDay = 0;       // 0 = none
};

// Facts the JSON objects show that the directory does not keep.
struct AuthorizationExtras {
    std::string formUid; // set for authorizations made through test-submit or the proxy form
    bool proxy = false;  // made through the Green Button proxy (no bill PDFs)
    std::string scenario; // test-submit scenario when it is not the template customer's own ("" = the customer's)
};

// Which lifecycle events of one authorization were already announced.
struct WatchEntry {
    bool created = false, dataReady = false, revoked = false, declined = false, expired = false;
    bool metersCreated = false;    // meter_created announced (late with profile meters_attached_late)
    bool asyncBatchQueued = false; // profile async_batch: the BatchList of this subscription's job is queued
};

struct ApiState {
    ApiState(SimContext& context, std::shared_ptr<OutboundHttp> out)
        : ctx(context), outbound(std::move(out)), clients(context.modes ? context.modes : std::make_shared<ClientModes>())
    {
    }

    SimContext& ctx;
    std::shared_ptr<OutboundHttp> outbound;
    ClientSettings clients; // own lock
    ApiFaults faults;       // own lock; scripted 402/429/5xx answers
    std::mutex pumpMutex;   // serialises notification rounds (background thread vs /__sim/notifications/flush)

    std::mutex mutex; // guards everything below
    OdrBook odr;
    EventLog events;
    NotificationQueue queue;
    std::map<std::string, MeterRuntime> meters;   // by meter uid
    std::map<std::string, WatchEntry> watch;      // by authorization uid
    std::set<std::string> deletedAuthorizations;  // test authorizations removed with DELETE
    std::map<std::string, AuthorizationExtras> extras; // by authorization uid
    std::string lastOrigin;                       // origin of the latest API request (for absolute URIs)
    ProxySessions proxySessions;                  // Green Button proxy flow
    std::map<std::string, DemoSession> demoSessions; // demo site, by OAuth state
    std::map<std::string, DemoView> demoViews;       // demo site, by view id
    std::map<std::string, std::vector<std::string>> demoNotices; // demo site: BatchList URIs not fetched yet, by subscription

    // Where absolute links point: ctx.publicBaseUrl, else the latest request's origin, else loopback.
    std::string baseUrlLocked() const
    {
        if (!ctx.publicBaseUrl.empty())
            return ctx.publicBaseUrl;
        return lastOrigin.empty() ? std::string("http://127.0.0.1") : lastOrigin;
    }
};

} // namespace gbc

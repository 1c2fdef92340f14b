// The JSON API module as the routes see it: shared state, the notification pump, and the authenticated-route wrapper.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "api_access.h"
#include "api_state.h"
#include "http_types.h"
#include "notifier.h"

namespace gbc {

struct ApiModule {
    std::shared_ptr<ApiState> state;
    std::unique_ptr<NotificationPump> pump; // declared last: stopped before the state goes away

    // Brings events up to date with the directory (so lists are current) and remembers the request origin.
    void observe(const HttpRequest& req);
    // Asks the pump for a round now (new events to deliver).
    void wake()
    {
        if (pump)
            pump->wake();
    }
};
using ModulePtr = std::shared_ptr<ApiModule>;

// A JSON API core: request + authenticated caller -> JSON body or located error.
using ApiCore = std::function<Result<nlohmann::json>(ApiState&, const ApiCaller&, const HttpRequest&)>;

// A route that authenticates the API token, answers a scripted fault if one is due, observes, runs the core and
// answers JSON; POST/DELETE wake the pump.
Route apiRoute(const std::string& method, const std::string& pattern, const ModulePtr& module, ApiCore core);

} // namespace gbc

// /__sim/ admin routes of the API module (no token, like /__sim/clock): registration mode, notification targets,
// the delivery journal, a synchronous flush for tests, ping events, and scripted JSON API faults.
#include "api_errors.h"
#include "events_api.h"
#include "grants.h"
#include "list_query.h"
#include "outbound_http.h"

namespace gbc {

namespace {

HttpAnswer adminError(int status, const std::string& code, const std::string& message)
{
    return jsonAnswer({{"error", code}, {"error_description", message}}, status);
}

nlohmann::json clientSettingsJson(const ApiState& state, const Client& c)
{
    return {{"client_id", c.clientId},
            {"mode", toString(state.clients.mode(c))},
            {"webhook_url", state.clients.webhookUrl(c)},
            {"notify_uri", state.clients.notifyUri(c)},
            {"webhook_secret_set", !state.clients.webhookSecret(c).empty()}};
}

nlohmann::json journalJson(ApiState& state)
{
    std::lock_guard lock(state.mutex);
    nlohmann::json attempts = nlohmann::json::array(), deliveries = nlohmann::json::array();
    for (const AttemptRecord& a : state.queue.journal())
        attempts.push_back(attemptJson(a));
    for (const Delivery& d : state.queue.deliveries())
        deliveries.push_back({{"id", d.id}, {"channel", toString(d.channel)}, {"client_id", d.clientId},
                              {"target", d.target}, {"attempts", d.attempts}, {"state", toString(d.state)},
                              {"next_attempt", d.state == DeliveryState::Pending ? nlohmann::json(d.nextAttemptAt) : nlohmann::json(nullptr)}});
    return {{"attempts", attempts}, {"deliveries", deliveries}};
}

// POST body {"mode": "live"|"sandbox"} and/or {"webhook_url", "notify_uri", "webhook_secret"} ("" = catalogue value).
HttpAnswer updateClient(ApiState& state, const Client& client, const HttpRequest& req, bool modeOnly)
{
    auto body = parseJsonBody(req);
    if (!body)
        return adminError(400, "invalid_param", "the body must be a JSON object");
    if (modeOnly || body->contains("mode")) {
        const nlohmann::json m = body->value("mode", nlohmann::json());
        if (!m.is_string() || (m != "live" && m != "sandbox"))
            return adminError(400, "invalid_param", "mode: must be \"live\" or \"sandbox\"");
        state.clients.setMode(client.clientId, m == "live" ? ClientMode::Live : ClientMode::Sandbox);
    }
    std::optional<std::string> fields[3];
    const char* names[3] = {"webhook_url", "notify_uri", "webhook_secret"};
    for (int i = 0; i < 3 && !modeOnly; ++i) {
        if (!body->contains(names[i]))
            continue;
        const nlohmann::json& v = body->at(names[i]);
        if (!v.is_string())
            return adminError(400, "invalid_param", std::string(names[i]) + ": must be a string");
        fields[i] = v.get<std::string>();
        if (i < 2 && !fields[i]->empty() && splitUrl(*fields[i]).first.empty())
            return adminError(400, "invalid_param", std::string(names[i]) + ": must be an absolute http(s) URL");
    }
    if (!modeOnly)
        state.clients.setTargets(client.clientId, fields[0], fields[1], fields[2]);
    return jsonAnswer(clientSettingsJson(state, client));
}

// GET lists the registration's pending faults; POST {"faults": [...]} replaces them ([] clears).
HttpAnswer faultScript(ApiState& state, const Client& client, const HttpRequest& req)
{
    if (req.method == "POST") {
        auto body = parseJsonBody(req);
        if (!body)
            return adminError(400, "invalid_param", "the body must be a JSON object");
        auto faults = parseFaultScript(body.value());
        if (!faults)
            return adminError(400, faults.error().code, faults.error().where + ": " + faults.error().message);
        state.faults.set(client.clientId, faults.value());
    }
    nlohmann::json out = faultScriptJson(state.faults.pending(client.clientId));
    out["client_id"] = client.clientId;
    return jsonAnswer(out);
}

} // namespace

std::vector<Route> adminRoutes(const ModulePtr& module)
{
    auto clientRoute = [module](const std::string& method, const std::string& suffix, bool modeOnly) {
        return Route{method, "/__sim/clients/([A-Za-z0-9_.-]+)/" + suffix, [module, method, modeOnly](const HttpRequest& req) {
                         ApiState& state = *module->state;
                         const Client* c = findClientById(state.ctx.catalogue, req.pathMatches.at(1));
                         if (!c)
                             return adminError(404, "not_found", "no registration with client id '" + req.pathMatches.at(1) + "'");
                         return method == "GET" ? jsonAnswer(clientSettingsJson(state, *c)) : updateClient(state, *c, req, modeOnly);
                     }};
    };
    auto faultRoute = [module](const HttpRequest& req) {
        const Client* c = findClientById(module->state->ctx.catalogue, req.pathMatches.at(1));
        if (!c)
            return adminError(404, "not_found", "no registration with client id '" + req.pathMatches.at(1) + "'");
        return faultScript(*module->state, *c, req);
    };
    return {
        clientRoute("GET", "mode", true),
        clientRoute("POST", "mode", true),
        clientRoute("GET", "notifications", false),
        clientRoute("POST", "notifications", false),
        Route{"GET", "/__sim/clients/([A-Za-z0-9_.-]+)/api-faults", faultRoute},
        Route{"POST", "/__sim/clients/([A-Za-z0-9_.-]+)/api-faults", faultRoute},
        Route{"GET", "/__sim/notifications", [module](const HttpRequest&) { return jsonAnswer(journalJson(*module->state)); }},
        Route{"POST", "/__sim/notifications/flush",
              [module](const HttpRequest& req) {
                  module->observe(req);
                  pumpNotifications(*module->state);
                  return jsonAnswer(journalJson(*module->state));
              }},
        Route{"POST", "/__sim/notifications/ping",
              [module](const HttpRequest& req) {
                  ApiState& state = *module->state;
                  auto body = parseJsonBody(req);
                  const std::string id = body && body->contains("client_id") && body->at("client_id").is_string()
                                             ? body->at("client_id").get<std::string>() : "";
                  const Client* c = findClientById(state.ctx.catalogue, id);
                  if (!c)
                      return adminError(404, "not_found", "client_id: no registration with this id");
                  std::lock_guard lock(state.mutex);
                  EventBatch batch(state);
                  const std::string uid = batch.emit(*c, ApiEvent{"", "ping", state.ctx.clock.now(), "", "", "", "", "", false});
                  batch.flushLocked(state.ctx.clock.now());
                  module->wake();
                  return jsonAnswer({{"success", true}, {"event_uid", uid}});
              }},
    };
}

} // namespace gbc

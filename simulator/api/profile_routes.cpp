// GET lists a registration's profiles (its own and the ones --profile gives every client); POST
// {"profiles": [names]} replaces its own ([] clears). Unknown names are a 400 naming the JSON pointer.
#include "profile_routes.h"

#include "api_errors.h"
#include "grants.h"
#include "list_query.h"

namespace gbc {

namespace {

HttpAnswer profileError(int status, const std::string& code, const std::string& where, const std::string& message)
{
    return jsonAnswer({{"error", code}, {"error_description", where + ": " + message}, {"pointer", where}}, status);
}

nlohmann::json profilesJson(const SimContext& ctx, const std::string& clientId)
{
    nlohmann::json own = nlohmann::json::array(), behaviours = nlohmann::json::array();
    for (const std::string& name : ctx.profileState->clientProfiles(clientId))
        own.push_back({{"name", name}, {"description", findProfile(name)->description}, {"source", findProfile(name)->source}});
    const SimContext effective = ctx.forClient(clientId);
    for (ProfileBehaviour b : effective.behaviours)
        behaviours.push_back(toString(b));
    return {{"client_id", clientId}, {"profiles", own}, {"behaviours", behaviours}};
}

Result<std::vector<std::string>> profileNames(const HttpRequest& req)
{
    auto body = parseJsonBody(req);
    if (!body)
        return Error{"invalid_param", "/", "the body must be a JSON object {\"profiles\": [names]}"};
    if (!body->contains("profiles") || !body->at("profiles").is_array())
        return Error{"invalid_param", "/profiles", "must be an array of profile names (gbc-sim profiles)"};
    std::vector<std::string> names;
    const nlohmann::json& list = body->at("profiles");
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string())
            return Error{"invalid_param", "/profiles/" + std::to_string(i), "must be a string"};
        names.push_back(list[i].get<std::string>());
    }
    return names;
}

HttpAnswer profilesRoute(ApiState& state, const HttpRequest& req)
{
    const std::string clientId = req.pathMatches.at(1);
    if (!findClientById(state.ctx.catalogue, clientId))
        return profileError(404, "not_found", "/", "no registration with client id '" + clientId + "'");
    if (req.method == "POST") {
        const auto names = profileNames(req);
        if (!names)
            return profileError(400, names.error().code, names.error().where, names.error().message);
        auto switches = resolveProfiles(*names);
        if (!switches)
            return profileError(400, switches.error().code, switches.error().where, switches.error().message);
        state.ctx.profileState->setClientProfiles(clientId, *names, std::move(*switches));
    }
    return jsonAnswer(profilesJson(state.ctx, clientId));
}

} // namespace

std::vector<Route> profileRoutes(const ModulePtr& module)
{
    auto handler = [module](const HttpRequest& req) { return profilesRoute(*module->state, req); };
    const std::string pattern = "/__sim/clients/([A-Za-z0-9_.-]+)/profiles";
    return {Route{"GET", pattern, handler}, Route{"POST", pattern, handler}};
}

} // namespace gbc

// Forms and test-submit: a scenario name picks the utility's test customer that follows it.
#include "forms_api.h"

#include "api_errors.h"
#include "api_objects.h"
#include "grants.h"
#include "list_query.h"

namespace gbc {

namespace {

Result<std::string> ownForm(const ApiCaller& caller, const std::string& uid)
{
    if (uid != formUidOf(*caller.client))
        return notFound("form " + uid, "no form with this uid is visible to this API token");
    return uid;
}

// Whom a test-submit runs as: the utility's test customer following the scenario, or, for a catalogue scenario no
// test customer follows (UtilityAPI's badlogin_after, websitedown, ...), the utility's first test customer with a
// found customer of the same profile, the scenario applied on top (`scenario` set in the extras).
struct SubmitTarget {
    const Customer* customer = nullptr;
    const Scenario* scenario = nullptr;
    bool applied = false; // the scenario is not the customer's own
};

Result<SubmitTarget> submitTarget(const Catalogue& catalogue, const Utility& utility, std::string name)
{
    if (name.rfind("test_", 0) == 0)
        name = name.substr(5);
    for (const Customer& c : utility.customers)
        if (c.test && c.scenario == name)
            return SubmitTarget{&c, catalogue.findScenario(name), false};
    const Scenario* wanted = catalogue.findScenario(name);
    for (const Customer& c : utility.customers) {
        const Scenario* own = c.test ? catalogue.findScenario(c.scenario) : nullptr;
        if (wanted && own && own->customerFound && (!wanted->customerFound || own->profile == wanted->profile))
            return SubmitTarget{&c, wanted, true};
    }
    std::string known;
    for (const auto& [scenarioName, sc] : catalogue.scenarios)
        known += (known.empty() ? "" : ", ") + scenarioName;
    return invalidParam("scenario", "no test scenario '" + name + "' at " + utility.id + "; known: " + known);
}

} // namespace

Result<nlohmann::json> listFormsCore(ApiState&, const ApiCaller& caller, const HttpRequest& req)
{
    return pageBody("forms", Page{{formJson(*caller.client, *caller.utility, req.origin())}, std::nullopt});
}

Result<nlohmann::json> getFormCore(ApiState&, const ApiCaller& caller, const HttpRequest& req)
{
    auto uid = ownForm(caller, req.pathMatches.at(1));
    if (!uid)
        return uid.error();
    return formJson(*caller.client, *caller.utility, req.origin());
}

Result<nlohmann::json> testSubmitCore(ApiState& state, const ApiCaller& caller, const HttpRequest& req)
{
    auto uid = ownForm(caller, req.pathMatches.at(1));
    if (!uid)
        return uid.error();
    auto body = parseJsonBody(req);
    if (!body)
        return body.error();
    if (body->contains("utility")) {
        const nlohmann::json& u = body->at("utility");
        if (!u.is_string() || state.ctx.catalogue.findUtility(u.get<std::string>()) != caller.utility)
            return invalidParam("utility", "this registration belongs to " + caller.utility->id);
    }
    if (!body->contains("scenario"))
        return requiredParamMissing("scenario");
    if (!body->at("scenario").is_string())
        return invalidParam("scenario", "must be a string such as \"residential\"");
    auto target = submitTarget(state.ctx.catalogue, *caller.utility, body->at("scenario").get<std::string>());
    if (!target)
        return target.error();
    const Scenario* scenario = target->scenario;
    if (scenario && !scenario->customerFound)
        return Error{api_error::kAccessInvalid, "scenario " + scenario->name,
                     "the utility rejected the test customer's login (" + scenario->description + "); no authorization was created"};
    const AuthorizationExtras extras{uid.value(), false, target->applied && scenario ? scenario->name : ""};
    const AuthorizationRecord r = grantAuthorization(state, *caller.utility, *caller.client, *target->customer, {}, extras);
    return nlohmann::json{{"success", true}, {"referral", r.uid}, {"authorization_uid", r.uid}};
}

std::vector<Route> formRoutes(const ModulePtr& module)
{
    return {
        apiRoute("GET", "/api/v2/forms", module, listFormsCore),
        apiRoute("GET", "/api/v2/forms/([A-Za-z0-9_.-]+)", module, getFormCore),
        apiRoute("POST", "/api/v2/forms/([A-Za-z0-9_.-]+)/test-submit", module, testSubmitCore),
    };
}

} // namespace gbc

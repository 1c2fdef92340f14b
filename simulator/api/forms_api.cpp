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

// The test customer following `scenario` ("residential" or "test_residential").
Result<const Customer*> scenarioCustomer(const Utility& utility, std::string scenario)
{
    if (scenario.rfind("test_", 0) == 0)
        scenario = scenario.substr(5);
    std::string known;
    for (const Customer& c : utility.customers) {
        if (!c.test)
            continue;
        if (c.scenario == scenario)
            return &c;
        if (known.find(c.scenario) == std::string::npos)
            known += (known.empty() ? "" : ", ") + c.scenario;
    }
    return invalidParam("scenario", "no test scenario '" + scenario + "' at " + utility.id + "; known: " + known);
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
    auto customer = scenarioCustomer(*caller.utility, body->at("scenario").get<std::string>());
    if (!customer)
        return customer.error();
    const Scenario* scenario = state.ctx.catalogue.findScenario(customer.value()->scenario);
    if (scenario && !scenario->customerFound)
        return Error{api_error::kAccessInvalid, "scenario " + scenario->name,
                     "the utility rejected the test customer's login (" + scenario->description + "); no authorization was created"};
    const AuthorizationRecord r =
        grantAuthorization(state, *caller.utility, *caller.client, *customer.value(), {}, AuthorizationExtras{uid.value(), false});
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

// Authorize steps: identify the customer, check they may be reached, then consent and issue the code.
#include "oauth_flow.h"

#include <algorithm>

#include "html.h"
#include "oauth_identify.h"
#include "oauth_outcome.h"
#include "oauth_pages.h"
#include "scope.h"
#include "secure_random.h"

namespace gbc {

namespace {

PageContext pageOf(const FlowEnv& env, const FlowState& flow)
{
    return PageContext{env.utility, env.client, env.ctx.modes->modeOf(env.client), flow, env.formAction};
}

// A page re-shown after a failed login or code: 200, or 401 with the failed_login_401 variation.
int failureStatus(const FlowEnv& env, const std::string& errorHtml)
{
    return !errorHtml.empty() && env.ctx.variation(Variation::FailedLogin401) ? 401 : 200;
}

HttpAnswer showVerify(const FlowEnv& env, FlowState flow, const std::string& errorHtml)
{
    flow.stage = FlowStage::Verify;
    flow.customerId.clear();
    env.store.saveFlow(flow);
    return htmlAnswer(failureStatus(env, errorHtml), verifyPage(pageOf(env, flow), errorHtml));
}

const std::string kNotFound = "customer_not_found";

// The customer has been identified (or not): refuse unknown and unreachable customers, else go on to `next`.
HttpAnswer admit(const FlowEnv& env, FlowState flow, const Customer* customer, FlowStage next)
{
    const Scenario* scenario = customer ? env.ctx.catalogue.findScenario(customer->scenario) : nullptr;
    if (!customer || !scenario || !scenario->customerFound)
        return showVerify(env, flow, errorElement(kNotFound, "Customer not found: we could not find an account "
                                                             "matching those details."));
    if (env.ctx.modes->modeOf(env.client) == ClientMode::Sandbox && !customer->test)
        return showVerify(env, flow, errorElement("sandbox_client", "This app is in sandbox mode: it may only "
                                                  "request data from test accounts, and this is a real customer. "
                                                  "The app must be switched to live mode first."));
    flow.customerId = customer->id;
    flow.stage = next;
    if (next == FlowStage::Otp) {
        flow.otp = randomDigits(6);
        flow.otpAttempts = 0;
        env.store.saveFlow(flow);
        return htmlAnswer(200, otpPage(pageOf(env, flow), ""));
    }
    env.store.saveFlow(flow);
    return htmlAnswer(200, consentPage(pageOf(env, flow), *customer, ""));
}

std::string fieldOf(const HttpRequest& req, const char* name)
{
    return req.field(name).value_or("");
}

HttpAnswer verifyStep(const FlowEnv& env, FlowState flow, const HttpRequest& req)
{
    const Utility& u = env.utility;
    switch (flow.authType) {
    case AuthType::Lastbill:
        return admit(env, flow, findByLastbill(u, fieldOf(req, "account_number"), fieldOf(req, "bill_amount"),
                                               fieldOf(req, "bill_date")), FlowStage::Consent);
    case AuthType::Sso:
    case AuthType::Proxy:
        return admit(env, flow, findByLogin(u, fieldOf(req, "username"), fieldOf(req, "password")), FlowStage::Consent);
    case AuthType::Test:
        return admit(env, flow, findByTestAccount(u, fieldOf(req, "test_account")), FlowStage::Consent);
    default:
        return admit(env, flow, findByLookup(u, flow.authType, fieldOf(req, "lookup_value")), FlowStage::Otp);
    }
}

HttpAnswer otpStep(const FlowEnv& env, FlowState flow, const HttpRequest& req)
{
    const Customer* customer = env.utility.findCustomer(flow.customerId);
    if (customer && constantTimeEquals(flow.otp, fieldOf(req, "otp")))
        return admit(env, flow, customer, FlowStage::Consent);
    if (++flow.otpAttempts >= kMaxOtpAttempts) {
        env.store.endFlow(flow.id);
        return redirectError(env.ctx, flow, "access_denied", "too many wrong one-time codes");
    }
    env.store.saveFlow(flow);
    const std::string error = errorElement("invalid_otp", "That code is not right; try again.");
    return htmlAnswer(failureStatus(env, error), otpPage(pageOf(env, flow), error));
}

HttpAnswer switchMethod(const FlowEnv& env, FlowState flow, const HttpRequest& req)
{
    const auto type = authTypeFromString(fieldOf(req, "method"));
    if (type && env.utility.allows(*type)) {
        flow.authType = *type;
        flow.prefill.clear();
    }
    return showVerify(env, flow, "");
}

std::vector<std::size_t> selectedServices(const HttpRequest& req, std::size_t count)
{
    std::vector<std::size_t> out;
    auto [b, e] = req.form.equal_range("service");
    for (auto it = b; it != e; ++it) {
        const std::string& v = it->second;
        if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const std::size_t i = std::stoul(v);
        if (i < count && std::find(out.begin(), out.end(), i) == out.end())
            out.push_back(i);
    }
    std::sort(out.begin(), out.end());
    return out;
}

EpochSeconds authorizationEnd(const Scope& scope, EpochSeconds now)
{
    const auto end = scope.param("PreferredAuthEndDate");
    if (!end)
        return now + kDefaultAuthorizationSeconds;
    const EpochSeconds t = std::stoll(*end); // digits only, checked by parseScope
    return t == 0 ? 0 : (t > now ? t : now + kDefaultAuthorizationSeconds);
}

HttpAnswer approve(const FlowEnv& env, const FlowState& flow, const Customer& customer, const HttpRequest& req)
{
    std::size_t serviceCount = 0;
    for (const Account& a : customer.accounts)
        serviceCount += a.services.size();
    const auto shared = selectedServices(req, serviceCount);
    if (shared.empty())
        return htmlAnswer(200, consentPage(pageOf(env, flow), customer,
                                           errorElement("no_services_selected", "Choose at least one service to share.")));
    const Scope scope = parseScope(flow.scope).value(); // validated when the session started
    const Scenario* scenario = env.ctx.catalogue.findScenario(customer.scenario);
    const EpochSeconds now = env.ctx.clock.now();
    AuthorizationRecord draft;
    draft.utilityId = env.utility.id;
    draft.clientId = env.client.clientId;
    draft.customerId = customer.id;
    draft.scope = flow.scope;
    draft.functionBlocks = scope.functionBlocks;
    draft.historyLengthSeconds = scope.historyLengthOrDefault();
    draft.sharedServices = shared;
    draft.created = now;
    draft.expires = authorizationEnd(scope, now);
    if (env.ctx.behaviourFor(env.client.clientId, ProfileBehaviour::AuthorizationExpires) &&
        (draft.expires == 0 || draft.expires > now + kShortAuthorizationSeconds))
        draft.expires = now + kShortAuthorizationSeconds;
    std::int64_t delay = scenario ? scenario->collectionDelaySeconds : 0;
    if (env.ctx.variation(Variation::CollectionDelay))
        delay = std::max<std::int64_t>(delay, kVariationCollectionSeconds);
    draft.dataReadyAt = now + delay;
    draft.isTest = customer.test;
    const AuthorizationRecord record = env.store.createAuthorization(draft);
    const std::string code = env.store.issueCode(CodeGrant{env.utility.id, env.client.clientId, record.uid,
                                                           flow.redirectUri, flow.redirectUriSent, flow.codeChallenge,
                                                           flow.codeChallengeMethod, flow.scope, now,
                                                           now + kCodeLifetimeSeconds});
    env.store.endFlow(flow.id);
    return redirectToClient(env.ctx, flow, {{"code", code}});
}

HttpAnswer decide(const FlowEnv& env, const FlowState& flow, const HttpRequest& req)
{
    const Customer* customer = env.utility.findCustomer(flow.customerId);
    const std::string decision = fieldOf(req, "decision");
    if (flow.stage != FlowStage::Consent || !customer)
        return errorPage(400, "invalid_step", "Not ready for consent", "Verify the customer before approving.");
    if (decision == "approve")
        return approve(env, flow, *customer, req);
    env.store.endFlow(flow.id);
    if (env.ctx.defect("decline_without_error"))
        return redirectToClient(env.ctx, flow, {});
    return redirectError(env.ctx, flow, "access_denied", "the customer declined to share data");
}

} // namespace

HttpAnswer beginVerification(const FlowEnv& env, FlowState flow)
{
    if (flow.authType == AuthType::Test && !flow.prefill.empty())
        return admit(env, flow, findByTestAccount(env.utility, flow.prefill), FlowStage::Consent);
    if (isLookupType(flow.authType) && !flow.prefill.empty()) {
        if (const Customer* c = findByLookup(env.utility, flow.authType, flow.prefill))
            return admit(env, flow, c, FlowStage::Otp);
    }
    return showVerify(env, flow, "");
}

HttpAnswer continueFlow(const FlowEnv& env, FlowState flow, const HttpRequest& req)
{
    const std::string action = fieldOf(req, "action");
    if (action == "cancel") {
        env.store.endFlow(flow.id);
        return redirectError(env.ctx, flow, "access_denied", "the customer cancelled");
    }
    if (req.field("decision"))
        return decide(env, flow, req);
    if (action == "method")
        return switchMethod(env, flow, req);
    if (action == "otp" && flow.stage == FlowStage::Otp)
        return otpStep(env, flow, req);
    if (action == "verify" && flow.stage == FlowStage::Verify)
        return verifyStep(env, flow, req);
    return errorPage(400, "invalid_step", "Unexpected form",
                     "This form does not belong to the current step of the authorization; start again from the app.");
}

} // namespace gbc

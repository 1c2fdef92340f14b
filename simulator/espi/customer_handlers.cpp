// Handlers of the RetailCustomer tree: the customer token of the subscription, and FB 51 in the granted scope.
#include <optional>

#include "customer_entries.h"
#include "espi_access.h"
#include "espi_call.h"

namespace gbc {

namespace {

using R = EspiResource;

struct Located {
    const SharedAccount* account = nullptr;
    const ServicePlan* meter = nullptr;
};

// Checks every id on the path against the plan; the first unknown one is a 404.
Result<Located> locate(const EspiCall& c, const SubscriptionPlan& plan, const std::vector<SharedAccount>& accounts)
{
    Located at;
    const std::string& customer = c.target.id("c");
    if (!customer.empty() && customer != plan.record.uid)
        return Error{kNotFound, c.relativePath, "no Customer '" + customer + "' in RetailCustomer " + plan.record.uid};
    const std::string& a = c.target.id("a");
    if (a.empty())
        return at;
    for (const SharedAccount& each : accounts)
        if (each.id == a)
            at.account = &each;
    if (!at.account)
        return Error{kNotFound, c.relativePath, "no CustomerAccount '" + a + "'"};
    for (const char* key : {"g", "l"})
        if (!c.target.id(key).empty() && c.target.id(key) != a)
            return Error{kNotFound, c.relativePath, "no such resource '" + c.target.id(key) + "' under account " + a};
    const std::string& m = c.target.id("m");
    for (const ServicePlan* s : at.account->services)
        if (s->usagePointId == m)
            at.meter = s;
    if (!m.empty() && !at.meter)
        return Error{kNotFound, c.relativePath, "no Meter '" + m + "' at this ServiceLocation"};
    return at;
}

bool isRootEntry(R r)
{
    return r == R::Customer || r == R::Account || r == R::Agreement || r == R::Location || r == R::Meter;
}

void writeEntries(const EspiCall& c, CustomerWriter& w, const Located& at, const std::vector<SharedAccount>& accounts)
{
    switch (c.target.resource) {
    case R::CustomerFeed:
    case R::Customer: w.customer(); break;
    case R::AccountFeed:
        for (const SharedAccount& a : accounts)
            w.customerAccount(a);
        break;
    case R::Account: w.customerAccount(*at.account); break;
    case R::AgreementFeed:
    case R::Agreement: w.customerAgreement(*at.account); break;
    case R::LocationFeed:
    case R::Location: w.serviceLocation(*at.account); break;
    case R::MeterFeed:
        for (const ServicePlan* s : at.account->services)
            w.meter(*at.account, *s);
        break;
    case R::Meter: w.meter(*at.account, *at.meter); break;
    default: w.whole();
    }
}

} // namespace

HttpAnswer handleCustomer(const EspiCall& c)
{
    const bool acceptClient = c.target.isBatch() && c.ctx.defect("wrong_token_class_accepted");
    const auto record = subscriptionAccess(c.ctx, c.token, c.target.id("sub"), acceptClient);
    if (!record)
        return espiErrorAnswer(record.error());
    const auto plan = planSubscription(c.ctx, *record);
    if (!plan)
        return espiErrorAnswer(Error{kNotFound, c.relativePath, plan.error().message});
    if (!plan->grants(51))
        return espiErrorAnswer(Error{kForbidden, c.relativePath, "the granted scope does not include FB 51 (customer data)"});
    const auto query = parseFeedQuery(c.req, c.ctx.defect("bad_query_accepted"));
    if (!query)
        return espiErrorAnswer(query.error());
    if (c.target.isBatch() && c.now < record->dataReadyAt)
        return collectingAnswer(record->dataReadyAt, c.now);
    const std::vector<SharedAccount> accounts = sharedAccounts(*plan);
    const auto at = locate(c, *plan, accounts);
    if (!at)
        return espiErrorAnswer(at.error());
    std::string out;
    AtomDocument doc(out, c.atomOptions(*query));
    const R r = c.target.resource;
    CustomerWriter w{doc, *plan, isRootEntry(r) ? EntryMode::Root : EntryMode::InFeed};
    if (!isRootEntry(r))
        doc.beginFeed(c.relativePath, r == R::BatchRetailCustomer ? "Green Button retail customer feed"
                                                                  : "Customer data feed",
                      c.now);
    writeEntries(c, w, *at, accounts);
    if (!isRootEntry(r))
        doc.endFeed();
    return atomAnswer(std::move(out));
}

} // namespace gbc

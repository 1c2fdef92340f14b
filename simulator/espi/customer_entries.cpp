// Customer-tree entries in customer.xsd order; PII comes from the catalogue Customer and Account.
#include "customer_entries.h"

#include "espi_paths.h"

namespace gbc {

namespace {

template <typename F>
void put(CustomerWriter& w, const WrittenEntry& e, F&& content)
{
    if (w.mode == EntryMode::Root)
        w.doc.rootEntry(e, content);
    else
        w.doc.entry(e, content);
}

void openCustomerNs(XmlOut& x, std::string_view name)
{
    x.raw("<").raw(name).raw(" xmlns=\"").raw(kCustomerNs).raw("\">");
}

WrittenEntry entryOf(const SubscriptionPlan& plan, std::string self, std::string_view resource, std::string title)
{
    const std::size_t slash = self.rfind('/');
    WrittenEntry e{self, self.substr(0, slash), resource, true, std::move(title), {}, {}};
    e.times.published = e.times.updated = plan.record.created;
    return e;
}

} // namespace

std::vector<SharedAccount> sharedAccounts(const SubscriptionPlan& plan)
{
    std::vector<SharedAccount> out;
    for (std::size_t i = 0; i < plan.customer->accounts.size(); ++i) {
        SharedAccount a{std::to_string(i + 1), &plan.customer->accounts[i], {}};
        for (const ServicePlan& s : plan.services)
            if (s.account == a.account)
                a.services.push_back(&s);
        if (!a.services.empty())
            out.push_back(std::move(a));
    }
    return out;
}

std::string customerPath(const SubscriptionPlan& plan)
{
    return espipath::customers(plan.record.uid) + "/" + plan.record.uid;
}
std::string accountPath(const SubscriptionPlan& plan, const std::string& a)
{
    return customerPath(plan) + "/CustomerAccount/" + a;
}
std::string agreementPath(const SubscriptionPlan& plan, const std::string& a)
{
    return accountPath(plan, a) + "/CustomerAgreement/" + a;
}
std::string locationPath(const SubscriptionPlan& plan, const std::string& a)
{
    return agreementPath(plan, a) + "/ServiceLocation/" + a;
}

void CustomerWriter::customer()
{
    const Customer& c = *plan.customer;
    WrittenEntry e = entryOf(plan, customerPath(plan), "Customer", c.name.empty() ? "Customer" : c.name);
    e.related.push_back({"related", customerPath(plan) + "/CustomerAccount", "cust-feed/CustomerAccount"});
    put(*this, e, [&](XmlOut& x) {
        openCustomerNs(x, "Customer");
        x.open("Organisation");
        if (!c.phone.empty())
            x.open("phone1").element("localNumber", c.phone).close("phone1");
        if (!c.email.empty())
            x.open("electronicAddress").element("email1", c.email).close("electronicAddress");
        x.element("organisationName", c.name).close("Organisation");
        x.element("kind", plan.commercial ? "commercialIndustrial" : "residential");
        x.element("customerName", c.name);
        x.raw("</Customer>");
    });
}

void CustomerWriter::customerAccount(const SharedAccount& a)
{
    WrittenEntry e = entryOf(plan, accountPath(plan, a.id), "CustomerAccount", "Account " + a.account->number);
    e.related.push_back({"related", accountPath(plan, a.id) + "/CustomerAgreement", "cust-feed/CustomerAgreement"});
    put(*this, e, [&](XmlOut& x) {
        openCustomerNs(x, "CustomerAccount");
        x.element("billingCycle", "monthly").element("accountId", a.account->number);
        x.raw("</CustomerAccount>");
    });
}

void CustomerWriter::customerAgreement(const SharedAccount& a)
{
    WrittenEntry e = entryOf(plan, agreementPath(plan, a.id), "CustomerAgreement", "Agreement " + a.account->number);
    e.related.push_back({"related", agreementPath(plan, a.id) + "/ServiceLocation", "cust-feed/ServiceLocation"});
    put(*this, e, [&](XmlOut& x) {
        openCustomerNs(x, "CustomerAgreement");
        x.element("isPrePay", "false").element("currency", plan.utility->currency).element("agreementId",
                                                                                         a.account->number);
        x.raw("</CustomerAgreement>");
    });
}

void CustomerWriter::serviceLocation(const SharedAccount& a)
{
    WrittenEntry e = entryOf(plan, locationPath(plan, a.id), "ServiceLocation", a.account->address);
    e.related.push_back({"related", locationPath(plan, a.id) + "/Meter", "cust-feed/Meter"});
    for (const ServicePlan* s : a.services)
        e.related.push_back({"related", espipath::usagePoint(plan.record.uid, s->usagePointId),
                             "espi-entry/UsagePoint"});
    put(*this, e, [&](XmlOut& x) {
        openCustomerNs(x, "ServiceLocation");
        x.open("mainAddress").open("streetDetail").element("addressGeneral", a.account->address);
        x.close("streetDetail").close("mainAddress");
        x.raw("</ServiceLocation>");
    });
}

void CustomerWriter::meter(const SharedAccount& a, const ServicePlan& s)
{
    WrittenEntry e = entryOf(plan, locationPath(plan, a.id) + "/Meter/" + s.usagePointId, "Meter",
                          "Meter " + s.service->meterNumber);
    e.related.push_back({"related", espipath::usagePoint(plan.record.uid, s.usagePointId), "espi-entry/UsagePoint"});
    put(*this, e, [&](XmlOut& x) {
        openCustomerNs(x, "Meter");
        x.element("serialNumber", s.service->meterNumber)
            .element("amrSystem", "AMI")
            .element("intervalLength", s.readingType.intervalLength);
        x.raw("</Meter>");
    });
}

void CustomerWriter::whole()
{
    customer();
    const auto accounts = sharedAccounts(plan);
    for (const SharedAccount& a : accounts) {
        customerAccount(a);
        customerAgreement(a);
        serviceLocation(a);
        for (const ServicePlan* s : a.services)
            meter(a, *s);
    }
}

} // namespace gbc

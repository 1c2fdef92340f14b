// The RetailCustomer tree (namespace http://naesb.org/espi/customer), served when FB 51 is granted:
// RetailCustomer/{sub}/Customer/{c}/CustomerAccount/{a}/CustomerAgreement/{g}/ServiceLocation/{l}/Meter/{up}.
// Ids: Customer = sub; CustomerAccount, CustomerAgreement, ServiceLocation = account position (1-based);
// Meter = the UsagePoint id of the service.
#pragma once

#include <string>
#include <vector>

#include "atom_writer.h"
#include "usage_entries.h"
#include "usage_model.h"

namespace gbc {

// One account with at least one shared service, and those services.
struct SharedAccount {
    std::string id; // 1-based position among the customer's accounts
    const Account* account = nullptr;
    std::vector<const ServicePlan*> services;
};
std::vector<SharedAccount> sharedAccounts(const SubscriptionPlan& plan);

struct CustomerWriter {
    AtomDocument& doc;
    const SubscriptionPlan& plan;
    EntryMode mode = EntryMode::InFeed;

    void customer();
    void customerAccount(const SharedAccount& a);
    void customerAgreement(const SharedAccount& a);
    void serviceLocation(const SharedAccount& a);
    void meter(const SharedAccount& a, const ServicePlan& s);
    // Everything of Batch/RetailCustomer: Customer, then per account CustomerAccount, CustomerAgreement,
    // ServiceLocation and its Meters. (No LocalTimeParameters: without their UsagePoints they would break D135.)
    void whole();
};

// Relative paths of the tree.
std::string customerPath(const SubscriptionPlan& plan);
std::string accountPath(const SubscriptionPlan& plan, const std::string& a);
std::string agreementPath(const SubscriptionPlan& plan, const std::string& a);
std::string locationPath(const SubscriptionPlan& plan, const std::string& a);

} // namespace gbc

// The ESPI resource path grammar: which resource a request path names, with its ids (a declarative table).
#pragma once

#include <map>
#include <string>

#include "result.h"

namespace gbc {

// Order matters: everything from BatchRetailCustomer on is the customer tree (EspiTarget::isCustomerTree).
enum class EspiResource {
    ServiceStatus, ApplicationInformation, AuthorizationFeed, Authorization, Bulk,
    Subscription, BatchSubscription, BatchUsagePoint,
    UsagePointFeed, UsagePoint, MeterReadingFeed, MeterReading, IntervalBlockFeed, IntervalBlock,
    UsageSummaryFeed, UsageSummary, PowerQualityFeed, PowerQuality, ReadingType, LocalTimeParameters,
    BatchRetailCustomer, CustomerFeed, Customer, AccountFeed, Account, AgreementFeed, Agreement,
    LocationFeed, Location, MeterFeed, Meter,
};

struct EspiTarget {
    EspiResource resource = EspiResource::ServiceStatus;
    std::string pattern;                    // the matching grammar row, for messages
    std::map<std::string, std::string> ids; // "sub", "up", "mr", "id", "c", "a", "g", "l", "m"

    const std::string& id(const std::string& name) const;
    bool isBatch() const;
    bool isCustomerTree() const;
};

// Parses the part of the path after /DataCustodian/espi/1_1/resource/ (one trailing '/' tolerated).
// Unknown shapes and ids with characters outside [A-Za-z0-9_.-] -> espi.bad_request.
Result<EspiTarget> parseEspiTarget(const std::string& relativePath);

} // namespace gbc

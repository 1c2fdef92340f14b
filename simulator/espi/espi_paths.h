// Relative resource paths under /DataCustodian/espi/1_1/resource/ (the link graph of espi.md section 2).
#pragma once

#include <string>

#include "clock.h"
#include "http_types.h"
#include "sim_context.h"

namespace gbc::espipath {

inline constexpr const char* kPrefix = "/DataCustodian/espi/1_1/resource/";

inline std::string usagePoints(const std::string& sub) { return "Subscription/" + sub + "/UsagePoint"; }
inline std::string usagePoint(const std::string& sub, const std::string& up) { return usagePoints(sub) + "/" + up; }
inline std::string meterReadings(const std::string& sub, const std::string& up)
{
    return usagePoint(sub, up) + "/MeterReading";
}
inline std::string meterReading(const std::string& sub, const std::string& up, const std::string& mr)
{
    return meterReadings(sub, up) + "/" + mr;
}
inline std::string intervalBlocks(const std::string& sub, const std::string& up, const std::string& mr)
{
    return meterReading(sub, up, mr) + "/IntervalBlock";
}
inline std::string usageSummaries(const std::string& sub, const std::string& up)
{
    return usagePoint(sub, up) + "/UsageSummary";
}
inline std::string powerQualitySummaries(const std::string& sub, const std::string& up)
{
    return usagePoint(sub, up) + "/ElectricPowerQualitySummary";
}
inline std::string readingType(const std::string& id) { return "ReadingType/" + id; }
inline std::string localTimeParameters(const std::string& id) { return "LocalTimeParameters/" + id; }
inline std::string authorization(const std::string& id) { return "Authorization/" + id; }
inline std::string subscription(const std::string& sub) { return "Subscription/" + sub; }
inline std::string batchSubscription(const std::string& sub) { return "Batch/Subscription/" + sub; }
inline std::string retailCustomer(const std::string& sub) { return "RetailCustomer/" + sub; }
inline std::string customers(const std::string& sub) { return retailCustomer(sub) + "/Customer"; }

// "http://host:port" for absolute links: SimContext::publicBaseUrl when the request came in on a utility's own
// host name (which clients cannot resolve), else the request's own origin.
inline std::string linkOrigin(const SimContext& ctx, const HttpRequest& req)
{
    if (!ctx.publicBaseUrl.empty() && ctx.catalogue.findUtilityByHost(req.host))
        return ctx.publicBaseUrl;
    return req.origin();
}
inline std::string resourceBase(const SimContext& ctx, const HttpRequest& req)
{
    return linkOrigin(ctx, req) + kPrefix;
}

} // namespace gbc::espipath

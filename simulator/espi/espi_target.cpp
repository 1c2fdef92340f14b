// Path grammar table and matcher.
#include "espi_target.h"

#include <vector>

#include "espi_access.h"
#include "espi_ids.h"

namespace gbc {

namespace {

struct GrammarRow {
    const char* pattern;
    EspiResource resource;
};

#define SUB_UP "Subscription/{sub}/UsagePoint/{up}"
#define CUSTOMER "RetailCustomer/{sub}/Customer/{c}"
#define ACCOUNT CUSTOMER "/CustomerAccount/{a}"
#define AGREEMENT ACCOUNT "/CustomerAgreement/{g}"
#define LOCATION AGREEMENT "/ServiceLocation/{l}"

const GrammarRow kGrammar[] = {
    {"ReadServiceStatus", EspiResource::ServiceStatus},
    {"ApplicationInformation/{id}", EspiResource::ApplicationInformation},
    {"Authorization", EspiResource::AuthorizationFeed},
    {"Authorization/{id}", EspiResource::Authorization},
    {"Bulk/{id}", EspiResource::Bulk},
    {"Batch/Bulk/{id}", EspiResource::Bulk},
    {"Subscription/{sub}", EspiResource::Subscription},
    {"Batch/Subscription/{sub}", EspiResource::BatchSubscription},
    {"Batch/Subscription/{sub}/UsagePoint", EspiResource::BatchSubscription},
    {"Batch/Subscription/{sub}/UsagePoint/{up}", EspiResource::BatchUsagePoint},
    {"Subscription/{sub}/UsagePoint", EspiResource::UsagePointFeed},
    {SUB_UP, EspiResource::UsagePoint},
    {SUB_UP "/MeterReading", EspiResource::MeterReadingFeed},
    {SUB_UP "/MeterReading/{mr}", EspiResource::MeterReading},
    {SUB_UP "/MeterReading/{mr}/IntervalBlock", EspiResource::IntervalBlockFeed},
    {SUB_UP "/MeterReading/{mr}/IntervalBlock/{id}", EspiResource::IntervalBlock},
    {SUB_UP "/UsageSummary", EspiResource::UsageSummaryFeed},
    {SUB_UP "/UsageSummary/{id}", EspiResource::UsageSummary},
    {SUB_UP "/ElectricPowerQualitySummary", EspiResource::PowerQualityFeed},
    {SUB_UP "/ElectricPowerQualitySummary/{id}", EspiResource::PowerQuality},
    {"ReadingType/{id}", EspiResource::ReadingType},
    {"LocalTimeParameters/{id}", EspiResource::LocalTimeParameters},
    {"Batch/RetailCustomer/{sub}", EspiResource::BatchRetailCustomer},
    {"RetailCustomer/{sub}", EspiResource::BatchRetailCustomer},
    {"RetailCustomer/{sub}/Customer", EspiResource::CustomerFeed},
    {CUSTOMER, EspiResource::Customer},
    {CUSTOMER "/CustomerAccount", EspiResource::AccountFeed},
    {ACCOUNT, EspiResource::Account},
    {ACCOUNT "/CustomerAgreement", EspiResource::AgreementFeed},
    {AGREEMENT, EspiResource::Agreement},
    {AGREEMENT "/ServiceLocation", EspiResource::LocationFeed},
    {LOCATION, EspiResource::Location},
    {LOCATION "/Meter", EspiResource::MeterFeed},
    {LOCATION "/Meter/{m}", EspiResource::Meter},
};

std::vector<std::string> split(const std::string& s)
{
    std::vector<std::string> out;
    std::size_t from = 0;
    for (;;) {
        const std::size_t slash = s.find('/', from);
        out.push_back(s.substr(from, slash == std::string::npos ? std::string::npos : slash - from));
        if (slash == std::string::npos)
            return out;
        from = slash + 1;
    }
}

// Matches literal segments exactly and {name} segments as safe ids; fills `ids` on success.
bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             std::map<std::string, std::string>& ids, std::string& badId)
{
    if (pattern.size() != path.size())
        return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::string& p = pattern[i];
        if (p.front() != '{') {
            if (p != path[i])
                return false;
            continue;
        }
        if (!isSafeId(path[i])) {
            badId = path[i];
            return false;
        }
        found[p.substr(1, p.size() - 2)] = path[i];
    }
    ids = std::move(found);
    return true;
}

} // namespace

const std::string& EspiTarget::id(const std::string& name) const
{
    static const std::string empty;
    const auto it = ids.find(name);
    return it == ids.end() ? empty : it->second;
}

bool EspiTarget::isBatch() const
{
    return resource == EspiResource::Subscription || resource == EspiResource::BatchSubscription ||
           resource == EspiResource::BatchUsagePoint || resource == EspiResource::BatchRetailCustomer;
}

bool EspiTarget::isCustomerTree() const
{
    return resource >= EspiResource::BatchRetailCustomer;
}

Result<EspiTarget> parseEspiTarget(const std::string& relativePath)
{
    std::string rel = relativePath;
    if (!rel.empty() && rel.back() == '/')
        rel.pop_back();
    const std::vector<std::string> path = split(rel);
    std::string badId;
    for (const GrammarRow& row : kGrammar) {
        EspiTarget t;
        if (matches(split(row.pattern), path, t.ids, badId)) {
            t.resource = row.resource;
            t.pattern = row.pattern;
            return t;
        }
    }
    if (!badId.empty())
        return Error{kBadRequest, relativePath, "'" + badId + "' is not a valid id (letters, digits, _ . - only)"};
    return Error{kBadRequest, relativePath, "no ESPI resource has this path"};
}

} // namespace gbc

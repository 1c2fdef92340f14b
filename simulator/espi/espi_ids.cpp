// Id shapes: building and parsing (see espi_ids.h for the scheme).
#include "espi_ids.h"

#include "sim_store.h"

namespace gbc {

namespace {

bool allDigits(const std::string& s, std::size_t from, std::size_t to)
{
    if (from >= to)
        return false;
    for (std::size_t i = from; i < to; ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

} // namespace

std::string usagePointId(const std::string& subscriptionId, std::size_t serviceIndex)
{
    const std::size_t n = serviceIndex + 1;
    std::string out = subscriptionId;
    out += static_cast<char>('0' + (n / 10) % 10);
    out += static_cast<char>('0' + n % 10);
    return out;
}

std::optional<UsagePointKey> parseUsagePointId(const std::string& id)
{
    if (id.size() < 3 || !isSafeId(id) || !allDigits(id, id.size() - 2, id.size()))
        return std::nullopt;
    const std::size_t n = static_cast<std::size_t>((id[id.size() - 2] - '0') * 10 + (id.back() - '0'));
    if (n == 0)
        return std::nullopt;
    return UsagePointKey{id.substr(0, id.size() - 2), n - 1};
}

std::optional<std::size_t> serviceIndexOf(const std::string& subscriptionId, const std::string& upId)
{
    const auto key = parseUsagePointId(upId);
    if (!key || key->subscriptionId != subscriptionId)
        return std::nullopt;
    return key->serviceIndex;
}

std::string meterReadingId(const std::string& upId, const std::string& unitWord, int intervalLength)
{
    return upId + "_" + unitWord + "_" + std::to_string(intervalLength);
}

std::string readingTypeId(const std::string& subscriptionId, const std::string& mrId)
{
    return subscriptionId + "_" + mrId;
}

std::string localTimeParametersId(const std::string& subscriptionId, const std::string& upId)
{
    return "TIMEZONE_" + subscriptionId + "_" + upId;
}

std::optional<UsagePointKey> parseReadingTypeId(const std::string& id)
{
    // sub "_" sub NN "_" unit "_" length: strip the two trailing fields, then find the split where
    // the remainder is "<sub>_<sub>NN".
    if (!isSafeId(id))
        return std::nullopt;
    const std::size_t lenSep = id.rfind('_');
    if (lenSep == std::string::npos || lenSep == 0 || !allDigits(id, lenSep + 1, id.size()))
        return std::nullopt;
    const std::size_t unitSep = id.rfind('_', lenSep - 1);
    if (unitSep == std::string::npos || unitSep + 1 >= lenSep)
        return std::nullopt;
    const std::string head = id.substr(0, unitSep); // sub "_" upId
    for (std::size_t k = head.find('_'); k != std::string::npos; k = head.find('_', k + 1)) {
        const std::string sub = head.substr(0, k);
        const auto idx = serviceIndexOf(sub, head.substr(k + 1));
        if (idx && !sub.empty())
            return UsagePointKey{sub, *idx};
    }
    return std::nullopt;
}

std::optional<UsagePointKey> parseLocalTimeParametersId(const std::string& id)
{
    static const std::string prefix = "TIMEZONE_";
    if (!isSafeId(id) || id.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    const std::string head = id.substr(prefix.size());
    for (std::size_t k = head.find('_'); k != std::string::npos; k = head.find('_', k + 1)) {
        const std::string sub = head.substr(0, k);
        const auto idx = serviceIndexOf(sub, head.substr(k + 1));
        if (idx && !sub.empty())
            return UsagePointKey{sub, *idx};
    }
    return std::nullopt;
}

std::string applicationInformationId(const Client& client)
{
    return client.clientId;
}

std::string bulkId(const Client& client)
{
    return clientBulkId(client.clientId); // the id the token endpoint puts in resourceURI .../Bulk/{id}
}

bool isSafeId(const std::string& id)
{
    if (id.empty() || id.size() > 128)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '-' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace gbc

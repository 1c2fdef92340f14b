// Scripted JSON API faults: parsing the admin script, consuming it per request, and the error answers.
#include "api_faults.h"

#include <algorithm>

namespace gbc {

namespace {

struct FaultKind {
    int status;
    const char* code;
    const char* description;
};

constexpr FaultKind kKinds[] = {
    {402, "payment_required", "the account has no balance for this request (scripted by /__sim/ admin)"},
    {429, "rate_limited", "too many requests; retry after the Retry-After delay (scripted by /__sim/ admin)"},
    {500, "server_error", "internal error (scripted by /__sim/ admin)"},
    {503, "service_unavailable", "the service is temporarily unavailable (scripted by /__sim/ admin)"},
    {504, "gateway_timeout", "the upstream timed out (scripted by /__sim/ admin)"},
};

const FaultKind* kindOf(int status)
{
    for (const FaultKind& k : kKinds)
        if (k.status == status)
            return &k;
    return nullptr;
}

Error scriptError(const std::string& pointer, const std::string& message)
{
    return Error{"invalid_param", "body:" + pointer, message};
}

// One integer member in [low, high], or `fallback` when absent.
Result<int> intMember(const nlohmann::json& item, const char* name, const std::string& at, int low, int high, int fallback)
{
    if (!item.contains(name))
        return fallback;
    const nlohmann::json& v = item.at(name);
    if (!v.is_number_integer() || v.get<long long>() < low || v.get<long long>() > high)
        return scriptError(at + "/" + name, "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
    return static_cast<int>(v.get<long long>());
}

Result<ApiFault> parseFault(const nlohmann::json& item, const std::string& at)
{
    if (!item.is_object())
        return scriptError(at, "each fault must be an object");
    for (const auto& [key, value] : item.items())
        if (key != "status" && key != "count" && key != "retry_after" && key != "path")
            return scriptError(at + "/" + key, "unknown key (known: status, count, retry_after, path)");
    if (!item.contains("status"))
        return scriptError(at + "/status", "required: one of 402, 429, 500, 503, 504");
    ApiFault f;
    auto status = intMember(item, "status", at, 0, 999, 0);
    if (!status || !isScriptableFaultStatus(status.value()))
        return scriptError(at + "/status", "must be one of 402, 429, 500, 503, 504");
    auto count = intMember(item, "count", at, 1, 1000000, 1);
    auto retry = intMember(item, "retry_after", at, 0, 86400, 0);
    if (!count || !retry)
        return (!count ? count : retry).error();
    if (item.contains("path") && !item.at("path").is_string())
        return scriptError(at + "/path", "must be a string (a part of the request path)");
    f.status = status.value();
    f.count = count.value();
    f.retryAfterSeconds = retry.value();
    f.pathContains = item.value("path", std::string());
    return f;
}

} // namespace

bool isScriptableFaultStatus(int status)
{
    return kindOf(status) != nullptr;
}

Result<std::vector<ApiFault>> parseFaultScript(const nlohmann::json& body)
{
    if (!body.is_object() || !body.contains("faults") || !body.at("faults").is_array())
        return scriptError("/faults", "the body must be {\"faults\": [...]} (an empty list clears the script)");
    std::vector<ApiFault> out;
    const nlohmann::json& list = body.at("faults");
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto f = parseFault(list[i], "/faults/" + std::to_string(i));
        if (!f)
            return f.error();
        out.push_back(f.value());
    }
    return out;
}

nlohmann::json faultScriptJson(const std::vector<ApiFault>& faults)
{
    nlohmann::json list = nlohmann::json::array();
    for (const ApiFault& f : faults)
        list.push_back({{"status", f.status}, {"count", f.count}, {"retry_after", f.retryAfterSeconds}, {"path", f.pathContains}});
    return {{"faults", list}};
}

HttpAnswer faultAnswer(const ApiFault& fault)
{
    const FaultKind* k = kindOf(fault.status);
    const nlohmann::json body = {{"error", k->code}, {"error_description", k->description},
                                 {"url", "https://utilityapi.com/docs/api/formats"}};
    HttpAnswer a = HttpAnswer::make(fault.status, "application/json", body.dump(4));
    if (fault.retryAfterSeconds > 0)
        a.withHeader("Retry-After", std::to_string(fault.retryAfterSeconds));
    return a;
}

void ApiFaults::set(const std::string& clientId, std::vector<ApiFault> faults)
{
    std::lock_guard lock(mutex_);
    if (faults.empty())
        byClient_.erase(clientId);
    else
        byClient_[clientId] = std::move(faults);
}

std::vector<ApiFault> ApiFaults::pending(const std::string& clientId) const
{
    std::lock_guard lock(mutex_);
    auto it = byClient_.find(clientId);
    return it == byClient_.end() ? std::vector<ApiFault>{} : it->second;
}

std::optional<ApiFault> ApiFaults::take(const std::string& clientId, const std::string& path)
{
    std::lock_guard lock(mutex_);
    auto it = byClient_.find(clientId);
    if (it == byClient_.end())
        return std::nullopt;
    std::vector<ApiFault>& list = it->second;
    auto f = std::find_if(list.begin(), list.end(),
                          [&](const ApiFault& x) { return path.find(x.pathContains) != std::string::npos; });
    if (f == list.end())
        return std::nullopt;
    ApiFault used = *f;
    if (--f->count == 0)
        list.erase(f);
    if (list.empty())
        byClient_.erase(it);
    return used;
}

} // namespace gbc

// Observation lookups and the outcome helpers every check family uses.
#include "observation.h"

#include "time_format.h"
#include "transport.h"
#include "url.h"

namespace gbc {

const HttpExchange* Observation::step(const std::string& name) const
{
    auto it = steps.find(name);
    return it == steps.end() ? nullptr : &it->second;
}

std::string Observation::fact(const std::string& name) const
{
    auto it = facts.find(name);
    return it == facts.end() ? std::string() : it->second;
}

long long Observation::factInt(const std::string& name, long long fallback) const
{
    const std::string v = fact(name);
    if (v.empty() || v.find_first_not_of("-0123456789") != std::string::npos || v.size() > 18)
        return fallback;
    return std::stoll(v);
}

Outcome passed(std::string message, std::vector<std::string> evidence)
{
    return Outcome{Verdict::Pass, std::move(message), {}, {}, std::move(evidence)};
}

Outcome failed(std::string expected, std::string actual, std::vector<std::string> evidence, std::string message)
{
    if (message.empty())
        message = "expected " + expected + ", got " + actual;
    return Outcome{Verdict::Fail, std::move(message), std::move(expected), std::move(actual), std::move(evidence)};
}

Outcome skipped(std::string reason) { return Outcome{Verdict::Skip, std::move(reason), {}, {}, {}}; }

Outcome harnessError(std::string message, std::vector<std::string> evidence)
{
    return Outcome{Verdict::Error, std::move(message), {}, {}, std::move(evidence)};
}

Needed need(const Observation& obs, std::initializer_list<const char*> gates, const std::string& step)
{
    for (const char* g : gates) {
        auto it = obs.gates.find(g);
        if (it != obs.gates.end())
            return {nullptr, skipped(it->second)};
    }
    const HttpExchange* e = obs.step(step);
    if (!e) // an earlier answer stopped the probe before this request (the gate that says why was not closed)
        return {nullptr, skipped("precondition not met: step '" + step + "' was never reached")};
    if (e->status == 0)
        return {nullptr, harnessError("no answer to " + e->method + " " + stripQuery(e->url) + ": " + e->error, {step})};
    return {e, std::nullopt};
}

std::optional<nlohmann::json> jsonBody(const HttpExchange& e)
{
    nlohmann::json j = nlohmann::json::parse(e.responseBody, nullptr, false);
    if (j.is_discarded())
        return std::nullopt;
    return j;
}

bool instantsOrdered(const nlohmann::json& j, const char* startKey, const char* endKey)
{
    const Result<std::int64_t> start = parseIsoMicros(jsonString(j, startKey)), end = parseIsoMicros(jsonString(j, endKey));
    return start && end && *start < *end;
}

std::string jsonString(const nlohmann::json& j, const char* key)
{
    if (!j.is_object() || !j.contains(key) || !j.at(key).is_string())
        return {};
    return j.at(key).get<std::string>();
}

std::string brief(const HttpExchange& e)
{
    if (e.status == 0)
        return "no answer (" + e.error + ")";
    std::string out = std::to_string(e.status);
    const std::string location = responseHeader(e, "Location");
    if (!location.empty())
        return out + " redirect to " + location;
    const std::string type = responseHeader(e, "Content-Type");
    if (!type.empty())
        out += " " + type.substr(0, type.find(';'));
    std::string body = e.responseBody.substr(0, 160);
    for (char& c : body)
        if (c == '\n' || c == '\r')
            c = ' ';
    return out + (body.empty() ? " (empty body)" : " " + body + (e.responseBody.size() > 160 ? "…" : ""));
}

std::string oauthError(const HttpExchange& e)
{
    std::optional<nlohmann::json> j = jsonBody(e);
    return j ? jsonString(*j, "error") : std::string();
}

bool hasParam(const std::string& url, const std::string& name) { return queryParam(url, name).has_value(); }

} // namespace gbc

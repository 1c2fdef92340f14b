// Fault rules: JsonReader for located errors, SplitMix64 for seeded coin flips and lognormal latencies.
#include "fault_script.h"

#include <array>
#include <cmath>

#include "json_reader.h"

namespace gbc {

namespace {

constexpr std::array<std::pair<FaultKind, const char*>, 5> kKindNames{{
    {FaultKind::Latency, "latency"}, {FaultKind::Status, "status"}, {FaultKind::Reset, "reset"},
    {FaultKind::Truncate, "truncate"}, {FaultKind::Stall, "stall"},
}};
constexpr double kZ99 = 2.3263478740408408; // standard normal quantile at 0.99

double number(const JsonReader& r, const std::string& key, double low, double high)
{
    const JsonReader v = r.at(key);
    if (!v.raw().is_number() || v.raw().get<double>() < low || v.raw().get<double>() > high)
        v.fail("faults.bad_value", "expected a number from " + std::to_string(low) + " to " + std::to_string(high));
    return v.raw().get<double>();
}

void readMatch(const JsonReader& r, FaultRule& f)
{
    f.method = r.string("method", "");
    if (f.method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
        r.at("method").fail("faults.bad_value", "a method is upper case, e.g. GET or POST");
    f.path = r.string("path", "");
    if (!f.path.empty() && f.path[0] != '/' && f.path[0] != '*')
        r.at("path").fail("faults.bad_value", "a path glob starts with '/' or '*'");
    f.client = r.string("client", "");
    const std::string direction = r.string("direction", "inbound");
    if (direction != "inbound" && direction != "outbound")
        r.at("direction").fail("faults.bad_value", "direction is 'inbound' (requests to the simulator) or 'outbound'");
    f.outbound = direction == "outbound";
    if (f.outbound && !f.client.empty())
        r.at("client").fail("faults.bad_value", "an outbound delivery is matched by method and path, not by client");
}

void readLatency(const JsonReader& r, FaultRule& f)
{
    if (r.has("ms")) {
        f.fixedMs = static_cast<int>(r.integerIn("ms", 0, kMaxFaultDelayMs));
        return;
    }
    if (!r.has("median"))
        r.fail("faults.missing", "latency needs \"ms\" (fixed) or \"median\" and \"p99\" (lognormal, milliseconds)");
    f.medianMs = number(r, "median", 0.001, kMaxFaultDelayMs);
    f.p99Ms = number(r, "p99", f.medianMs, kMaxFaultDelayMs);
}

void readKindFields(const JsonReader& r, FaultRule& f)
{
    switch (f.kind) {
    case FaultKind::Latency: readLatency(r, f); break;
    case FaultKind::Status:
        f.status = static_cast<int>(r.integerIn("status", 400, 599));
        f.body = r.string("body", "");
        f.retryAfterSeconds = static_cast<int>(r.integerIn("retryAfter", -1, 0, 86400));
        break;
    case FaultKind::Reset: break;
    case FaultKind::Truncate: f.bytes = static_cast<std::size_t>(r.integerIn("bytes", 0, 1 << 30)); break;
    case FaultKind::Stall:
        f.stallMs = static_cast<int>(std::lround(number(r, "seconds", 0, kMaxFaultDelayMs / 1000.0) * 1000));
        break;
    }
}

FaultRule readRule(const JsonReader& r)
{
    r.allowOnly({"kind", "method", "path", "client", "direction", "ms", "median", "p99", "status", "body",
                 "retryAfter", "bytes", "seconds", "count", "probability"});
    FaultRule f;
    const std::string kind = r.string("kind");
    bool known = false;
    for (const auto& [k, name] : kKindNames)
        if (kind == name)
            f.kind = k, known = true;
    if (!known)
        r.at("kind").fail("faults.unknown_kind", "unknown fault kind '" + kind + "' (known: latency, status, reset, truncate, stall)");
    readMatch(r, f);
    readKindFields(r, f);
    f.count = static_cast<int>(r.integerIn("count", -1, 1, 1'000'000'000));
    f.probability = r.has("probability") ? number(r, "probability", 0, 1) : 1.0;
    return f;
}

std::uint64_t splitMix(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

const char* toString(FaultKind kind)
{
    for (const auto& [k, name] : kKindNames)
        if (k == kind)
            return name;
    return "status";
}

Result<FaultScript> readFaultScript(const nlohmann::json& doc, const std::string& file)
{
    try {
        const JsonReader root(doc, file);
        root.allowOnly({"seed", "faults"});
        FaultScript script;
        script.seed = static_cast<std::uint64_t>(root.integerIn("seed", 1, 0, INT64_MAX));
        for (const JsonReader& item : root.at("faults").items())
            script.rules.push_back(readRule(item));
        return script;
    } catch (const JsonReadError& e) {
        return e.error;
    }
}

nlohmann::json faultScriptToJson(const FaultScript& script)
{
    nlohmann::json faults = nlohmann::json::array();
    for (const FaultRule& f : script.rules) {
        nlohmann::json j = {{"kind", toString(f.kind)}, {"method", f.method}, {"path", f.path}, {"client", f.client},
                            {"direction", f.outbound ? "outbound" : "inbound"}, {"count", f.count},
                            {"probability", f.probability}, {"hits", f.hits}};
        if (f.kind == FaultKind::Latency && f.medianMs > 0)
            j["median"] = f.medianMs, j["p99"] = f.p99Ms;
        else if (f.kind == FaultKind::Latency)
            j["ms"] = f.fixedMs;
        if (f.kind == FaultKind::Status)
            j["status"] = f.status, j["body"] = f.body, j["retryAfter"] = f.retryAfterSeconds;
        if (f.kind == FaultKind::Truncate)
            j["bytes"] = f.bytes;
        if (f.kind == FaultKind::Stall)
            j["seconds"] = f.stallMs / 1000.0;
        faults.push_back(j);
    }
    return {{"seed", script.seed}, {"faults", faults}};
}

bool globMatches(const std::string& glob, const std::string& text)
{
    std::size_t g = 0, t = 0, star = std::string::npos, mark = 0;
    while (t < text.size()) {
        if (g < glob.size() && (glob[g] == '?' || glob[g] == text[t]))
            ++g, ++t;
        else if (g < glob.size() && glob[g] == '*')
            star = g++, mark = t;
        else if (star != std::string::npos)
            g = star + 1, t = ++mark;
        else
            return false;
    }
    while (g < glob.size() && glob[g] == '*')
        ++g;
    return g == glob.size();
}

void FaultBook::set(FaultScript script)
{
    std::lock_guard lock(mutex_);
    script_ = std::move(script);
    rng_ = script_.seed;
}

FaultScript FaultBook::script() const
{
    std::lock_guard lock(mutex_);
    return script_;
}

double FaultBook::uniformLocked()
{
    return static_cast<double>(splitMix(rng_) >> 11) * 0x1.0p-53;
}

int FaultBook::latencyLocked(const FaultRule& rule)
{
    if (rule.medianMs <= 0)
        return rule.fixedMs;
    // Box-Muller: one standard normal draw; lognormal with mu = ln(median), sigma from the p99.
    const double u1 = 1.0 - uniformLocked(), u2 = uniformLocked();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    const double sigma = (std::log(rule.p99Ms) - std::log(rule.medianMs)) / kZ99;
    const double ms = rule.medianMs * std::exp(sigma * z);
    return static_cast<int>(std::lround(std::min(ms, static_cast<double>(kMaxFaultDelayMs))));
}

FaultPlan FaultBook::plan(const std::string& method, const std::string& path, const std::string& client, bool outbound)
{
    std::lock_guard lock(mutex_);
    FaultPlan out;
    for (FaultRule& f : script_.rules) {
        if (f.outbound != outbound || f.count == 0 || (!f.method.empty() && f.method != method) ||
            (!f.path.empty() && !globMatches(f.path, path)) || (!f.client.empty() && f.client != client))
            continue;
        if (f.kind != FaultKind::Latency && out.terminal)
            continue;
        if (f.probability < 1.0 && uniformLocked() >= f.probability)
            continue;
        if (f.count > 0)
            --f.count;
        ++f.hits;
        if (f.kind == FaultKind::Latency)
            out.delayMs += latencyLocked(f);
        else
            out.terminal = f;
    }
    out.delayMs = std::min(out.delayMs, kMaxFaultDelayMs);
    return out;
}

} // namespace gbc

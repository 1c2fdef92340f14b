// Scripted faults on any route: rules (match + kind) read from JSON with located errors, and the seeded book that
// decides which rule hits a request. Applying a fault to a socket is the HTTP layer's job (fault_injector.h).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "result.h"

namespace gbc {

enum class FaultKind { Latency, Status, Reset, Truncate, Stall };
const char* toString(FaultKind kind);

// The longest latency or stall a script may ask for: tests and apps must never hang on a typo.
inline constexpr int kMaxFaultDelayMs = 60'000;

struct FaultRule {
    // Match: "" = any. `path` is a glob over the decoded path ('*' any run of characters, '?' one);
    // `client` the client id the request carries (bearer token, Basic user or client_id parameter).
    std::string method, path, client;
    bool outbound = false; // true: applies to the simulator's own deliveries (webhooks, ESPI notifications)
    FaultKind kind = FaultKind::Status;
    int fixedMs = 0;                   // latency: fixed delay, or
    double medianMs = 0, p99Ms = 0;    // latency: lognormal with this median and 99th percentile (medianMs > 0)
    int status = 503;                  // status
    std::string body;                  // status: body ("" = a JSON error object)
    int retryAfterSeconds = -1;        // status: Retry-After when >= 0
    std::size_t bytes = 0;             // truncate: body bytes sent before the connection closes
    int stallMs = 0;                   // stall: silence after the headers, then the connection closes
    int count = -1;                    // hits left; -1 = unlimited
    double probability = 1.0;          // chance that a matching request is hit
    int hits = 0;                      // requests hit so far
};

struct FaultScript {
    std::uint64_t seed = 1;
    std::vector<FaultRule> rules;
};

// Reads {"seed"?, "faults": [{"kind", "method"?, "path"?, "client"?, "direction"?, kind fields, "count"?,
// "probability"?}]}. Unknown keys and kinds, bad numbers: Error whose where is "file:/json/pointer".
Result<FaultScript> readFaultScript(const nlohmann::json& doc, const std::string& file);
nlohmann::json faultScriptToJson(const FaultScript& script);

// '*' matches any run of characters (slashes too), '?' one character; everything else literally.
bool globMatches(const std::string& glob, const std::string& text);

// What a request gets: the summed delay of the latency rules that hit, then at most one other rule.
struct FaultPlan {
    int delayMs = 0;
    std::optional<FaultRule> terminal; // status, reset, truncate or stall
    bool empty() const { return delayMs == 0 && !terminal; }
};

// Thread-safe. Same script, same seed, same sequence of requests: same plans.
class FaultBook {
public:
    void set(FaultScript script);
    void clear() { set(FaultScript{}); }
    FaultScript script() const;
    FaultPlan plan(const std::string& method, const std::string& path, const std::string& client, bool outbound);

private:
    double uniformLocked(); // [0, 1)
    int latencyLocked(const FaultRule& rule);

    mutable std::mutex mutex_;
    FaultScript script_;
    std::uint64_t rng_ = 1;
};

} // namespace gbc

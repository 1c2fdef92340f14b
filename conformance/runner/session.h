// One variant's probing session: records exchanges as evidence, holds learned tokens, talks to the simulator clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "callback_listener.h"
#include "observation.h"
#include "recorder.h"
#include "redactor.h"
#include "target.h"
#include "url.h"

namespace gbc {

// What a session learns along the way (raw values; the redactor knows them as secrets).
struct Learned {
    std::string accessToken, refreshToken, clientToken;
    std::string resourceUri, authorizationUri, grantedScope;
    std::string subscriptionId, authorizationUid;
    std::string batchUrl;
    std::string meterUid; // JSON meter uid (= ESPI UsagePoint id)
    std::string usagePointId;
    std::vector<Series> series; // interval data fetched, for the HTML chart
};

class Session : public Recorder {
public:
    Session(const VariantSpec& variant, HttpTransport& transport, CallbackListener* listener);

    const HttpExchange& record(const std::string& step, const OutgoingRequest& request) override;
    void noteSecret(const std::string& value, const std::string& label) override { secret(value, label); }

    const VariantSpec& variant() const { return variant_; }
    const EndpointConfig& config() const { return config_; }
    const std::string& redirectUri() const { return redirectUri_; }
    CallbackListener* listener() { return listener_; }
    Observation& obs() { return obs_; }
    const Observation& obs() const { return obs_; }
    Redactor& redactor() { return redactor_; }
    const Redactor& redactor() const { return redactor_; }
    Learned& learned() { return learned_; }
    const std::vector<HttpExchange>& recorded() const { return order_; }

    // Gives the exchange recorded as `from` the step name `to` (used when a step's final name is known afterwards).
    void renameStep(const std::string& from, const std::string& to);
    void fact(const std::string& name, const std::string& value) { obs_.facts[name] = value; }
    void closeGate(const std::string& gate, const std::string& reason) { obs_.gates.emplace(gate, reason); }
    bool gateOpen(const std::string& gate) const { return obs_.gates.count(gate) == 0; }
    void secret(const std::string& value, const std::string& label) { redactor_.addSecret(value, label); }

    // Simulator clock (target "simulator.clockUrl"): current time, or nullopt when there is no clock control.
    std::optional<std::int64_t> clockNow();
    bool advanceClock(std::int64_t seconds);
    bool hasClock() const { return !config_.clockUrl.empty(); }

    // Authorization: Bearer / Basic helpers.
    static HeaderList bearer(const std::string& token);
    HeaderList basicAuth(const std::string& secret) const;
    OutgoingRequest get(const std::string& url, const std::string& token) const;
    OutgoingRequest tokenPost(const Params& form, bool basic = true) const;

private:
    std::optional<std::int64_t> clockCall(const std::string& body);

    const VariantSpec& variant_;
    EndpointConfig config_;
    HttpTransport& transport_;
    CallbackListener* listener_;
    std::string redirectUri_;
    Observation obs_;
    Redactor redactor_;
    Learned learned_;
    std::vector<HttpExchange> order_;
};

// Random URL-safe text from the OS CSPRNG (state values, PKCE verifiers).
std::string randomToken(std::size_t bytes);
std::string base64(const std::string& raw);
// RFC 6749 §2.3.1: HTTP Basic credentials are base64(form-urlencode(id) ":" form-urlencode(secret)).
std::string basicCredentials(const std::string& clientId, const std::string& clientSecret);
std::string pkceChallenge(const std::string& verifier); // BASE64URL(SHA256(verifier))

} // namespace gbc

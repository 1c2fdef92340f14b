// Session: evidence recording with unique step names, credential helpers, simulator clock control, CSPRNG values.
#include "session.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "percent_codec.h"
#include "time_format.h"

namespace gbc {

Session::Session(const VariantSpec& variant, HttpTransport& transport, CallbackListener* listener)
    : variant_(variant), config_(variant.config), transport_(transport), listener_(listener)
{
    obs_.variant = variant.id;
    obs_.expectAuthorized = variant.expect == Expectation::Authorized;
    redirectUri_ = config_.oauth.redirectUri;
    Result<Url> u = parseUrl(redirectUri_);
    if (u && u->isLoopback() && listener_) {
        Url with = u.value();
        with.port = listener_->port(); // the listener decides the port (0 in the target = any)
        redirectUri_ = with.str();
    }
    secret(config_.oauth.clientSecret, "client_secret");
    secret(basicCredentials(config_.oauth.clientId, config_.oauth.clientSecret), "client_basic");
    secret(config_.jsonApi.token, "api_token");
    secret(config_.espi.registrationToken, "registration_token");
    for (const auto& [name, value] : variant.vars)
        if (name == "password" || name == "bill_amount")
            secret(value, name);
    fact("redirect_uri", redirectUri_);
}

const HttpExchange& Session::record(const std::string& step, const OutgoingRequest& request)
{
    std::string name = step;
    for (int n = 2; obs_.steps.count(name); ++n)
        name = step + "#" + std::to_string(n);
    const auto t0 = std::chrono::steady_clock::now();
    HttpExchange e = transport_.send(request);
    if (std::getenv("GBC_RUNNER_TRACE"))
        std::fprintf(stderr, "%8.1f ms  %s %s\n",
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(), step.c_str(),
            request.url.c_str());
    e.step = name;
    e.variant = variant_.id;
    char seq[16];
    std::snprintf(seq, sizeof seq, "#%04zu", order_.size() + 1);
    e.id = variant_.id + seq;
    order_.push_back(e);
    return obs_.steps[name] = e;
}

void Session::renameStep(const std::string& from, const std::string& to)
{
    auto it = obs_.steps.find(from);
    if (it == obs_.steps.end())
        return;
    HttpExchange e = it->second;
    obs_.steps.erase(it);
    e.step = to;
    for (HttpExchange& o : order_)
        if (o.id == e.id)
            o.step = to;
    obs_.steps[to] = e;
}

std::optional<std::int64_t> Session::clockCall(const std::string& body)
{
    if (config_.clockUrl.empty())
        return std::nullopt;
    HttpExchange e = transport_.send({"POST", config_.clockUrl, {}, body, "application/json"});
    const nlohmann::json j = nlohmann::json::parse(e.responseBody, nullptr, false);
    for (const char* key : {"now", "time", "set"}) {
        if (e.status == 200 && j.is_object() && j.contains(key) && j[key].is_string()) {
            Result<std::int64_t> t = parseIso8601(j[key].get<std::string>());
            if (t)
                return t.value();
        }
    }
    return std::nullopt;
}

std::optional<std::int64_t> Session::clockNow() { return clockCall(R"({"advance": "PT0S"})"); }

bool Session::advanceClock(std::int64_t seconds)
{
    return clockCall("{\"advance\": \"PT" + std::to_string(seconds) + "S\"}").has_value();
}

HeaderList Session::bearer(const std::string& token)
{
    return token.empty() ? HeaderList{} : HeaderList{{"Authorization", "Bearer " + token}};
}

HeaderList Session::basicAuth(const std::string& secret) const
{
    return {{"Authorization", "Basic " + basicCredentials(config_.oauth.clientId, secret)}};
}

OutgoingRequest Session::get(const std::string& url, const std::string& token) const
{
    return OutgoingRequest{"GET", url, bearer(token), "", ""};
}

OutgoingRequest Session::tokenPost(const Params& form, bool basic) const
{
    return OutgoingRequest{"POST", config_.oauth.tokenUrl, basic ? basicAuth(config_.oauth.clientSecret) : HeaderList{},
        formEncode(form), "application/x-www-form-urlencoded"};
}

std::string base64(const std::string& raw)
{
    std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
        reinterpret_cast<const unsigned char*>(raw.data()), static_cast<int>(raw.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string basicCredentials(const std::string& clientId, const std::string& clientSecret)
{
    return base64(percentEncode(clientId) + ":" + percentEncode(clientSecret));
}

namespace {

std::string base64url(const std::string& raw)
{
    std::string b = base64(raw);
    for (char& c : b)
        c = c == '+' ? '-' : (c == '/' ? '_' : c);
    while (!b.empty() && b.back() == '=')
        b.pop_back();
    return b;
}

} // namespace

std::string randomToken(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1)
        raw.assign(bytes, 'x'); // never happens on a working OpenSSL; keeps the value well formed
    return base64url(raw);
}

std::string pkceChallenge(const std::string& verifier)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
    return base64url(std::string(reinterpret_cast<const char*>(digest), sizeof digest));
}

} // namespace gbc

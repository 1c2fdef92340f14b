// Demo client logic: what a well-behaved third party does with tokens, Retry-After, published-min and BatchLists.
#include "demo_client.h"

#include <algorithm>

#include <openssl/evp.h>
#include <pugixml.hpp>

#include "time_format.h"
#include "url_codec.h"

namespace gbc {

namespace {

constexpr EpochSeconds kRefreshMargin = 60;    // refresh this long before the access token expires
constexpr EpochSeconds kDefaultRetry = 30;     // when a 202 names no usable Retry-After
constexpr std::size_t kMaxNamedPerSubscription = 100;

std::string base64(const std::string& text)
{
    std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

OutboundResponse tokenRequest(ApiState& state, const std::string& utilityId, const std::string& clientId,
                              const std::string& secret, DemoAuthMethod method, std::vector<std::pair<std::string, std::string>> fields)
{
    OutboundRequest req;
    req.url = demoOwnBase(state) + "/DataCustodian/" + utilityId + "/oauth/token";
    req.contentType = "application/x-www-form-urlencoded";
    if (method == DemoAuthMethod::Basic)
        req.headers = {{"Authorization", "Basic " + base64(formatUrlEncoded({{"", clientId}}).substr(1) + ":" +
                                                           formatUrlEncoded({{"", secret}}).substr(1))}};
    else
        fields.insert(fields.end(), {{"client_id", clientId}, {"client_secret", secret}});
    req.body = formatUrlEncoded(fields);
    return state.outbound->send(req);
}

bool invalidClient(const OutboundResponse& res)
{
    const nlohmann::json body = nlohmann::json::parse(res.body, nullptr, false);
    return res.status == 401 && body.is_object() && body.value("error", "") == "invalid_client";
}

void takeTokens(DemoView& view, const nlohmann::json& body, EpochSeconds now)
{
    view.accessToken = body.value("access_token", "");
    if (body.contains("refresh_token")) // absent: keep the one we have; present: it may be a rotated one
        view.refreshToken = body.value("refresh_token", "");
    if (body.contains("scope"))
        view.scope = body.value("scope", view.scope);
    view.tokenExpiresAt = now + body.value("expires_in", 3600);
}

// One refresh with the method that worked; false when refused (the authorization is then over).
bool refreshTokens(ApiState& state, DemoView& view)
{
    if (view.refreshToken.empty())
        return false;
    const OutboundResponse res = tokenRequest(state, view.utilityId, view.clientId, view.clientSecret, view.authMethod,
                                              {{"grant_type", "refresh_token"}, {"refresh_token", view.refreshToken},
                                               {"scope", view.scope}});
    const nlohmann::json body = nlohmann::json::parse(res.body, nullptr, false);
    if (res.status != 200 || !body.is_object() || !body.contains("access_token"))
        return false;
    takeTokens(view, body, state.ctx.clock.now());
    return true;
}

EpochSeconds retryDelay(const std::string& header, EpochSeconds now)
{
    if (!header.empty() && header.find_first_not_of("0123456789") == std::string::npos && header.size() < 9)
        return std::max<EpochSeconds>(1, std::stoll(header));
    if (const auto at = parseHttpDate(header))
        return std::max<EpochSeconds>(1, *at - now);
    return kDefaultRetry;
}

// "…/resource/Subscription/S" or "…/Batch/Subscription/S/…" -> "S".
std::string subscriptionOf(const std::string& uri)
{
    const std::size_t at = uri.find("Subscription/");
    if (at == std::string::npos)
        return "";
    const std::size_t from = at + 13, end = uri.find_first_of("/?", from);
    return uri.substr(from, end == std::string::npos ? std::string::npos : end - from);
}

std::string batchUrl(const DemoView& view)
{
    std::string url = view.resourceUri;
    const std::size_t at = url.find("/resource/Subscription/");
    if (at != std::string::npos)
        url.replace(at, 10, "/resource/Batch/");
    if (view.lastDataAt != 0) // incremental: from the UTC day before the last data, date-aligned, no published-max
        url += "?published-min=" + formatIso8601((view.lastDataAt / 86400 - 1) * 86400);
    return url;
}

std::vector<std::string> takeNamed(ApiState& state, const std::string& subscription)
{
    std::lock_guard lock(state.mutex);
    auto it = state.demoNotices.find(subscription);
    if (it == state.demoNotices.end())
        return {};
    std::vector<std::string> out = std::move(it->second);
    state.demoNotices.erase(it);
    return out;
}

enum class Fetched { Data, Later, Ended, Failed };

// GET one resource with the access token, refreshing once on 401; merges what it returns.
Fetched fetchOne(ApiState& state, DemoView& view, const std::string& url, std::string& note, bool& refreshed)
{
    if (url.rfind(demoOwnBase(state) + "/DataCustodian/", 0) != 0) {
        note = "Skipped " + url + ": not on this simulator; the demo site fetches nothing elsewhere.";
        return Fetched::Failed;
    }
    OutboundRequest get;
    get.method = "GET";
    get.url = url;
    get.headers = {{"Authorization", "Bearer " + view.accessToken}, {"Accept", "application/atom+xml"}};
    OutboundResponse res = state.outbound->send(get);
    if (res.status == 401 && !refreshed) {
        refreshed = true;
        if (refreshTokens(state, view)) {
            get.headers[0].second = "Bearer " + view.accessToken;
            res = state.outbound->send(get);
        }
    }
    const EpochSeconds now = state.ctx.clock.now();
    if (res.status == 401 || res.status == 403) {
        view.ended = "The utility no longer accepts this authorization (revoked or expired). Connect again to see new data.";
        return Fetched::Ended;
    }
    if (res.status == 202 || res.status == 429 || res.status == 503) {
        view.retryAt = now + retryDelay(res.retryAfter, now);
        note = "The utility is still preparing your data; the demo asks again after " +
               std::to_string(view.retryAt - now) + " s (Retry-After).";
        return Fetched::Later;
    }
    auto usage = res.status == 200 ? readUsage(res.body) : Result<std::vector<ServiceSeries>>(Error{"demo", url, "status"});
    if (!usage) {
        note = "GET " + url + " answered " + std::to_string(res.status) + " " + res.error;
        return Fetched::Failed;
    }
    bool any = false;
    for (const ServiceSeries& s : *usage)
        any = any || !s.days.empty();
    mergeUsage(view.usage, *usage);
    if (any)
        view.lastDataAt = now;
    return Fetched::Data;
}

} // namespace

std::string demoOwnBase(const ApiState& state)
{
    return state.ctx.publicBaseUrl.empty() ? std::string("http://127.0.0.1") : state.ctx.publicBaseUrl;
}

Result<DemoView> demoExchangeCode(ApiState& state, const DemoSession& session, const std::string& code)
{
    const std::vector<std::pair<std::string, std::string>> fields = {
        {"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", session.redirectUri},
        {"code_verifier", session.codeVerifier}};
    DemoView view;
    view.authMethod = DemoAuthMethod::Basic;
    OutboundResponse res = tokenRequest(state, session.utilityId, session.clientId, session.clientSecret, view.authMethod, fields);
    if (invalidClient(res)) { // a custodian that takes form fields only: the code was not consumed, try those once
        view.authMethod = DemoAuthMethod::Form;
        res = tokenRequest(state, session.utilityId, session.clientId, session.clientSecret, view.authMethod, fields);
    }
    const nlohmann::json body = nlohmann::json::parse(res.body, nullptr, false);
    if (res.status != 200 || !body.is_object() || !body.contains("access_token") || !body.contains("resourceURI"))
        return Error{"token_exchange_failed", "token endpoint",
                     "answered " + std::to_string(res.status) + " " + res.error + " " +
                         (body.is_object() ? body.value("error", "") : std::string())};
    view.clientId = session.clientId;
    view.clientSecret = session.clientSecret;
    view.utilityId = session.utilityId;
    view.resourceUri = body.value("resourceURI", "");
    view.scope = session.scope;
    takeTokens(view, body, state.ctx.clock.now());
    return view;
}

std::string demoRefreshUsage(ApiState& state, DemoView& view)
{
    const EpochSeconds now = state.ctx.clock.now();
    if (!view.ended.empty())
        return view.ended;
    std::vector<std::string> targets = takeNamed(state, subscriptionOf(view.resourceUri));
    const bool named = !targets.empty(); // a BatchList says the data is ready: it supersedes the Retry-After wait
    if (!named && now < view.retryAt)
        return "The utility asked the demo to come back in " + std::to_string(view.retryAt - now) +
               " s (Retry-After); nothing was fetched.";
    bool refreshed = false;
    if (now + kRefreshMargin >= view.tokenExpiresAt) {
        refreshed = true;
        if (!refreshTokens(state, view)) {
            view.ended = "The utility refused to refresh the access token (authorization revoked or expired).";
            return view.ended;
        }
    }
    if (!named)
        targets = {batchUrl(view)};
    std::string note;
    for (const std::string& url : targets) {
        const Fetched f = fetchOne(state, view, url, note, refreshed);
        if (f == Fetched::Ended || f == Fetched::Later)
            break;
    }
    if (note.empty() && view.lastDataAt == 0)
        note = "No usage data has been shared yet; fetch again in a few minutes.";
    else if (note.empty() && named)
        note = "Fetched the " + std::to_string(targets.size()) + " resource(s) the utility's notification named.";
    return note;
}

bool demoStoreNotification(ApiState& state, const std::string& body)
{
    pugi::xml_document doc;
    if (!doc.load_string(body.c_str()))
        return false;
    const std::string root = doc.document_element().name();
    if (root != "BatchList" && (root.size() < 10 || root.compare(root.size() - 10, 10, ":BatchList") != 0))
        return false;
    std::lock_guard lock(state.mutex);
    for (pugi::xml_node r : doc.document_element().children()) {
        const std::string uri = r.text().as_string();
        const std::string sub = subscriptionOf(uri);
        if (sub.empty() || uri.find("/Batch/Subscription/") == std::string::npos)
            continue; // Authorization pushes: nothing to fetch for the usage page
        auto& list = state.demoNotices[sub];
        if (list.size() < kMaxNamedPerSubscription && std::find(list.begin(), list.end(), uri) == list.end())
            list.push_back(uri);
    }
    return true;
}

} // namespace gbc

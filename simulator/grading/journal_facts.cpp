// Facts of one exchange for the journal: what kind it was, what the client sent and what it was answered.
#include "journal_facts.h"

#include <cctype>
#include <regex>

#include "api_access.h"
#include "redactor.h"
#include "time_format.h"
#include "url_codec.h"

namespace gbc {

namespace {

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string queryText(const std::multimap<std::string, std::string>& query)
{
    std::vector<std::pair<std::string, std::string>> fields(query.begin(), query.end());
    return formatUrlEncoded(fields);
}

// Masked query and a few request headers (credentials masked by the report redactor).
void fillRedacted(const HttpRequest& req, JournalEntry& e)
{
    HttpExchange x;
    x.url = queryText(req.query);
    for (const char* name : {"authorization", "content-type", "accept", "user-agent"})
        if (!req.header(name).empty())
            x.requestHeaders.emplace_back(name, req.header(name));
    Redactor().apply(x);
    e.query = x.url;
    e.headers = x.requestHeaders;
}

std::string answerHeader(const HttpAnswer& a, const std::string& lowerName)
{
    for (const auto& [name, value] : a.headers) {
        std::string n = name;
        for (char& c : n)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (n == lowerName)
            return value;
    }
    return {};
}

void authorizeFacts(const HttpRequest& req, JournalEntry& e)
{
    e.facts["state_sent"] = req.param("state") ? "yes" : "no";
    e.facts["state"] = req.param("state").value_or("");
    e.facts["redirect_sent"] = req.param("redirect_uri") ? "yes" : "no";
    e.facts["redirect_uri"] = req.param("redirect_uri").value_or("");
    e.facts["ccm"] = req.param("code_challenge_method").value_or(req.param("code_challenge") ? "plain" : "");
    e.facts["cc"] = req.param("code_challenge") ? "yes" : "no";
}

void tokenFacts(const HttpRequest& req, const HttpAnswer& answer, JournalEntry& e)
{
    const std::string authz = req.header("authorization");
    const bool basic = authz.size() > 6 && (authz.compare(0, 6, "Basic ") == 0 || authz.compare(0, 6, "basic ") == 0);
    const bool form = req.field("client_secret").has_value();
    e.facts["auth"] = basic && form ? "both" : basic ? "basic" : form ? "form" : "none";
    e.facts["grant"] = req.field("grant_type").value_or("");
    if (auto code = req.field("code"))
        e.token = e.facts["code"] = fingerprint(*code);
    if (auto refresh = req.field("refresh_token"))
        e.token = fingerprint(*refresh);
    e.facts["redirect_sent"] = req.field("redirect_uri") ? "yes" : "no";
    e.facts["redirect_uri"] = req.field("redirect_uri").value_or("");
    e.facts["verifier"] = req.field("code_verifier") ? "yes" : "no";
    const auto j = nlohmann::json::parse(answer.body, nullptr, false);
    if (!j.is_object())
        return;
    auto str = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; };
    if (!str("error").empty())
        e.facts["error"] = str("error");
    if (!str("access_token").empty())
        e.facts["issued.access"] = fingerprint(str("access_token"));
    if (!str("refresh_token").empty())
        e.facts["issued.refresh"] = fingerprint(str("refresh_token"));
    if (j.contains("expires_in") && j["expires_in"].is_number_integer())
        e.facts["expires_in"] = std::to_string(j["expires_in"].get<long long>());
}

// intervals/bills for meters whose collection has not finished at the simulator clock: ready=no.
void readiness(const SimContext& ctx, const HttpRequest& req, JournalEntry& e)
{
    if (e.path != "/api/v2/intervals" && e.path != "/api/v2/bills")
        return;
    const auto meters = req.param("meters");
    auto caller = authenticate(ctx, req);
    if (!meters || !caller)
        return;
    bool ready = true;
    std::size_t start = 0;
    while (start <= meters->size()) {
        const std::size_t comma = std::min(meters->find(',', start), meters->size());
        if (auto m = ownMeter(ctx, *caller, meters->substr(start, comma - start)); m && ctx.clock.now() < m->record().dataReadyAt)
            ready = false;
        start = comma + 1;
    }
    e.facts["ready"] = ready ? "yes" : "no";
}

void dataFacts(const SimContext& ctx, const HttpRequest& req, const HttpAnswer& answer, JournalEntry& e)
{
    e.token = fingerprint(req.bearerToken().empty() ? req.param("access_token").value_or("") : req.bearerToken());
    if (answer.status == 401)
        e.facts["refused"] = "yes";
    if (req.param("published-min") || req.param("updated-min"))
        e.facts["min"] = "yes";
    if (e.kind == EntryKind::Api || e.kind == EntryKind::Odr) {
        const auto j = nlohmann::json::parse(answer.body, nullptr, false);
        if (j.is_object() && j.contains("next"))
            e.facts["next"] = j["next"].is_string() ? pathOfUrl(j["next"].get<std::string>()) : "";
        if (e.kind == EntryKind::Odr)
            e.facts["meter"] = req.param("meter").value_or("");
        if (e.kind == EntryKind::Odr && j.is_object() && j.contains("status") && j["status"].is_string())
            e.facts["odr.status"] = j["status"].get<std::string>();
        if (e.kind == EntryKind::Odr && j.is_object() && j.contains("ttl_seconds") && j["ttl_seconds"].is_number_integer())
            e.facts["odr.ttl"] = std::to_string(j["ttl_seconds"].get<long long>());
        readiness(ctx, req, e);
    }
}

} // namespace

EntryKind kindOfPath(const std::string& method, const std::string& path)
{
    if (endsWith(path, "/oauth/authorize"))
        return method == "GET" ? EntryKind::Authorize : EntryKind::Other;
    if (endsWith(path, "/oauth/token"))
        return EntryKind::Token;
    if (endsWith(path, "/oauth/revoke"))
        return EntryKind::Revoke;
    if (path.rfind("/DataCustodian/espi/1_1/resource/", 0) == 0)
        return EntryKind::Espi;
    if (path.rfind("/api/v2/", 0) == 0)
        return EntryKind::Api;
    static const std::regex odr("^/api/[A-Za-z0-9_-]+/odr$");
    if (path.rfind("/api/", 0) == 0 && std::regex_match(path, odr))
        return EntryKind::Odr;
    return EntryKind::Other;
}

std::string pathOfUrl(const std::string& url)
{
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos)
        return url;
    const std::size_t slash = url.find('/', scheme + 3);
    return slash == std::string::npos ? "/" : url.substr(slash);
}

JournalEntry describeRequest(const SimContext& ctx, const HttpRequest& req, const HttpAnswer& answer)
{
    JournalEntry e;
    e.kind = kindOfPath(req.method, req.path);
    e.method = req.method;
    e.path = req.path;
    e.status = answer.status;
    e.simTime = ctx.clock.now();
    e.wallMs = wallNowMs();
    fillRedacted(req, e);
    if (const std::string ra = answerHeader(answer, "retry-after"); !ra.empty())
        if (auto seconds = parseRetryAfter(ra, e.simTime))
            e.facts["retry_after"] = std::to_string(*seconds);
    if (e.kind == EntryKind::Authorize)
        authorizeFacts(req, e);
    else if (e.kind == EntryKind::Token || e.kind == EntryKind::Revoke)
        tokenFacts(req, answer, e);
    else
        dataFacts(ctx, req, answer, e);
    return e;
}

JournalEntry describeDelivery(const SimContext& ctx, EntryKind kind, const OutboundRequest& req,
                              const OutboundResponse& res)
{
    JournalEntry e;
    e.kind = kind;
    e.outbound = true;
    e.method = req.method;
    const std::string target = pathOfUrl(req.url);
    e.path = target.substr(0, target.find('?'));
    e.status = res.status;
    e.simTime = ctx.clock.now();
    e.wallMs = wallNowMs();
    if (!res.error.empty())
        e.facts["error"] = res.error;
    if (kind == EntryKind::Notification) {
        static const std::regex resource("<(?:[A-Za-z0-9_]+:)?resources?>([^<]+)</");
        std::string paths;
        for (auto it = std::sregex_iterator(req.body.begin(), req.body.end(), resource); it != std::sregex_iterator(); ++it)
            paths += (paths.empty() ? "" : " ") + pathOfUrl((*it)[1].str());
        e.facts["resources"] = paths;
    }
    return e;
}

} // namespace gbc

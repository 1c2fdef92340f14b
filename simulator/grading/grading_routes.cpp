// Grading admin routes: the graded report (json | html | junit), the journal verification API, the webhook probe.
#include "grading_routes.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "api_errors.h"
#include "client_grade.h"
#include "html_report.h"
#include "json_report.h"
#include "junit_report.h"
#include "secure_random.h"
#include "time_format.h"
#include "webhook_signing.h"

#ifndef GBC_VERSION
#define GBC_VERSION "dev"
#endif

namespace gbc {

namespace {

const char* kClientPath = "/__sim/clients/([A-Za-z0-9_.-]+)/";

HttpAnswer adminFail(int status, const std::string& code, const std::string& where, const std::string& message)
{
    return jsonAnswer({{"error", code}, {"where", where}, {"error_description", message}}, status);
}

bool globMatch(const std::string& pattern, const std::string& text, std::size_t p = 0, std::size_t t = 0)
{
    for (; p < pattern.size(); ++p, ++t) {
        if (pattern[p] == '*') {
            for (std::size_t k = t; k <= text.size(); ++k)
                if (globMatch(pattern, text, p + 1, k))
                    return true;
            return false;
        }
        if (t >= text.size() || pattern[p] != text[t])
            return false;
    }
    return true; // a prefix match: the rest of the path may follow
}

std::string upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

HttpAnswer grade(ClientJournals& journals, const HttpRequest& req)
{
    const std::string id = req.pathMatches[1];
    auto journal = journals.journal(id);
    if (!journal)
        return adminFail(404, "not_found", "client", "no client '" + id + "' in the catalogue or among the registered ones");
    const std::string format = req.param("format").value_or("json");
    if (format != "json" && format != "html" && format != "junit")
        return adminFail(400, "invalid_param", "format", "must be json, html or junit");
    const Report report = gradeClient(journal->snapshot(journals.context().clock.now(), wallNowMs()), GBC_VERSION);
    if (format == "html")
        return HttpAnswer::make(200, "text/html; charset=utf-8", reportToHtml(report));
    if (format == "junit")
        return HttpAnswer::make(200, "application/xml", reportToJunit(report));
    return HttpAnswer::make(200, "application/json", reportToJsonText(report));
}

HttpAnswer listJournal(ClientJournals& journals, const HttpRequest& req)
{
    auto journal = journals.journal(req.pathMatches[1]);
    if (!journal)
        return adminFail(404, "not_found", "client", "no client '" + req.pathMatches[1] + "'");
    auto query = parseJournalQuery(req);
    if (!query)
        return adminFail(400, "invalid_param", query.error().where, query.error().message);
    const JournalSnapshot s = journal->snapshot(journals.context().clock.now(), wallNowMs());
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    std::size_t matched = 0;
    for (const JournalEntry& e : s.entries)
        if (matches(*query, e) && ++matched <= query->limit)
            entries.push_back(entryToJson(e));
    nlohmann::ordered_json body;
    body["client"] = s.clientId;
    body["utility"] = s.utilityId;
    body["cap"] = {{"entries", s.cap.entries}, {"bytes", s.cap.bytes}};
    body["recorded"] = s.seen;
    body["dropped"] = s.dropped;
    body["matched"] = matched;
    body["entries"] = entries;
    return HttpAnswer::make(200, "application/json", body.dump(2));
}

HttpAnswer clearJournal(ClientJournals& journals, const HttpRequest& req)
{
    auto journal = journals.journal(req.pathMatches[1]);
    if (!journal)
        return adminFail(404, "not_found", "client", "no client '" + req.pathMatches[1] + "'");
    const std::size_t n = journal->size();
    journal->clear();
    return jsonAnswer({{"client", req.pathMatches[1]}, {"cleared", n}});
}

// Two deliveries of one ping event: correctly signed, then with a corrupted signature.
HttpAnswer webhookProbe(ClientJournals& journals, OutboundHttp& outbound, const HttpRequest& req)
{
    const auto client = journals.client(req.pathMatches[1]);
    if (!client)
        return adminFail(404, "not_found", "client", "no client '" + req.pathMatches[1] + "'");
    const auto params = nlohmann::json::parse(req.body.empty() ? "{}" : req.body, nullptr, false);
    if (!params.is_object() || (params.contains("url") && !params["url"].is_string()))
        return adminFail(400, "invalid_param", "url", "the body must be {} or {\"url\": \"http(s)://...\"}");
    const std::string url = params.value("url", client->webhookUrl);
    if (url.empty() || splitUrl(url).first.empty())
        return adminFail(409, "no_webhook_url", "url",
                         "client '" + client->clientId + "' has no webhook URL; give {\"url\": ...} or set one first");
    const EpochSeconds now = journals.context().clock.now();
    const nlohmann::json event = {{"uid", "probe-" + randomHex(6)}, {"type", "ping"}, {"ts", formatIso8601(now)}};
    const std::string body = webhookBody(nlohmann::json::array({event})), salt = newWebhookSalt();
    nlohmann::json answers;
    for (const char* probe : {"good", "bad"}) {
        OutboundRequest out{"POST", url, "application/json", body,
                            webhookHeaders(client->webhookSecret, salt, body)};
        if (std::string(probe) == "bad")
            for (auto& [name, value] : out.headers)
                if (name.find("Signature") != std::string::npos && !value.empty())
                    value[0] = value[0] == '0' ? '1' : '0';
        const OutboundResponse res = outbound.send(out);
        JournalEntry e;
        e.kind = EntryKind::Webhook;
        e.outbound = true;
        e.method = "POST";
        e.path = url;
        e.status = res.status;
        e.simTime = now;
        e.wallMs = wallNowMs();
        e.facts["probe"] = probe;
        if (!res.error.empty())
            e.facts["error"] = res.error;
        journals.record(client->clientId, e);
        answers[std::string(probe) == "good" ? "signed" : "badSignature"] = res.status;
    }
    return jsonAnswer(answers);
}

} // namespace

Result<JournalQuery> parseJournalQuery(const HttpRequest& req)
{
    static const std::set<std::string> known = {"method", "path", "since", "limit"};
    for (const auto& [name, value] : req.query)
        if (!known.count(name))
            return Error{"invalid_param", name, "unknown parameter (known: method, path, since, limit)"};
    JournalQuery q;
    q.method = upper(req.param("method").value_or(""));
    if (q.method.size() > 16 || q.method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
        return Error{"invalid_param", "method", "must be an HTTP method name such as GET"};
    q.path = req.param("path").value_or("");
    if (q.path.size() > 512 || std::count(q.path.begin(), q.path.end(), '*') > 8)
        return Error{"invalid_param", "path", "at most 512 characters and 8 '*'"};
    if (const std::string since = req.param("since").value_or(""); !since.empty()) {
        if (since.size() <= 19 && since.find_first_not_of("0123456789") == std::string::npos)
            q.sinceSeq = std::stoull(since);
        else if (auto t = parseIso8601(since))
            q.sinceTime = *t;
        else
            return Error{"invalid_param", "since", "must be a journal seq number or an ISO 8601 time"};
    }
    if (const std::string limit = req.param("limit").value_or(""); !limit.empty()) {
        if (limit.size() > 6 || limit.find_first_not_of("0123456789") != std::string::npos ||
            std::stoul(limit) == 0 || std::stoul(limit) > kJournalQueryMaxLimit)
            return Error{"invalid_param", "limit", "must be 1 to " + std::to_string(kJournalQueryMaxLimit)};
        q.limit = std::stoul(limit);
    }
    return q;
}

bool matches(const JournalQuery& q, const JournalEntry& e)
{
    return (q.method.empty() || q.method == e.method) && (q.path.empty() || globMatch(q.path, e.path)) &&
           e.seq > q.sinceSeq && e.simTime >= q.sinceTime;
}

std::vector<Route> gradingRoutes(ClientJournals& journals, std::shared_ptr<OutboundHttp> outbound)
{
    if (!outbound)
        outbound = makeHttplibOutbound();
    ClientJournals* j = &journals;
    const std::string base = kClientPath;
    return {
        Route{"GET", base + "grade", [j](const HttpRequest& req) { return grade(*j, req); }},
        Route{"GET", base + "journal", [j](const HttpRequest& req) { return listJournal(*j, req); }},
        Route{"DELETE", base + "journal", [j](const HttpRequest& req) { return clearJournal(*j, req); }},
        Route{"POST", base + "webhook-probe", [j, outbound](const HttpRequest& req) { return webhookProbe(*j, *outbound, req); }},
    };
}

} // namespace gbc

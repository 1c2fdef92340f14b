// Data-fetching client checks (CL-011..CL-016): Retry-After, backoff, On-Demand Read pacing, incremental fetching,
// BatchList notifications.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "client_checks.h"

namespace gbc {

namespace {

bool isTerminalOdr(const std::string& status) { return status == "updated" || status == "errored"; }

// The next request of the client to the same path after entry i (any kind but outbound), or null.
const JournalEntry* nextSamePath(const JournalSnapshot& j, std::size_t i)
{
    for (std::size_t k = i + 1; k < j.entries.size(); ++k)
        if (!j.entries[k].outbound && j.entries[k].path == j.entries[i].path)
            return &j.entries[k];
    return nullptr;
}

// RFC 9110 §10.2.3, RFC 6585 §4, UtilityAPI rate limits: after 202/429/503 with Retry-After the client waits
// that long before asking the same resource again.
ClientOutcome retryAfterHonoured(const JournalSnapshot& j)
{
    int judged = 0;
    for (std::size_t i = 0; i < j.entries.size(); ++i) {
        const JournalEntry& e = j.entries[i];
        if (e.outbound || !e.has("retry_after") || (e.status != 202 && e.status != 429 && e.status != 503))
            continue;
        const JournalEntry* next = nextSamePath(j, i);
        if (!next)
            continue;
        ++judged;
        if (!waited(e, *next, std::stod(e.fact("retry_after"))))
            return clFail("a wait of " + e.fact("retry_after") + " s (Retry-After) before asking " + e.path + " again",
                          "asked again after " + std::to_string(static_cast<long long>(gapSeconds(e, *next))) + " s",
                          {e.seq, next->seq});
    }
    if (judged == 0)
        return clSkip("no 202/429/503 answer with Retry-After was followed by another request in the grading window");
    return clPass(std::to_string(judged) + " Retry-After delay(s) honoured");
}

// RFC 9110 §15.6, UtilityAPI docs (retry with backoff): after a 5xx without Retry-After the client waits at least
// 1 s before retrying the same resource, and never shortens the wait while the errors go on.
ClientOutcome backoffAfter5xx(const JournalSnapshot& j)
{
    int judged = 0;
    std::map<std::string, double> lastGap; // path -> previous wait in a run of 5xx
    for (std::size_t i = 0; i < j.entries.size(); ++i) {
        const JournalEntry& e = j.entries[i];
        if (e.outbound || e.status < 500 || e.has("retry_after")) {
            if (!e.outbound && e.status < 500)
                lastGap.erase(e.path);
            continue;
        }
        const JournalEntry* next = nextSamePath(j, i);
        if (!next)
            continue;
        ++judged;
        const double gap = gapSeconds(e, *next), floor = std::max(kMinBackoffSeconds, lastGap.count(e.path) ? lastGap[e.path] : 0.0);
        if (gap + 1e-3 < floor)
            return clFail("a wait of at least " + std::to_string(static_cast<int>(floor)) + " s before retrying " + e.path,
                          "retried after " + std::to_string(gap).substr(0, 5) + " s", {e.seq, next->seq});
        lastGap[e.path] = gap;
    }
    if (judged == 0)
        return clSkip("no 5xx answer (without Retry-After) was retried in the grading window");
    return clPass(std::to_string(judged) + " retry(ies) after a 5xx with backoff");
}

std::string meterOf(const JournalEntry& e) { return e.fact("meter"); }

// UtilityAPI On-Demand Read: a finished read is reused until its ttl_seconds expire; one new read per ttl window.
ClientOutcome odrTtl(const JournalSnapshot& j)
{
    std::map<std::string, const JournalEntry*> finished; // meter -> answer with a terminal status and a ttl
    int judged = 0;
    for (const JournalEntry& e : j.entries) {
        if (e.kind != EntryKind::Odr)
            continue;
        if (auto it = finished.find(meterOf(e)); it != finished.end()) {
            ++judged;
            if (!waited(*it->second, e, std::stod(it->second->fact("odr.ttl"))))
                return clFail("no new read of meter " + meterOf(e) + " before its ttl (" + it->second->fact("odr.ttl") + " s) ran out",
                              "requested again after " + std::to_string(static_cast<long long>(gapSeconds(*it->second, e))) + " s",
                              {it->second->seq, e.seq});
            finished.erase(it);
        }
        if (isTerminalOdr(e.fact("odr.status")) && !e.fact("odr.ttl").empty() && e.fact("odr.ttl") != "0")
            finished[meterOf(e)] = &e;
    }
    if (judged == 0)
        return clSkip("no On-Demand Read was requested again after it finished in the grading window");
    return clPass(std::to_string(judged) + " repeated read(s), each after the ttl");
}

// Simulator README (On-Demand Read): an unfinished read is polled no more often than every 5 s.
ClientOutcome odrPollRate(const JournalSnapshot& j)
{
    std::map<std::string, const JournalEntry*> open; // meter -> last answer with a non-terminal status
    int judged = 0;
    for (const JournalEntry& e : j.entries) {
        if (e.kind != EntryKind::Odr)
            continue;
        if (auto it = open.find(meterOf(e)); it != open.end()) {
            ++judged;
            if (!waited(*it->second, e, kOdrMinPollSeconds))
                return clFail("polls of an unfinished read at least 5 s apart",
                              "polled after " + std::to_string(gapSeconds(*it->second, e)).substr(0, 5) + " s",
                              {it->second->seq, e.seq});
        }
        if (e.status == 200 && !e.fact("odr.status").empty() && !isTerminalOdr(e.fact("odr.status")))
            open[meterOf(e)] = &e;
        else
            open.erase(meterOf(e));
    }
    if (judged == 0)
        return clSkip("no unfinished On-Demand Read was polled in the grading window");
    return clPass(std::to_string(judged) + " poll(s) at or below the documented rate");
}

bool isFeed(const std::string& path)
{
    return path.find("/resource/Batch/") != std::string::npos || path.ends_with("/IntervalBlock");
}

// NAESB REQ.21 ESPI query parameters: after the first full download, a feed is fetched incrementally
// (published-min / updated-min), never the whole history again; a fetch a BatchList notification asked for is exempt.
ClientOutcome incremental(const JournalSnapshot& j)
{
    std::map<std::string, std::uint64_t> fetched; // feed path -> first full fetch
    std::set<std::string> notified;               // paths named by a notification and not fetched since
    int judged = 0;
    for (const JournalEntry& e : j.entries) {
        if (e.kind == EntryKind::Notification) {
            std::istringstream in(e.fact("resources"));
            for (std::string r; in >> r;)
                notified.insert(r.substr(0, r.find('?')));
        }
        if (e.kind != EntryKind::Espi || e.method != "GET" || e.status != 200 || !isFeed(e.path))
            continue;
        auto it = fetched.find(e.path);
        const bool askedFor = notified.erase(e.path) > 0;
        if (it == fetched.end() || askedFor) {
            fetched.emplace(e.path, e.seq);
            continue;
        }
        ++judged;
        if (e.fact("min") != "yes")
            return clFail("published-min or updated-min on later fetches of " + e.path,
                          "the whole feed fetched again", {it->second, e.seq});
    }
    if (judged == 0)
        return clSkip("no feed was fetched a second time in the grading window");
    return clPass(std::to_string(judged) + " later fetch(es) carried published-min/updated-min");
}

// ESPI notification (BatchList): the third party retrieves the resources the notification names, and only
// those (no full re-download in its place).
ClientOutcome batchListFollowed(const JournalSnapshot& j)
{
    int judged = 0;
    for (std::size_t i = 0; i < j.entries.size(); ++i) {
        const JournalEntry& n = j.entries[i];
        if (n.kind != EntryKind::Notification || n.fact("resources").empty())
            continue;
        std::set<std::string> named, fetched;
        std::istringstream in(n.fact("resources"));
        for (std::string r; in >> r;)
            named.insert(r.substr(0, r.find('?')));
        for (std::size_t k = i + 1; k < j.entries.size() && j.entries[k].kind != EntryKind::Notification; ++k) {
            const JournalEntry& e = j.entries[k];
            if (e.kind != EntryKind::Espi)
                continue;
            if (named.count(e.path) && e.status == 200) // a refused or not-ready request retrieved nothing
                fetched.insert(e.path);
            else if (isFeed(e.path) && fetched.size() < named.size())
                return clFail("only the resources named by notification #" + std::to_string(n.seq), e.path + " fetched instead", {n.seq, e.seq});
        }
        JournalEntry now = n;
        now.simTime = j.simNow, now.wallMs = j.wallNowMs;
        if (fetched.size() < named.size() && gapSeconds(n, now) > kPromptExchangeSeconds)
            return clFail("every resource named by notification #" + std::to_string(n.seq) + " fetched",
                          std::to_string(named.size() - fetched.size()) + " of " + std::to_string(named.size()) + " never fetched", {n.seq});
        judged += fetched.size() == named.size() ? 1 : 0;
    }
    if (judged == 0)
        return clSkip("no BatchList notification was delivered (and followed or overdue) in the grading window");
    return clPass(std::to_string(judged) + " notification(s) followed");
}

} // namespace

void addJsonApiClientChecks(std::vector<ClientCheck>& out); // client_checks_json.cpp

void addFetchClientChecks(std::vector<ClientCheck>& out)
{
    out.push_back(clientCheck("CL-011", "RFC 9110 §10.2.3; RFC 6585 §4; UtilityAPI docs (rate limits)", Level::Must, "fetch-client",
        "After 202, 429 or 503 with Retry-After the client waits that long before asking again.", retryAfterHonoured));
    out.push_back(clientCheck("CL-012", "RFC 9110 §15.6; UtilityAPI docs (errors)", Level::Should, "fetch-client",
        "After a 5xx the client backs off (at least 1 s, never shorter while errors go on).", backoffAfter5xx));
    out.push_back(clientCheck("CL-013", "UtilityAPI docs (On-Demand Read ttl)", Level::Should, "fetch-client",
        "A finished On-Demand Read is not requested again before its ttl runs out.", odrTtl));
    out.push_back(clientCheck("CL-014", "simulator/grading/README.md (ODR poll rate)", Level::Should, "fetch-client",
        "An unfinished On-Demand Read is polled no more often than every 5 s.", odrPollRate));
    out.push_back(clientCheck("CL-015", "NAESB REQ.21 ESPI (published-min, updated-min)", Level::Should, "fetch-client",
        "After the first full fetch, feeds are fetched incrementally with published-min or updated-min.", incremental));
    out.push_back(clientCheck("CL-016", "NAESB REQ.21 ESPI (BatchList notification)", Level::Should, "fetch-client",
        "The resources a BatchList notification names are fetched, and only those.", batchListFollowed));
    addJsonApiClientChecks(out);
}

} // namespace gbc

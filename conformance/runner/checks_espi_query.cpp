// ESPI checks on query parameters (GBA FB 37: max-results, start-index, updated-min/max), on the admin resources read
// with the registration and client tokens (GBA FND002, FND003), and across the documents of one variant.
#include "runner_families.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "espi_document.h"
#include "feed_stamps.h"
#include "time_format.h"
#include "transport.h"
#include "url.h"

namespace gbc {

namespace {

const std::initializer_list<const char*> kQueryGates = {"authorized", "token", "resource", "espi.query"};

// The entries of a 200 Atom answer, or the outcome to return instead.
struct Page {
    std::vector<EntryStamp> entries;
    std::optional<Outcome> stop;
};

Page pageOf(const Observation& obs, const std::string& step, std::initializer_list<const char*> gates)
{
    Needed n = need(obs, gates, step);
    if (n.stop)
        return {{}, n.stop};
    std::optional<std::vector<EntryStamp>> e = n.ex->status == 200 ? entryStamps(n.ex->responseBody) : std::nullopt;
    if (!e)
        return {{}, failed("200 with an Atom feed", brief(*n.ex), {step})};
    return {*e, std::nullopt};
}

std::set<std::string> idsOf(const std::vector<EntryStamp>& entries)
{
    std::set<std::string> out;
    for (const EntryStamp& e : entries)
        out.insert(e.id);
    return out;
}

// ESPI (FB 37): max-results caps the number of entries returned.
Outcome checkMaxResults(const Observation& obs)
{
    const Page all = pageOf(obs, "espi.query_all", kQueryGates), first = pageOf(obs, "espi.query_page.1", kQueryGates);
    if (all.stop || first.stop)
        return all.stop ? *all.stop : *first.stop;
    const std::size_t want = std::min<std::size_t>(2, all.entries.size());
    if (first.entries.size() != want)
        return failed(std::to_string(want) + " entries for max-results=2 (" + std::to_string(all.entries.size()) +
                " without it)", std::to_string(first.entries.size()) + " entries", {"espi.query_all", "espi.query_page.1"});
    return passed(std::to_string(want) + " of " + std::to_string(all.entries.size()) + " entries for max-results=2",
        {"espi.query_all", "espi.query_page.1"});
}

// ESPI (FB 37): start-index (1-based) with max-results pages through the same result without overlap or loss.
Outcome checkStartIndex(const Observation& obs)
{
    const Page all = pageOf(obs, "espi.query_all", kQueryGates), first = pageOf(obs, "espi.query_page.1", kQueryGates),
               second = pageOf(obs, "espi.query_page.2", kQueryGates);
    for (const Page* p : {&all, &first, &second})
        if (p->stop)
            return *p->stop;
    if (all.entries.size() < 3)
        return skipped("the unfiltered page holds " + std::to_string(all.entries.size()) + " entries: too few to page");
    const std::vector<std::string> ev = {"espi.query_all", "espi.query_page.1", "espi.query_page.2"};
    const std::set<std::string> everything = idsOf(all.entries), a = idsOf(first.entries), b = idsOf(second.entries);
    const std::size_t want = std::min<std::size_t>(2, all.entries.size() - 2);
    std::size_t overlap = 0, foreign = 0;
    for (const std::string& id : b)
        overlap += a.count(id);
    for (const std::string& id : b)
        foreign += everything.count(id) == 0;
    if (second.entries.size() != want || overlap > 0 || foreign > 0)
        return failed(std::to_string(want) + " further entries for start-index=3&max-results=2, none on page 1",
            std::to_string(second.entries.size()) + " entries, " + std::to_string(overlap) + " repeated from page 1, " +
                std::to_string(foreign) + " not in the unpaged result", ev);
    return passed("pages 1 and 2 hold " + std::to_string(a.size() + b.size()) + " distinct entries", ev);
}

// ESPI (FB 37): updated-min/max select entries by atom:updated (inclusive bounds).
Outcome checkUpdatedFilter(const Observation& obs)
{
    const Page p = pageOf(obs, "espi.query_updated", {"authorized", "token", "resource", "espi.query", "espi.updated"});
    if (p.stop)
        return *p.stop;
    const std::int64_t min = obs.factInt("espi.updated_min"), max = obs.factInt("espi.updated_max");
    std::size_t outside = 0;
    std::string example;
    for (const EntryStamp& e : p.entries)
        if (!e.updated || *e.updated < min || *e.updated > max) {
            if (++outside == 1)
                example = " (e.g. " + e.id + " updated " + (e.updated ? formatIso8601(*e.updated) : "missing") + ")";
        }
    const std::string expected = "only entries with atom:updated in [" + formatIso8601(min) + ", " + formatIso8601(max) + "]";
    if (outside > 0)
        return failed(expected, std::to_string(outside) + " of " + std::to_string(p.entries.size()) + " entries outside" + example,
            {"espi.query_all", "espi.query_updated"});
    return passed(std::to_string(p.entries.size()) + " entries, all inside the updated window", {"espi.query_updated"});
}

Outcome checkAppInfo(const Observation& o) { return validatedStep(o, "espi.appinfo", {"appinfo"}); }
Outcome checkAuthorizationsClient(const Observation& o) { return validatedStep(o, "espi.authorizations_client", {"client_token", "client_resources"}); }
Outcome checkBulk(const Observation& o) { return validatedStep(o, "espi.bulk", {"client_token", "client_resources", "bulk"}); }

// FND002: ApplicationInformation is the registration token's alone.
Outcome checkAppInfoRefused(const Observation& obs)
{
    if (auto g = obs.gates.find("appinfo"); g != obs.gates.end())
        return skipped(g->second);
    std::vector<std::string> ev;
    for (const char* step : {"espi.appinfo_customer", "espi.appinfo_client"}) {
        const HttpExchange* e = obs.step(step);
        if (!e)
            continue;
        if (e->status == 0)
            return harnessError("no answer to " + std::string(step) + ": " + e->error, {step});
        if (e->status != 401 && e->status != 403)
            return failed("401/403 for ApplicationInformation with a customer or client access token", brief(*e), {step});
        ev.push_back(step);
    }
    if (ev.empty())
        return skipped("neither a customer nor a client access token was obtained (see TK-001, TK-020)");
    return passed("refused to " + std::to_string(ev.size()) + " other token class(es)", ev);
}

// One atom:id names one resource: over every Atom document this variant fetched, an id always comes with the same
// self href and a self href with the same id (RFC 4287 §4.2.6: the id identifies the entry universally).
Outcome checkIdsAcrossDocuments(const Observation& obs)
{
    std::map<std::string, std::pair<std::string, std::string>> selfOf, idOf; // key -> (value, step)
    std::vector<std::string> ev;
    for (const auto& [step, ex] : obs.steps) {
        if (ex.status != 200 || responseHeader(ex, "Content-Type").find("xml") == std::string::npos)
            continue;
        const std::optional<std::vector<EntryStamp>> entries = entryStamps(ex.responseBody);
        if (!entries)
            continue;
        ev.push_back(step);
        for (const EntryStamp& e : *entries) {
            if (e.id.empty() || e.self.empty())
                continue;
            const std::string self = stripQuery(e.self);
            const auto [a, newId] = selfOf.emplace(e.id, std::make_pair(self, step));
            if (!newId && a->second.first != self)
                return failed("one atom:id per resource across documents", "atom:id " + e.id + " names " + a->second.first +
                    " in " + a->second.second + " and " + self + " in " + step, {a->second.second, step});
            const auto [b, newSelf] = idOf.emplace(self, std::make_pair(e.id, step));
            if (!newSelf && b->second.first != e.id)
                return failed("one atom:id per resource across documents", self + " has atom:id " + b->second.first +
                    " in " + b->second.second + " and " + e.id + " in " + step, {b->second.second, step});
        }
    }
    if (ev.empty())
        return skipped("no Atom document was fetched");
    return passed(std::to_string(selfOf.size()) + " ids over " + std::to_string(ev.size()) + " documents, each naming one resource", ev);
}

// History coverage: every 32-day page of one MeterReading's history before the window passes the interval-block data
// checks; a refused page is a WARN naming what was not covered (the target may limit how far back a TP may read).
Outcome checkHistory(const Observation& obs)
{
    const long long pages = obs.factInt("espi.history_pages");
    if (Needed n = need(obs, {"authorized", "token", "resource", "history"}, "espi.history.1"); n.stop)
        return *n.stop;
    std::vector<std::string> ev;
    for (long long i = 1; i <= pages; ++i) {
        const std::string step = "espi.history." + std::to_string(i);
        const HttpExchange* e = obs.step(step);
        if (!e || e->status == 0)
            return harnessError("no answer for " + step, {step});
        ev.push_back(step);
        if (e->status != 200)
            return Outcome{Verdict::Warn, "the target refused the history before " + obs.fact(step + ".to") +
                " (" + brief(*e) + "): not covered", "200 for every month of the granted history", brief(*e), ev};
        if (const std::string fails = intervalBlockFailures(e->responseBody, step); !fails.empty())
            return failed("every month of the history passes the interval-block data checks",
                obs.fact(step + ".from") + " .. " + obs.fact(step + ".to") + ": " + fails, {step});
    }
    const std::string last = "espi.history." + std::to_string(pages);
    const long long cap = obs.factInt("espi.history_cap");
    return passed(std::to_string(pages) + " month pages back to " + obs.fact(last + ".from") +
        (cap > 0 && pages >= cap ? " (cap of " + std::to_string(cap) + " pages reached" +
            (obs.fact("espi.history_scope") == "seam" ? ": the whole history is walked by the run's first authorized variant)" : ")")
                      : ", the last one empty"), ev);
}

// Readings of one MeterReading are contiguous and unique across documents: the window (espi.batch) and the history
// pages (espi.history.N) meet without a seam by construction, so their IntervalBlocks, de-duplicated by atom:id and
// sorted by start, must each begin where the previous one ends (no gap, no overlap, no lost DST hour).
Outcome checkReadingsAcrossDocuments(const Observation& obs)
{
    if (Needed n = need(obs, {"authorized", "token", "resource", "history"}, "espi.history.1"); n.stop)
        return *n.stop;
    struct Span {
        std::int64_t start, end;
        std::string step;
    };
    const std::string feed = stripQuery(obs.step("espi.history.1")->url);
    std::map<std::string, Span> blocks; // "start+duration" -> span
    std::vector<std::string> steps = {"espi.batch"};
    for (long long i = 1; i <= obs.factInt("espi.history_pages"); ++i)
        steps.push_back("espi.history." + std::to_string(i));
    for (const std::string& step : steps) {
        const HttpExchange* e = obs.step(step);
        const Result<EspiDocument> doc = EspiDocument::parse(e && e->status == 200 ? e->responseBody : "");
        if (!doc)
            continue;
        for (const BlockData& b : doc->blocks()) // one block seen in two documents counts once
            if (stripQuery(std::string(doc->entries()[b.entry].up)) == feed)
                blocks.emplace(std::to_string(b.start) + "+" + std::to_string(b.duration), Span{b.start, b.start + b.duration, step});
    }
    std::vector<Span> spans;
    for (const auto& [id, span] : blocks)
        spans.push_back(span);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    for (const Span& s : spans)
        if (s.end == s.start) // register/instantaneous data: spacing is sampling, not contiguity
            return skipped("the IntervalBlocks of " + feed + " are instants (duration 0): contiguity does not apply");
    for (std::size_t i = 1; i < spans.size(); ++i)
        if (spans[i].start != spans[i - 1].end)
            return failed("each IntervalBlock of " + feed + " starting where the previous one ends",
                (spans[i].start > spans[i - 1].end ? "a gap of " : "an overlap of ") +
                    std::to_string(std::llabs(spans[i].start - spans[i - 1].end)) + " s between the block ending " +
                    formatIso8601(spans[i - 1].end) + " (" + spans[i - 1].step + ") and the one starting " +
                    formatIso8601(spans[i].start) + " (" + spans[i].step + ")",
                {spans[i - 1].step, spans[i].step});
    if (spans.size() < 2)
        return skipped("fewer than two IntervalBlocks of one MeterReading were fetched");
    return passed(std::to_string(spans.size()) + " IntervalBlocks from " + formatIso8601(spans.front().start) + " to " +
        formatIso8601(spans.back().end) + ", contiguous across " + std::to_string(steps.size()) + " documents", steps);
}

// ESPI LocalTimeParameters: one resource, one set of rules: the same LocalTimeParameters (self href) carries the same
// tzOffset, dstOffset and DST rules in every document that holds it (readings are converted to local time with them).
Outcome checkLocalTimeAcrossDocuments(const Observation& obs)
{
    std::map<std::string, std::pair<std::string, std::string>> seen; // self -> (fields, step)
    std::vector<std::string> ev;
    for (const auto& [step, ex] : obs.steps) {
        if (ex.status != 200 || ex.responseBody.find("LocalTimeParameters") == std::string::npos)
            continue;
        for (const EntryStamp& e : entryStamps(ex.responseBody).value_or(std::vector<EntryStamp>{})) {
            if (e.kind != "LocalTimeParameters" || e.self.empty())
                continue;
            ev.push_back(step);
            const auto [it, fresh] = seen.emplace(stripQuery(e.self), std::make_pair(e.fields, step));
            if (!fresh && it->second.first != e.fields)
                return failed("the same LocalTimeParameters wherever " + it->first + " appears",
                    it->second.second + ": " + it->second.first + " but " + step + ": " + e.fields, {it->second.second, step});
        }
    }
    if (seen.empty())
        return skipped("no LocalTimeParameters entry was fetched");
    return passed(std::to_string(seen.size()) + " LocalTimeParameters, identical in every document", ev);
}

RunnerCheck make(const char* id, const char* ref, const char* requirement, RunnerCheckFn fn, Level level = Level::Must)
{
    return RunnerCheck{CheckRecord{id, ref, level, requirement, "espi"}, "espi", fn};
}

} // namespace

void addEspiQueryChecks(std::vector<RunnerCheck>& out)
{
    out.push_back(make("ES-017", "GBA FB 37 (QRY); ESPI query parameters", "max-results caps the entries a feed returns.", checkMaxResults));
    out.push_back(make("ES-018", "GBA FB 37 (QRY); ESPI query parameters", "start-index with max-results pages through the result without overlap or loss.", checkStartIndex));
    out.push_back(make("ES-019", "GBA FB 37 (QRY); ESPI query parameters", "updated-min/max return only entries whose atom:updated lies in the range.", checkUpdatedFilter));
    out.push_back(make("ES-020", "GBA FND002 + data tests", "ApplicationInformation answers 200 to the registration token and passes the data checks.", checkAppInfo));
    out.push_back(make("ES-021", "GBA FND002; UtilityAPI docs (token classes)", "ApplicationInformation is refused (401/403) to customer and client access tokens.", checkAppInfoRefused));
    out.push_back(make("ES-022", "GBA FND003 + data tests", "The Authorization list answers 200 to the client access token and passes the data checks.", checkAuthorizationsClient));
    out.push_back(make("ES-023", "GBA FND003, RBK001 + data tests", "The client_credentials resourceURI (Bulk) answers 200 to the client access token and passes the data checks.", checkBulk));
    out.push_back(make("ES-025", "GBA FND005 + data tests; ESPI published-min/max", "The whole granted history of one MeterReading, walked month by month, passes the interval-block data checks.", checkHistory));
    out.push_back(make("ES-026", "NAESB ESPI IntervalBlock; GBA data tests (contiguity)", "Across the window and the history pages, the IntervalBlocks of one MeterReading are contiguous and unique (no gap, overlap or lost DST hour between documents).", checkReadingsAcrossDocuments));
    out.push_back(make("ES-027", "NAESB ESPI LocalTimeParameters", "A LocalTimeParameters resource carries identical rules and offsets in every document that holds it.", checkLocalTimeAcrossDocuments));
    out.push_back(make("ES-024", "RFC 4287 §4.2.6; NAESB ESPI", "Across the documents of one variant, one atom:id always names the same resource (self href) and vice versa.", checkIdsAcrossDocuments));
}

} // namespace gbc

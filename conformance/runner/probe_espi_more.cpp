// ESPI probes beyond the window: max-results/start-index paging and updated-min/max on one IntervalBlock feed
// (GBA FB 37), ApplicationInformation with each token class (FND002), the Authorization list and Bulk with the
// client access token (FND003).
#include "probes.h"

#include <algorithm>
#include <map>

#include "espi_document.h"
#include "feed_stamps.h"
#include "time_format.h"
#include "url.h"

namespace gbc {

namespace {

constexpr std::int64_t kDay = 86400;

// The IntervalBlock feed (rel="up") with the most blocks in the windowed Batch/Subscription, or "".
std::string intervalFeedOf(const EspiDocument* batch)
{
    std::map<std::string, int> count;
    if (batch)
        for (std::uint32_t e : batch->entriesOf(ResourceKind::IntervalBlock))
            if (!batch->entries()[e].up.empty())
                ++count[stripQuery(std::string(batch->entries()[e].up))];
    std::string best;
    for (const auto& [feed, n] : count)
        if (best.empty() || n > count[best])
            best = feed;
    return best;
}

// The starts of the IntervalBlocks of `feed` in `doc`, newest first.
std::vector<std::int64_t> blockStarts(const EspiDocument* doc, const std::string& feed)
{
    std::vector<std::int64_t> starts;
    if (doc)
        for (const BlockData& b : doc->blocks())
            if (stripQuery(std::string(doc->entries()[b.entry].up)) == feed)
                starts.push_back(b.start);
    std::sort(starts.rbegin(), starts.rend());
    return starts;
}

// updated-min/max = the second oldest and second newest atom:updated of the unfiltered page, so a filter that works
// drops at least the oldest and the newest entry.
void probeUpdatedFilter(Session& s, const std::string& feed, const Params& window, const HttpExchange& all)
{
    std::vector<std::int64_t> stamps;
    for (const EntryStamp& e : entryStamps(all.responseBody).value_or(std::vector<EntryStamp>{}))
        if (e.updated)
            stamps.push_back(*e.updated);
    std::sort(stamps.begin(), stamps.end());
    stamps.erase(std::unique(stamps.begin(), stamps.end()), stamps.end());
    if (stamps.size() < 4) {
        s.closeGate("espi.updated", "the unfiltered IntervalBlock page holds fewer than 4 distinct atom:updated values "
            "(" + std::to_string(stamps.size()) + "): nothing to select with updated-min/max");
        return;
    }
    const std::int64_t min = stamps[1], max = stamps[stamps.size() - 2];
    s.fact("espi.updated_min", std::to_string(min));
    s.fact("espi.updated_max", std::to_string(max));
    Params p = window;
    p.insert(p.end(), {{"updated-min", formatIso8601(min)}, {"updated-max", formatIso8601(max)}});
    s.record("espi.query_updated", s.get(withParams(feed, p), s.learned().accessToken));
}

} // namespace

void probeEspiQuery(Session& s, const EspiDocument* batch, std::int64_t now)
{
    if (!s.gateOpen("authorized") || !s.gateOpen("token") || !s.gateOpen("resource"))
        return;
    const std::string feed = intervalFeedOf(batch);
    if (feed.empty()) {
        s.closeGate("espi.query", "the Batch/Subscription feed holds no IntervalBlock whose feed could be queried (see ES-003)");
        return;
    }
    const std::string token = s.learned().accessToken;
    const std::vector<std::int64_t> starts = blockStarts(batch, feed); // about six blocks to page through
    const std::int64_t from = starts.empty() ? now - 7 * kDay : starts[std::min<std::size_t>(6, starts.size()) - 1];
    const Params window = {{"published-min", formatIso8601(from)}, {"published-max", formatIso8601(now)}};
    auto page = [&](Params extra) {
        Params p = window;
        p.insert(p.end(), extra.begin(), extra.end());
        return s.get(withParams(feed, p), token);
    };
    const HttpExchange all = s.record("espi.query_all", page({}));
    s.record("espi.query_page.1", page({{"max-results", "2"}}));
    s.record("espi.query_page.2", page({{"start-index", "3"}, {"max-results", "2"}}));
    if (all.status == 200)
        probeUpdatedFilter(s, feed, window, all);
    else
        s.closeGate("espi.updated", "the unfiltered IntervalBlock page failed (see ES-017)");
}

// History coverage: one MeterReading's IntervalBlock feed, 32-day pages (published-min/max) walked backwards from
// the window's start until a page comes back empty, refused, or `maxPages` pages were read.
void probeHistory(Session& s, const EspiDocument* batch, std::int64_t now, int maxPages)
{
    if (!s.gateOpen("authorized") || !s.gateOpen("token") || !s.gateOpen("resource"))
        return;
    const std::string feed = intervalFeedOf(batch);
    if (feed.empty()) {
        s.closeGate("history", "the Batch/Subscription feed holds no IntervalBlock feed to walk (see ES-003)");
        return;
    }
    // Each page ends where the oldest block seen so far starts, so the pages and the window meet without a seam.
    const std::vector<std::int64_t> inWindow = blockStarts(batch, feed);
    std::int64_t end = inWindow.empty() ? now - kDay * s.config().espi.windowDays : inWindow.back();
    int pages = 0;
    s.fact("espi.history_cap", std::to_string(maxPages));
    s.fact("espi.history_scope", maxPages >= kHistoryCapPages ? "whole" : "seam");
    while (pages < maxPages) {
        const std::int64_t start = end - 32 * kDay; // holds any calendar month that ends at `end`
        const std::string step = "espi.history." + std::to_string(++pages);
        const HttpExchange e = s.record(step, s.get(withParams(feed, {{"published-min", formatIso8601(start)},
            {"published-max", formatIso8601(end)}}), s.learned().accessToken));
        s.fact(step + ".from", formatIso8601(start));
        s.fact(step + ".to", formatIso8601(end));
        const Result<EspiDocument> doc = EspiDocument::parse(e.status == 200 ? e.responseBody : "");
        const std::vector<std::int64_t> page = blockStarts(doc ? &doc.value() : nullptr, feed);
        if (page.empty())
            break;
        end = std::min(page.back(), end - kDay); // at least a day of progress, whatever the target returns
    }
    s.fact("espi.history_pages", std::to_string(pages));
}

void probeEspiAdmin(Session& s, bool clientResources)
{
    const std::int64_t now = targetNow(s);
    const EspiConfig& e = s.config().espi;
    const Learned& l = s.learned();
    s.secret(e.registrationToken, "registration_token");
    if (e.applicationInformationUrl.empty() || e.registrationToken.empty())
        s.closeGate("appinfo", "the target file gives no espi.applicationInformationUrl and espi.registrationToken");
    else {
        s.record("espi.appinfo", s.get(e.applicationInformationUrl, e.registrationToken));
        if (s.gateOpen("authorized") && s.gateOpen("token"))
            s.record("espi.appinfo_customer", s.get(e.applicationInformationUrl, l.accessToken));
        if (s.gateOpen("client_token"))
            s.record("espi.appinfo_client", s.get(e.applicationInformationUrl, l.clientToken));
    }
    if (!s.gateOpen("client_token"))
        return;
    if (!clientResources) { // they list every customer of the client: reading them per variant grows quadratically
        s.closeGate("client_resources", "the client's Authorization list and Bulk are read once per client and run "
            "(by its first variant), not again for every variant of the same client");
        return;
    }
    s.record("espi.authorizations_client", s.get(e.resourceBase + "/Authorization", l.clientToken));
    const HttpExchange* cc = s.obs().step("token.client_credentials");
    const nlohmann::json j = nlohmann::json::parse(cc ? cc->responseBody : "", nullptr, false);
    const std::string bulk = j.is_object() && j.contains("resourceURI") && j["resourceURI"].is_string()
        ? j["resourceURI"].get<std::string>() : "";
    if (!parseUrl(bulk)) {
        s.closeGate("bulk", "the client_credentials response has no usable resourceURI (see TK-021)");
        return;
    }
    s.record("espi.bulk", s.get(withParams(bulk, {{"published-min", formatIso8601(now - kDay * e.windowDays)},
        {"published-max", formatIso8601(now)}}), l.clientToken));
}

} // namespace gbc

// ESPI probes: resourceURI, authorizationURI, a windowed Batch/Subscription (202-aware), QRY001/002, token classes.
#include "probes.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "espi_document.h"
#include "interval_series.h"
#include "time_format.h"

namespace gbc {

namespace {

std::int64_t nowFor(Session& s)
{
    if (std::optional<std::int64_t> t = s.clockNow())
        return *t;
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// GETs `request`, following 202 + Retry-After (delay-seconds or an HTTP date, RFC 9110 §10.2.3) until another answer
// or until http.retryWaitSeconds of target time are used up: the simulator's clock is advanced instead of sleeping.
// 202 answers are recorded as <step>_wait.N; the number of waits is the fact <step>_waits.
int fetchPatiently(Session& s, const std::string& step, const OutgoingRequest& request)
{
    int waits = 0;
    std::int64_t waited = 0;
    const std::int64_t budget = s.config().retryWaitSeconds;
    for (;;) {
        const HttpExchange e = s.record(step + "_try", request);
        if (e.status != 202) {
            s.renameStep(e.step, step);
            break;
        }
        const Result<EpochSeconds> after = parseRetryAfter(responseHeader(e, "Retry-After"), nowFor(s));
        const std::int64_t pause = std::max<std::int64_t>(1, after ? *after : 5);
        if (waited + pause > budget) {
            s.renameStep(e.step, step);
            break;
        }
        ++waits;
        waited += pause;
        s.renameStep(e.step, step + "_wait." + std::to_string(waits));
        if (!s.advanceClock(pause))
            std::this_thread::sleep_for(std::chrono::seconds(pause));
    }
    s.fact(step + "_waits", std::to_string(waits));
    s.fact(step + "_waited", std::to_string(waited));
    return waits;
}

std::string functionBlocksFor(Session& s)
{
    if (!s.config().espi.functionBlocks.empty())
        return s.config().espi.functionBlocks;
    const std::string& scope = s.learned().grantedScope;
    const std::size_t fb = scope.find("FB=");
    if (fb == std::string::npos)
        return "";
    return scope.substr(fb + 3, scope.find(';', fb) == std::string::npos ? std::string::npos : scope.find(';', fb) - fb - 3);
}

// An Atom feed without entries: what the probes read when the batch answer is not a well-formed ESPI document.
const EspiDocument& emptyFeed()
{
    static const EspiDocument empty = EspiDocument::parse(R"(<feed xmlns="http://www.w3.org/2005/Atom"/>)").value();
    return empty;
}

// QRY001: the window is exactly one complete IntervalBlock seen in the batch (shortest duration, then latest end
// before now), so both containment and overlap filtering must return it and nothing outside it.
void probeWindow(Session& s, const EspiDocument& batch, std::int64_t now)
{
    const BlockData* block = nullptr;
    for (const BlockData& b : batch.blocks()) {
        if (b.duration <= 0 || b.start + b.duration > now || batch.entries()[b.entry].up.empty())
            continue;
        if (!block || b.duration < block->duration || (b.duration == block->duration && b.start > block->start))
            block = &b;
    }
    if (!block) {
        s.closeGate("meter_reading", "the Batch/Subscription feed holds no complete IntervalBlock to query (see ES-003)");
        return;
    }
    const std::int64_t min = block->start, max = block->start + block->duration;
    s.fact("espi.window_min", std::to_string(min));
    s.fact("espi.window_max", std::to_string(max));
    s.fact("espi.window_min_iso", formatIso8601(min));
    s.fact("espi.window_max_iso", formatIso8601(max));
    const std::string url(batch.entries()[block->entry].up);
    const std::string token = s.learned().accessToken;
    s.record("espi.window", s.get(withParams(url, {{"published-min", formatIso8601(min)},
        {"published-max", formatIso8601(max)}}), token));
    s.record("espi.bad_query", s.get(withParams(url, {{"published-min", "yesterday"}}), token));
}

// The oldest blocks of each MeterReading (first page of its IntervalBlock feed): the windowed batch never shows the
// start of the history, so these are validated too (ES-003, interval-block checks only: the slice has no link graph).
void probeHistoryHeads(Session& s, const EspiDocument& batch)
{
    std::vector<std::string> feeds;
    for (std::uint32_t e : batch.entriesOf(ResourceKind::IntervalBlock)) {
        const std::string up(batch.entries()[e].up);
        if (!up.empty() && std::find(feeds.begin(), feeds.end(), up) == feeds.end() && feeds.size() < 3)
            feeds.push_back(up);
    }
    for (std::size_t i = 0; i < feeds.size(); ++i)
        s.record("espi.history_head." + std::to_string(i + 1),
            s.get(withParams(feeds[i], {{"max-results", "2"}}), s.learned().accessToken));
    s.fact("espi.history_heads", std::to_string(feeds.size()));
}

void probeAccess(Session& s, const std::string& foreignSubscription)
{
    const Learned& l = s.learned();
    const std::string base = s.config().espi.resourceBase;
    if (s.gateOpen("client_token")) {
        s.record("espi.batch_client_token", s.get(l.batchUrl, l.clientToken));
        s.record("espi.service_status", s.get(base + "/ReadServiceStatus", l.clientToken));
    }
    s.record("espi.batch_no_token", s.get(l.batchUrl, ""));
    s.record("espi.batch_bad_token", s.get(l.batchUrl, "unknown-" + randomToken(24)));
    if (foreignSubscription.empty() || foreignSubscription == l.subscriptionId) // a made-up id could not fail
        s.closeGate("foreign_subscription", "no other customer's subscription is known: give the target file a second "
            "authorized variant (another customer login) before this one");
    else
        s.record("espi.foreign_subscription", s.get(base + "/Batch/Subscription/" + foreignSubscription, l.accessToken));
    s.record("espi.authorizations_customer_token", s.get(base + "/Authorization", l.accessToken));
}

} // namespace

std::int64_t targetNow(Session& s)
{
    return nowFor(s);
}

void probeEspi(Session& s, const std::string& foreignSubscription, int historyPages)
{
    if (!s.gateOpen("authorized") || !s.gateOpen("token"))
        return;
    Learned& l = s.learned();
    const std::int64_t now = nowFor(s);
    s.fact("espi.fbs", functionBlocksFor(s));
    if (s.gateOpen("authorization_uri")) {
        const HttpExchange& auth = s.record("espi.authorization", s.get(l.authorizationUri, l.accessToken));
        s.fact("espi.authorization_step", "espi.authorization");
        if ((auth.status == 401 || auth.status == 403) && s.gateOpen("client_token")) {
            s.record("espi.authorization_client", s.get(l.authorizationUri, l.clientToken));
            s.fact("espi.authorization_step", "espi.authorization_client");
        }
    }
    if (!s.gateOpen("resource"))
        return;
    fetchPatiently(s, "espi.resource", s.get(withParams(l.resourceUri, {{"published-min", formatIso8601(now - 86400)},
        {"published-max", formatIso8601(now)}}), l.accessToken));
    const std::int64_t end = nowFor(s); // the resource fetch may have moved the clock
    const std::int64_t from = end - 86400LL * s.config().espi.windowDays;
    s.fact("espi.window_days", std::to_string(s.config().espi.windowDays));
    const Params window = {{"published-min", formatIso8601(from)}, {"published-max", formatIso8601(end)}};
    fetchPatiently(s, "espi.batch", s.get(withParams(l.batchUrl, window), l.accessToken));
    const HttpExchange* batch = s.obs().step("espi.batch");
    const Result<EspiDocument> parsed = EspiDocument::parse(batch ? batch->responseBody : "");
    const EspiDocument& feed = parsed ? parsed.value() : emptyFeed(); // unusable: the probes below find nothing
    for (std::uint32_t up : feed.entriesOf(ResourceKind::UsagePoint))
        if (l.usagePointId.empty())
            l.usagePointId = lastSegment(std::string(feed.entries()[up].self));
    if (batch && batch->status == 200) {
        Series series = intervalSeries(feed, s.variant().id);
        if (!series.points.empty())
            l.series.push_back(std::move(series));
    }
    probeHistoryHeads(s, feed);
    probeWindow(s, feed, now);
    probeAccess(s, foreignSubscription);
    probeEspiQuery(s, &feed, now);
    probeHistory(s, &feed, now, historyPages);
}

} // namespace gbc

// ESPI resource checks (plan espi): reachability, data validity via the validator, token classes, QRY001/002, 202.
#include "runner_families.h"

#include "espi_document.h"
#include "registry.h"
#include "target.h"
#include "transport.h"
#include "time_format.h"
#include "validate.h"

namespace gbc {

namespace {

bool isAtom(const HttpExchange& e)
{
    return e.status == 200 && EspiDocument::parse(e.responseBody).ok();
}

// A data URL still answering 202 after the runner waited its whole retry budget: nothing to judge yet (ES-011
// judges the 202 answers themselves).
std::optional<Outcome> stillCollecting(const Observation& obs, const HttpExchange& e)
{
    if (e.status != 202)
        return std::nullopt;
    return skipped("still 202 (collecting) after waiting " + obs.fact(e.step + "_waited") +
                   " s of Retry-After (http.retryWaitSeconds bounds the wait)");
}

Outcome checkResourceReachable(const Observation& obs)
{
    Needed n = need(obs, {"authorized", "token", "resource"}, "espi.resource");
    if (n.stop)
        return *n.stop;
    if (auto wait = stillCollecting(obs, *n.ex))
        return *wait;
    if (!isAtom(*n.ex))
        return failed("200 with an Atom document for the customer's access token", brief(*n.ex), {"espi.resource"});
    return passed("resourceURI answered 200 Atom", {"espi.resource"});
}

Outcome checkAuthorizationReachable(const Observation& obs)
{
    const std::string step = obs.fact("espi.authorization_step").empty() ? "espi.authorization"
                                                                         : obs.fact("espi.authorization_step");
    Needed n = need(obs, {"authorized", "token", "authorization_uri"}, step);
    if (n.stop)
        return *n.stop;
    const Result<EspiDocument> doc = EspiDocument::parse(n.ex->responseBody);
    if (n.ex->status != 200 || !doc || doc->entriesOf(ResourceKind::Authorization).empty())
        return failed("200 with an Authorization entry", brief(*n.ex), {"espi.authorization", step});
    return passed("authorizationURI answered an Authorization (" + step + ")", {step});
}

// Checks a short batch window cannot decide: a MeterReading read monthly may have no IntervalBlock in a few days,
// so "its IntervalBlock entries" (ESPI-D025) are not in the document to compare with.
bool undecidableInShortWindow(const std::string& checkId) { return checkId == "ESPI-D025"; }

// "CHECK at PATH: message; ..." for the findings with verdict `v` (at most ~600 characters), optionally only
// those of one validator family; with `shortWindow`, findings of checks such a window cannot decide are left out.
std::string findingsText(const ValidationResult& r, Verdict v, const std::string& family = "", bool shortWindow = false)
{
    std::string out;
    for (const LocatedFinding& f : r.findings) {
        if (f.finding.verdict != v || out.size() >= 600 || (shortWindow && undecidableInShortWindow(f.finding.checkId)))
            continue;
        const CheckDef* def = findCheck(f.finding.checkId);
        if (!family.empty() && (!def || def->record.family != family))
            continue;
        out += (out.empty() ? "" : "; ") + f.finding.checkId + " at " + (f.path.empty() ? f.finding.location : f.path) +
            ": " + f.finding.message;
    }
    return out;
}

// True when `step` is the windowed batch (or Bulk) and the window is shorter than kSummaryWindowDays.
bool shortWindow(const Observation& obs, const std::string& step)
{
    const long long days = obs.factInt("espi.window_days");
    return (step == "espi.batch" || step == "espi.bulk") && days > 0 && days < kSummaryWindowDays; // Bulk: same window
}

// FB 15/16 promise a UsageSummary per billing period, published at the period's end: a batch window shorter than
// kSummaryWindowDays may hold none, so those FBs cannot be judged from it (neither passed nor failed).
std::string dropUndecidable(FunctionBlocks& claimed, const Observation& obs, const std::string& step)
{
    const long long days = obs.factInt("espi.window_days");
    if (!shortWindow(obs, step))
        return "";
    std::string dropped;
    for (int fb : {15, 16})
        if (claimed.ids.erase(fb))
            dropped += (dropped.empty() ? "" : "/") + std::to_string(fb);
    return dropped.empty() ? "" : " (FB " + dropped + " not judged: a " + std::to_string(days) + "-day window cannot "
        "hold a complete billing period; set espi.windowDays >= " + std::to_string(kSummaryWindowDays) + ")";
}

// Runs the validator on a fetched document and turns its findings into one outcome.
Outcome validated(const Observation& obs, const std::string& step, std::initializer_list<const char*> gates,
    bool claimGranted = true)
{
    Needed n = need(obs, gates, step);
    if (n.stop)
        return *n.stop;
    if (auto wait = stillCollecting(obs, *n.ex))
        return *wait;
    if (n.ex->status != 200)
        return failed("200 with a valid ESPI document", brief(*n.ex), {step});
    ValidateOptions options;
    options.schemaFile = obs.fact("espi.schema_file");
    options.schemaSkipReason = obs.fact("espi.schema_skip");
    std::string unjudged;
    if (Result<FunctionBlocks> fb = parseFunctionBlocks(obs.fact("espi.fbs")); claimGranted && fb && !obs.fact("espi.fbs").empty()) {
        options.claimed = fb.value();
        unjudged = dropUndecidable(*options.claimed, obs, step);
    }
    const ValidationResult v = validateDocument(n.ex->responseBody, options, step);
    const bool partial = shortWindow(obs, step);
    const std::string fails = findingsText(v, Verdict::Fail, "", partial), warns = findingsText(v, Verdict::Warn, "", partial);
    if (partial)
        unjudged += " (ESPI-D025 not judged in a window shorter than " + std::to_string(kSummaryWindowDays) + " days)";
    const std::string claimed = v.functionBlocks.toString() + unjudged;
    if (!v.usable || !fails.empty())
        return failed("no failing MUST data check for FB " + claimed, v.usable ? fails : "unusable document: " + fails, {step});
    if (!warns.empty())
        return Outcome{Verdict::Warn, "SHOULD-level data findings: " + warns, "no data findings", warns, {step}};
    return passed("every data check passes for FB " + claimed, {step});
}

Outcome checkBatchData(const Observation& obs)
{
    Outcome batch = validated(obs, "espi.batch", {"authorized", "token", "resource"});
    if (batch.verdict != Verdict::Pass && batch.verdict != Verdict::Warn)
        return batch;
    for (long long i = 1; i <= obs.factInt("espi.history_heads"); ++i) {
        const std::string step = "espi.history_head." + std::to_string(i);
        Needed n = need(obs, {}, step);
        if (n.stop)
            return *n.stop;
        const ValidationResult v = validateDocument(n.ex->responseBody, ValidateOptions{}, step);
        const std::string fails = findingsText(v, Verdict::Fail, "interval-block");
        if (n.ex->status != 200 || !v.usable || !fails.empty())
            return failed("the oldest IntervalBlocks pass every interval-block data check",
                n.ex->status != 200 ? brief(*n.ex) : (v.usable ? fails : "unusable document"), {step});
        batch.evidence.push_back(step);
    }
    return batch;
}

Outcome checkAuthorizationData(const Observation& obs)
{
    const std::string step = obs.fact("espi.authorization_step");
    return validated(obs, step.empty() ? "espi.authorization" : step, {"authorized", "token", "authorization_uri"});
}

Outcome denied(const Observation& obs, std::initializer_list<const char*> gates, const std::string& step,
    std::vector<int> allowed, const std::string& what)
{
    Needed n = need(obs, gates, step);
    if (n.stop)
        return *n.stop;
    std::string expected;
    for (int s : allowed)
        expected += (expected.empty() ? "" : "/") + std::to_string(s);
    for (int s : allowed)
        if (n.ex->status == s)
            return passed(std::to_string(s) + " for " + what, {step});
    return failed(expected + " for " + what, brief(*n.ex), {step});
}

Outcome checkClientTokenOnBatch(const Observation& o) { return denied(o, {"authorized", "token", "resource", "client_token"}, "espi.batch_client_token", {401, 403}, "a client access token on Batch/Subscription"); }
Outcome checkNoToken(const Observation& o) { return denied(o, {"authorized", "token", "resource"}, "espi.batch_no_token", {401}, "a request without a token"); }
Outcome checkBadToken(const Observation& o) { return denied(o, {"authorized", "token", "resource"}, "espi.batch_bad_token", {401}, "an unknown token"); }
Outcome checkForeignSubscription(const Observation& o) { return denied(o, {"authorized", "token", "resource", "foreign_subscription"}, "espi.foreign_subscription", {403, 404}, "another subscription's id"); }
Outcome checkExpiredToken(const Observation& o) { return denied(o, {"authorized", "token", "resource", "clock"}, "espi.expired_token", {401}, "an expired access token"); }
Outcome checkCustomerTokenOnAuthorizations(const Observation& o) { return denied(o, {"authorized", "token", "resource"}, "espi.authorizations_customer_token", {401, 403}, "a customer token on the Authorization list"); }

Outcome checkWwwAuthenticate(const Observation& obs)
{
    Needed n = need(obs, {"authorized", "token", "resource"}, "espi.batch_bad_token");
    if (n.stop)
        return *n.stop;
    if (n.ex->status == 401 && responseHeader(*n.ex, "WWW-Authenticate").rfind("Bearer", 0) != 0)
        return failed("WWW-Authenticate: Bearer ... on 401", "WWW-Authenticate: " + responseHeader(*n.ex, "WWW-Authenticate"),
            {"espi.batch_bad_token"});
    return passed("401 carries a Bearer challenge", {"espi.batch_bad_token"});
}

Outcome checkQueryWindow(const Observation& obs)
{
    Needed n = need(obs, {"authorized", "token", "resource", "meter_reading"}, "espi.window");
    if (n.stop)
        return *n.stop;
    const std::int64_t min = obs.factInt("espi.window_min"), max = obs.factInt("espi.window_max");
    const std::string expected = "the IntervalBlock spanning [" + obs.fact("espi.window_min_iso") + ", " +
        obs.fact("espi.window_max_iso") + "] and no block outside it";
    const Result<EspiDocument> doc = EspiDocument::parse(n.ex->responseBody);
    if (n.ex->status != 200 || !doc)
        return failed(expected, brief(*n.ex), {"espi.window"});
    int inside = 0, outside = 0;
    bool exact = false;
    for (const BlockData& b : doc->blocks()) {
        (b.start <= max && b.start + b.duration >= min ? inside : outside)++;
        exact = exact || (b.start == min && b.start + b.duration == max);
    }
    if (outside > 0 || !exact)
        return failed(expected, std::to_string(inside) + " blocks inside, " + std::to_string(outside) + " outside the window" +
            (exact ? "" : ", the block spanning the window is missing"), {"espi.window"});
    return passed(std::to_string(inside) + " blocks, all inside the window", {"espi.window"});
}

Outcome checkQueryRejected(const Observation& o) { return denied(o, {"authorized", "token", "resource", "meter_reading"}, "espi.bad_query", {400}, "published-min=yesterday"); }

// The 202 answers of one data URL: each carries a readable Retry-After, and the final answer is 200.
std::optional<Outcome> judgeWaits(const Observation& obs, const std::string& step, std::vector<std::string>& evidence)
{
    const long long waits = obs.factInt(step + "_waits");
    for (long long i = 1; i <= waits; ++i) {
        const std::string wait = step + "_wait." + std::to_string(i);
        evidence.push_back(wait);
        const HttpExchange* e = obs.step(wait);
        const std::string header = e ? responseHeader(*e, "Retry-After") : "";
        if (e && (header.empty() || !parseRetryAfter(header, 0)))
            return failed("202 with Retry-After: delay-seconds or an HTTP date",
                          header.empty() ? "202 without Retry-After" : "Retry-After: " + header, {wait});
    }
    const HttpExchange* last = obs.step(step);
    if (waits > 0 && last && last->status == 202)
        return skipped("still 202 after waiting " + obs.fact(step + "_waited") + " s (http.retryWaitSeconds)");
    if (waits > 0 && (!last || last->status != 200))
        return failed("200 after waiting Retry-After", last ? brief(*last) : "no final answer", evidence);
    if (waits > 0)
        evidence.push_back(step);
    return std::nullopt;
}

Outcome checkRetryAfter(const Observation& obs)
{
    for (const char* gate : {"authorized", "resource"})
        if (auto g = obs.gates.find(gate); g != obs.gates.end())
            return skipped(g->second);
    const long long waits = obs.factInt("espi.resource_waits") + obs.factInt("espi.batch_waits");
    if (waits == 0)
        return skipped("the target answered the resource and batch requests at once (no 202 to honour)");
    std::vector<std::string> evidence;
    for (const char* step : {"espi.resource", "espi.batch"})
        if (auto problem = judgeWaits(obs, step, evidence))
            return *problem;
    return passed(std::to_string(waits) + " x 202 with Retry-After, then 200", evidence);
}

Outcome checkAtomContentType(const Observation& obs)
{
    Needed n = need(obs, {"authorized", "token", "resource"}, "espi.batch");
    if (n.stop)
        return *n.stop;
    const std::string type = responseHeader(*n.ex, "Content-Type");
    if (n.ex->status == 200 && type.rfind("application/atom+xml", 0) != 0)
        return failed("Content-Type: application/atom+xml", "Content-Type: " + type, {"espi.batch"});
    return passed("application/atom+xml", {"espi.batch"});
}

Outcome checkServiceStatus(const Observation& obs)
{
    Needed n = need(obs, {"client_token", "resource"}, "espi.service_status");
    if (n.stop)
        return *n.stop;
    if (n.ex->status != 200 || n.ex->responseBody.find("currentStatus") == std::string::npos)
        return failed("200 with a ServiceStatus carrying currentStatus", brief(*n.ex), {"espi.service_status"});
    return passed("ServiceStatus answered", {"espi.service_status"});
}

RunnerCheck make(const char* id, const char* ref, const char* requirement, RunnerCheckFn fn, Level level = Level::Must)
{
    return RunnerCheck{CheckRecord{id, ref, level, requirement, "espi"}, "espi", fn};
}

} // namespace

std::string intervalBlockFailures(const std::string& body, const std::string& step)
{
    const ValidationResult v = validateDocument(body, ValidateOptions{}, step);
    return v.usable ? findingsText(v, Verdict::Fail, "interval-block") : "unusable document";
}

Outcome validatedStep(const Observation& obs, const std::string& step, std::initializer_list<const char*> gates)
{
    return validated(obs, step, gates, false);
}

void addEspiChecks(std::vector<RunnerCheck>& out)
{
    out.push_back(make("ES-001", "GBA FND005; UtilityAPI docs (greenbutton/api)", "The resourceURI from the token response answers 200 with Atom for the customer's access token.", checkResourceReachable));
    out.push_back(make("ES-002", "GBA FND004", "The authorizationURI from the token response answers 200 with an Authorization entry.", checkAuthorizationReachable));
    out.push_back(make("ES-003", "GBA FND005 + data tests (gbc-conformance validate)", "The Batch/Subscription feed passes every MUST data check for the granted function blocks.", checkBatchData));
    out.push_back(make("ES-004", "GBA FND004 + data tests (gbc-conformance validate)", "The Authorization entry passes every MUST data check (token_type Bearer, absolute expires_at...).", checkAuthorizationData));
    out.push_back(make("ES-005", "UtilityAPI docs (greenbutton/api token classes); GBA RBK002", "A client access token is refused on Batch/Subscription (401/403).", checkClientTokenOnBatch));
    out.push_back(make("ES-006", "RFC 6750 §3.1", "A resource request without a token gets 401.", checkNoToken));
    out.push_back(make("ES-007", "RFC 6750 §3.1", "A resource request with an unknown token gets 401.", checkBadToken));
    out.push_back(make("ES-008", "GBA (i) 14; UtilityAPI docs", "Another subscription's resource is refused (403/404) for this customer's token.", checkForeignSubscription));
    out.push_back(make("ES-009", "GBA QRY001", "published-min/max select IntervalBlocks by interval time: the block spanning the window is returned and nothing outside it.", checkQueryWindow));
    out.push_back(make("ES-010", "GBA QRY002", "A malformed published-min is rejected with 400.", checkQueryRejected));
    out.push_back(make("ES-011", "UtilityAPI docs (async batches)", "A 202 answer carries Retry-After, and repeating the request after it yields the data.", checkRetryAfter));
    out.push_back(make("ES-012", "UtilityAPI docs (greenbutton/api)", "ESPI responses are served as application/atom+xml.", checkAtomContentType, Level::Should));
    out.push_back(make("ES-013", "RFC 6750 §3.1", "An expired access token gets 401.", checkExpiredToken));
    out.push_back(make("ES-014", "GBA FND006", "ReadServiceStatus answers a ServiceStatus with currentStatus for the client access token.", checkServiceStatus));
    out.push_back(make("ES-015", "UtilityAPI docs (greenbutton/api token classes)", "A customer access token is refused on the Authorization list (401/403).", checkCustomerTokenOnAuthorizations));
    out.push_back(make("ES-016", "RFC 6750 §3", "A 401 from a resource carries a WWW-Authenticate: Bearer challenge.", checkWwwAuthenticate, Level::Should));
}

} // namespace gbc

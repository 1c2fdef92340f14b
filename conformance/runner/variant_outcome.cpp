// One variant end to end: listener, transport, probes, pure checks, then redaction and clipping of the evidence.
#include "variant_outcome.h"

#include <chrono>

#include "utf8_repair.h"

namespace gbc {

namespace {

CheckResult judge(const RunnerCheck& check, const Session& s, Outcome outcome)
{
    if (outcome.verdict == Verdict::Fail && check.record.level == Level::Should)
        outcome.verdict = Verdict::Warn;
    CheckResult r;
    r.checkId = check.record.id;
    r.variant = s.variant().id;
    r.plan = check.plan;
    r.family = check.record.family;
    r.reference = check.record.reference;
    r.requirement = check.record.requirement;
    r.level = check.record.level;
    r.verdict = outcome.verdict;
    r.message = outcome.message;
    r.expected = outcome.expected;
    r.actual = outcome.actual;
    for (const std::string& step : outcome.evidence)
        if (const HttpExchange* e = s.obs().step(step); e && (r.evidence.empty() || r.evidence.back() != e->id))
            r.evidence.push_back(e->id);
    return r;
}

// Messages may quote a target's bytes: redacted, then made valid UTF-8 so every report format can hold them.
void redactResult(CheckResult& r, const Redactor& redactor)
{
    for (std::string* text : {&r.message, &r.expected, &r.actual})
        *text = repairUtf8(redactor.apply(*text));
}

// Evidence as the report keeps it: redacted, bodies clipped to kEvidenceBodyLimit, invalid UTF-8 (a Latin-1
// page, a multi-byte character cut by the clip) replaced by U+FFFD.
HttpExchange clipped(HttpExchange e, const Redactor& redactor)
{
    std::string requestBody = keptEvidenceBody(e.requestBody, redactor), responseBody = keptEvidenceBody(e.responseBody, redactor);
    e.requestBody.clear();
    e.responseBody.clear();
    redactor.apply(e); // URL, headers, error
    e.requestBody = repairUtf8(requestBody);
    e.responseBody = repairUtf8(responseBody);
    for (std::string* text : {&e.url, &e.error})
        *text = repairUtf8(*text);
    for (HeaderList* headers : {&e.requestHeaders, &e.responseHeaders})
        for (auto& [name, value] : *headers)
            name = repairUtf8(name), value = repairUtf8(value);
    return e;
}

void replacePrefix(std::string& url, const std::string& from, const std::string& to)
{
    if (!from.empty() && url.rfind(from, 0) == 0)
        url = to + url.substr(from.size());
}

} // namespace

// Redaction scans only a window of the body (kept part + 2 margins of the longest secret and a field name)
// instead of a multi-MB feed once per secret. Only the window's last `margin` bytes can hold a secret cut in half; they are never kept unless
// redaction shrank the window that much, and then the whole body is redacted as before.
std::string keptEvidenceBody(const std::string& body, const Redactor& redactor)
{
    const std::size_t margin = redactor.longestValue() + 64;
    if (body.size() > kEvidenceBodyLimit + 2 * margin) {
        std::string window = redactor.apply(body.substr(0, kEvidenceBodyLimit + 2 * margin));
        if (window.size() >= kEvidenceBodyLimit + margin) {
            window.resize(kEvidenceBodyLimit);
            return window;
        }
    }
    std::string all = redactor.apply(body);
    if (all.size() > kEvidenceBodyLimit)
        all.resize(kEvidenceBodyLimit);
    return all;
}

VariantSpec rebase(const VariantSpec& variant, const std::string& from, const std::string& to)
{
    VariantSpec v = variant;
    if (from.empty() || to.empty() || from == to)
        return v;
    for (std::string* url : {&v.config.oauth.authorizeUrl, &v.config.oauth.tokenUrl, &v.config.oauth.revokeUrl,
             &v.config.espi.resourceBase, &v.config.espi.applicationInformationUrl, &v.config.jsonApi.base,
             &v.config.odr.url, &v.config.clockUrl})
        replacePrefix(*url, from, to);
    return v;
}

namespace {

// The loopback redirect listener when redirect_uri is loopback http; `fault` is set when it cannot start.
std::unique_ptr<CallbackListener> startListener(const VariantSpec& variant, std::string& fault)
{
    Result<Url> redirect = parseUrl(variant.config.oauth.redirectUri);
    if (!redirect || !redirect->isLoopback() || redirect->scheme != "http")
        return nullptr;
    auto started = CallbackListener::start(redirect->port == 80 ? 0 : redirect->port);
    if (!started) {
        fault = started.error().describe();
        return nullptr;
    }
    return std::move(started.value());
}

void aliasOrigins(Session& s, const std::string& callbackOrigin, const std::string& simOrigin)
{
    for (const auto& [origin, placeholder] : {std::pair<std::string, std::string>{callbackOrigin, "{callback}"},
             std::pair<std::string, std::string>{simOrigin, "{sim}"}}) {
        if (origin.empty())
            continue;
        s.redactor().addAlias(origin, placeholder);
        s.redactor().addAlias(percentEncode(origin), percentEncode(placeholder)); // inside redirect_uri=...
    }
}

// Every check's outcome, or the harness fault for all of them.
std::vector<CheckResult> judgeAll(const std::vector<const RunnerCheck*>& checks, const Session& s, const std::string& fault)
{
    std::vector<CheckResult> out;
    for (const RunnerCheck* c : checks) {
        Outcome outcome = harnessError(fault);
        if (fault.empty()) {
            try {
                outcome = c->run(s.obs());
            } catch (const std::exception& e) {
                outcome = harnessError(std::string("check raised an exception: ") + e.what());
            }
        }
        CheckResult r = judge(*c, s, std::move(outcome));
        redactResult(r, s.redactor());
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace

VariantOutput runVariant(const VariantSpec& variant, const std::vector<const RunnerCheck*>& checks,
    const ProbeSelection& sel, WorkerCarry& carry, const std::string& simOrigin)
{
    const auto t0 = std::chrono::steady_clock::now();
    VariantOutput out;
    out.info = VariantInfo{variant.id, variant.utility, variant.auth, variant.scenario, variant.description};
    std::unique_ptr<HttpTransport> transport =
        makeHttpTransport(TransportOptions{variant.config.caFile, variant.config.insecure, variant.config.timeoutMs});
    std::string fault;
    std::unique_ptr<CallbackListener> listener = startListener(variant, fault);
    Session s(variant, *transport, listener.get());
    s.fact("espi.schema_file", variant.config.espi.schemaFile);
    s.fact("espi.schema_skip", variant.config.espi.schemaSkipReason);
    aliasOrigins(s, listener ? listener->origin() : "", simOrigin);
    if (fault.empty()) {
        try {
            const std::string client = variant.config.oauth.tokenUrl + " " + variant.config.oauth.clientId;
            const bool deep = !carry.wholeHistoryWalked;
            probeVariant(s, sel, carry.foreignSubscription, carry.clientsRead.insert(client).second,
                deep ? kHistoryCapPages : kHistorySeamPages);
            if (deep && !s.obs().fact("espi.history_pages").empty())
                carry.wholeHistoryWalked = true;
        } catch (const std::exception& e) {
            fault = std::string("harness exception while probing: ") + e.what();
        }
    }
    if (!s.learned().subscriptionId.empty())
        carry.foreignSubscription = s.learned().subscriptionId;
    out.results = judgeAll(checks, s, fault);
    for (const HttpExchange& e : s.recorded())
        out.exchanges.push_back(clipped(e, s.redactor()));
    out.series = s.learned().series;
    transport.reset(); // close connections before the listener stops
    if (listener)
        out.endpoints["{callback}"] = listener->origin();
    out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

void mergeInto(Report& report, VariantOutput&& out)
{
    report.variants.push_back(out.info);
    report.timing.variantMs[out.info.id] = out.ms;
    for (auto& [k, v] : out.endpoints)
        report.timing.endpoints[k + "@" + out.info.id] = v;
    for (CheckResult& r : out.results)
        report.results.push_back(std::move(r));
    for (HttpExchange& e : out.exchanges)
        report.exchanges.push_back(std::move(e));
    for (Series& s : out.series)
        report.series.push_back(std::move(s));
}

} // namespace gbc

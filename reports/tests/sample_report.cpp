// Hand-built sample report: two variants, every verdict, hostile text in bodies, an OAuth sequence and a series.
#include "sample_report.h"

namespace gbc::fixture {

namespace {

CheckResult result(const std::string& id, const std::string& variant, Verdict v)
{
    CheckResult r;
    r.checkId = id;
    r.variant = variant;
    r.plan = "oauth-token";
    r.family = "token";
    r.reference = "RFC 6749 §5.2";
    r.requirement = "The token endpoint MUST answer 400 invalid_grant for a reused code.";
    r.verdict = v;
    r.message = v == Verdict::Pass ? "" : "got 200 <b>granted</b>";
    r.expected = "400 with error=invalid_grant";
    r.actual = v == Verdict::Pass ? "400 invalid_grant" : "200 with an access_token";
    r.evidence = {variant + "#0002"};
    r.location = v == Verdict::Fail ? "token.json:/error" : "";
    return r;
}

HttpExchange exchange(const std::string& variant, const std::string& n, const std::string& step, int status)
{
    HttpExchange e;
    e.id = variant + "#" + n;
    e.variant = variant;
    e.step = step;
    e.method = step.rfind("token", 0) == 0 ? "POST" : "GET";
    e.url = "{sim}/DataCustodian/essex/oauth/" + std::string(step.rfind("token", 0) == 0 ? "token" : "authorize?a=1");
    e.requestHeaders = {{"Authorization", "Basic [redacted:credentials]"}};
    e.requestBody = "grant_type=authorization_code&code=[redacted:code]";
    e.status = status;
    e.responseHeaders = {{"Content-Type", "text/html"}};
    e.responseBody = "<html><script src=\"https://evil.example/x.js\"></script><a href=\"http://evil.example\">x</a>"
                     "<link href=\"https://cdn.example/a.css\" rel=\"stylesheet\"></html>";
    e.responseBytes = e.responseBody.size();
    return e;
}

} // namespace

Report sampleReport()
{
    Report r;
    r.run.version = "0.1.0";
    r.run.target = "simulator";
    r.run.plan = "full";
    const std::string a = "ESSEX/lastbill/residential", b = "EPE/sso/commercial";
    r.variants = {{b, "EPE", "sso", "commercial", "EPE utility login"}, {a, "ESSEX", "lastbill", "residential", ""}};
    r.results = {result("TK-005", a, Verdict::Fail), result("TK-001", a, Verdict::Pass),
        result("TK-004", a, Verdict::Warn), result("OD-001", a, Verdict::Skip), result("TK-001", b, Verdict::Pass),
        result("TK-005", b, Verdict::Error)};
    r.results[5].evidence = {b + "#0001"};
    r.exchanges = {exchange(a, "0001", "authz.approve", 302), exchange(a, "0002", "token.reuse_code", 200),
        exchange(b, "0001", "token.code", 0)};
    r.exchanges[2].error = "connection refused";
    r.exchanges[2].responseBody.clear();
    Series s{a, "UsagePoint 1 / MeterReading 1", "Wh", {}, {}};
    for (int i = 0; i < 96; ++i)
        s.points.emplace_back(1700000000 + i * 900, 100.0 + (i % 24) * 10.0);
    r.series = {s};
    r.timing.startedAt = "2025-06-15T12:00:00Z";
    r.timing.totalMs = 1234.5;
    r.timing.variantMs = {{a, 700.0}, {b, 534.5}};
    r.timing.endpoints = {{"{sim}", "http://127.0.0.1:40123"}};
    return r;
}

} // namespace gbc::fixture

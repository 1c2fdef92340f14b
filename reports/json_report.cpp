// JSON writer and strict reader for the canonical report model.
#include "json_report.h"

#include "json_reader.h"

namespace gbc {

using ojson = nlohmann::ordered_json;

namespace {

ojson headersJson(const HeaderList& headers)
{
    ojson out = ojson::array();
    for (const auto& [name, value] : headers)
        out.push_back(ojson::array({name, value}));
    return out;
}

ojson exchangeJson(const HttpExchange& e)
{
    ojson j;
    j["id"] = e.id;
    j["variant"] = e.variant;
    j["step"] = e.step;
    j["request"] = {{"method", e.method}, {"url", e.url}, {"headers", headersJson(e.requestHeaders)},
        {"body", e.requestBody}};
    if (e.status != 0)
        j["response"] = {{"status", e.status}, {"headers", headersJson(e.responseHeaders)},
            {"body", e.responseBody}, {"bytes", e.responseBytes}};
    else
        j["response"] = nullptr;
    j["error"] = e.error;
    return j;
}

ojson resultJson(const CheckResult& r)
{
    ojson j;
    j["check"] = r.checkId;
    j["variant"] = r.variant;
    j["verdict"] = toString(r.verdict);
    j["plan"] = r.plan;
    j["family"] = r.family;
    j["reference"] = r.reference;
    j["level"] = toString(r.level);
    j["requirement"] = r.requirement;
    j["message"] = r.message;
    j["expected"] = r.expected;
    j["actual"] = r.actual;
    j["location"] = r.location;
    j["evidence"] = r.evidence;
    j["allowedBy"] = r.allowedBy;
    return j;
}

ojson summaryJson(const Report& report)
{
    const Summary s = summarize(report);
    ojson counts;
    for (Verdict v : {Verdict::Pass, Verdict::Fail, Verdict::Warn, Verdict::Skip, Verdict::Error})
        counts[toString(v)] = s.counts.at(v);
    return {{"verdict", s.verdict}, {"exitCode", s.exitCode}, {"line", verdictLine(report)}, {"counts", counts},
        {"expectedFailures", s.allowedFailures}, {"stale", s.stale}};
}

ojson timingJson(const Timing& t)
{
    ojson variantMs = ojson::object();
    for (const auto& [k, v] : t.variantMs)
        variantMs[k] = v;
    ojson endpoints = ojson::object();
    for (const auto& [k, v] : t.endpoints)
        endpoints[k] = v;
    return {{"startedAt", t.startedAt}, {"finishedAt", t.finishedAt}, {"totalMs", t.totalMs},
        {"variantMs", variantMs}, {"endpoints", endpoints}};
}

} // namespace

ojson reportToJson(const Report& report)
{
    ojson j;
    j["schema"] = kReportSchema;
    j["run"] = {{"tool", report.run.tool}, {"version", report.run.version}, {"command", report.run.command},
        {"target", report.run.target}, {"plan", report.run.plan}, {"shard", report.run.shard},
        {"filters", report.run.filters}, {"excludes", report.run.excludes}};
    j["summary"] = summaryJson(report);
    j["variants"] = ojson::array();
    for (const VariantInfo& v : report.variants)
        j["variants"].push_back({{"id", v.id}, {"utility", v.utility}, {"auth", v.auth}, {"scenario", v.scenario},
            {"description", v.description}});
    j["results"] = ojson::array();
    for (const CheckResult& r : report.results)
        j["results"].push_back(resultJson(r));
    j["stale"] = ojson::array();
    for (const StaleEntry& s : report.stale)
        j["stale"].push_back({{"check", s.check}, {"variant", s.variant}, {"reason", s.reason}});
    j["notes"] = report.notes;
    j["exchanges"] = ojson::array();
    for (const HttpExchange& e : report.exchanges)
        j["exchanges"].push_back(exchangeJson(e));
    j["series"] = ojson::array();
    for (const Series& s : report.series) {
        ojson points = ojson::array();
        for (const auto& [t, v] : s.points)
            points.push_back(ojson::array({t, v}));
        j["series"].push_back(
            {{"variant", s.variant}, {"title", s.title}, {"unit", s.unit}, {"points", points}, {"dst", s.dstChanges}});
    }
    j["timing"] = timingJson(report.timing);
    return j;
}

std::string reportToJsonText(const Report& report)
{
    // Replace, never throw: a string with invalid UTF-8 that escaped repair must not cost the whole report.
    return reportToJson(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace gbc

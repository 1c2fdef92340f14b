// Strict reader for report JSON (the input of `gbc-conformance merge`): unknown keys and wrong types are located errors.
#include "json_report.h"

#include "json_reader.h"

namespace gbc {

namespace {

HeaderList readHeaders(const JsonReader& r)
{
    HeaderList out;
    for (const JsonReader& pair : r.items()) {
        const std::vector<JsonReader> parts = pair.items();
        if (parts.size() != 2)
            pair.fail("report.bad_header", "a header must be a [name, value] pair");
        out.emplace_back(parts[0].asString(), parts[1].asString());
    }
    return out;
}

HttpExchange readExchange(const JsonReader& r)
{
    r.allowOnly({"id", "variant", "step", "request", "response", "error"});
    HttpExchange e;
    e.id = r.string("id");
    e.variant = r.string("variant");
    e.step = r.string("step");
    const JsonReader req = r.at("request");
    req.allowOnly({"method", "url", "headers", "body"});
    e.method = req.string("method");
    e.url = req.string("url");
    e.requestHeaders = readHeaders(req.at("headers"));
    e.requestBody = req.string("body");
    if (r.has("response")) {
        const JsonReader res = r.at("response");
        res.allowOnly({"status", "headers", "body", "bytes"});
        e.status = static_cast<int>(res.integerIn("status", 0, 999));
        e.responseHeaders = readHeaders(res.at("headers"));
        e.responseBody = res.string("body");
        e.responseBytes = static_cast<std::size_t>(res.integerIn("bytes", 0, INT64_MAX));
    }
    e.error = r.string("error", "");
    return e;
}

CheckResult readResult(const JsonReader& r)
{
    r.allowOnly({"check", "variant", "verdict", "plan", "family", "reference", "level", "requirement", "message",
        "expected", "actual", "location", "evidence", "allowedBy"});
    CheckResult c;
    c.checkId = r.string("check");
    c.variant = r.string("variant");
    const auto verdict = verdictFromString(r.string("verdict"));
    if (!verdict)
        r.at("verdict").fail("report.bad_verdict", "verdict must be PASS, FAIL, WARN, SKIP or ERROR");
    c.verdict = *verdict;
    c.plan = r.string("plan", "");
    c.family = r.string("family", "");
    c.reference = r.string("reference", "");
    const std::string level = r.string("level", "MUST");
    if (level != "MUST" && level != "SHOULD")
        r.at("level").fail("report.bad_level", "level must be MUST or SHOULD");
    c.level = level == "MUST" ? Level::Must : Level::Should;
    c.requirement = r.string("requirement", "");
    c.message = r.string("message", "");
    c.expected = r.string("expected", "");
    c.actual = r.string("actual", "");
    c.location = r.string("location", "");
    c.evidence = r.strings("evidence");
    c.allowedBy = r.string("allowedBy", "");
    return c;
}

Series readSeries(const JsonReader& r)
{
    r.allowOnly({"variant", "title", "unit", "points", "dst"});
    Series s{r.string("variant"), r.string("title", ""), r.string("unit", ""), {}, {}};
    for (const JsonReader& p : r.at("points").items()) {
        const nlohmann::json& raw = p.raw();
        if (!raw.is_array() || raw.size() != 2 || !raw[0].is_number_integer() || !raw[1].is_number())
            p.fail("report.bad_point", "a point must be [epochSeconds, number]");
        s.points.emplace_back(raw[0].get<std::int64_t>(), raw[1].get<double>());
    }
    if (r.has("dst"))
        for (const JsonReader& d : r.at("dst").items()) {
            if (!d.raw().is_number_integer())
                d.fail("report.bad_point", "a DST change must be epoch seconds");
            s.dstChanges.push_back(d.raw().get<std::int64_t>());
        }
    return s;
}

Timing readTiming(const JsonReader& r)
{
    r.allowOnly({"startedAt", "finishedAt", "totalMs", "variantMs", "endpoints"});
    Timing t;
    t.startedAt = r.string("startedAt", "");
    t.finishedAt = r.string("finishedAt", "");
    if (r.has("totalMs") && r.at("totalMs").raw().is_number())
        t.totalMs = r.at("totalMs").raw().get<double>();
    if (r.has("variantMs"))
        for (const auto& [k, v] : r.at("variantMs").members())
            t.variantMs[k] = v.raw().is_number() ? v.raw().get<double>() : 0.0;
    if (r.has("endpoints"))
        for (const auto& [k, v] : r.at("endpoints").members())
            t.endpoints[k] = v.asString();
    return t;
}

Report readReport(const JsonReader& root)
{
    root.allowOnly({"schema", "run", "summary", "variants", "results", "stale", "notes", "exchanges", "series",
        "timing"});
    if (root.string("schema") != kReportSchema)
        root.at("schema").fail("report.schema", std::string("expected schema '") + kReportSchema + "'");
    Report rep;
    const JsonReader run = root.at("run");
    run.allowOnly({"tool", "version", "command", "target", "plan", "shard", "filters", "excludes"});
    rep.run = RunInfo{run.string("tool", "gbc-conformance"), run.string("version", ""), run.string("command", "run"),
        run.string("target", ""), run.string("plan", ""), run.string("shard", "1/1"), run.strings("filters"),
        run.strings("excludes")};
    for (const JsonReader& v : root.at("variants").items()) {
        v.allowOnly({"id", "utility", "auth", "scenario", "description"});
        rep.variants.push_back({v.string("id"), v.string("utility", ""), v.string("auth", ""),
            v.string("scenario", ""), v.string("description", "")});
    }
    for (const JsonReader& r : root.at("results").items())
        rep.results.push_back(readResult(r));
    if (root.has("stale"))
        for (const JsonReader& s : root.at("stale").items()) {
            s.allowOnly({"check", "variant", "reason"});
            rep.stale.push_back({s.string("check"), s.string("variant", ""), s.string("reason", "")});
        }
    rep.notes = root.strings("notes");
    if (root.has("exchanges"))
        for (const JsonReader& e : root.at("exchanges").items())
            rep.exchanges.push_back(readExchange(e));
    if (root.has("series"))
        for (const JsonReader& s : root.at("series").items())
            rep.series.push_back(readSeries(s));
    if (root.has("timing"))
        rep.timing = readTiming(root.at("timing"));
    return rep;
}

} // namespace

Result<Report> reportFromJsonText(const std::string& text, const std::string& file)
{
    Result<nlohmann::json> parsed = parseJsonText(text, file);
    if (!parsed)
        return parsed.error();
    try {
        return readReport(JsonReader(parsed.value(), file));
    } catch (const JsonReadError& e) {
        return e.error;
    }
}

} // namespace gbc

// The canonical report model: every writer (JSON, JUnit, HTML, console) renders this one value.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "check.h"

namespace gbc {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One HTTP request and its answer as seen on the wire (secrets already redacted when it enters a report).
struct HttpExchange {
    std::string id;      // unique in a report: "<variant>#<n>"
    std::string variant; // variant id that made it
    std::string step;    // probe step, e.g. "token.reuse_code"
    std::string method;
    std::string url;
    HeaderList requestHeaders;
    std::string requestBody;
    int status = 0; // 0 when no answer arrived
    HeaderList responseHeaders;
    std::string responseBody;
    std::size_t responseBytes = 0; // size before truncation
    std::string error;             // transport fault (timeout, refused...), empty when an answer arrived
};

// One testcase: a check applied to one variant.
struct CheckResult {
    std::string checkId;
    std::string variant;
    std::string plan;
    std::string family;
    std::string reference;
    std::string requirement;
    Level level = Level::Must;
    Verdict verdict = Verdict::Pass;
    std::string message;
    std::string expected;
    std::string actual;
    std::string location;              // where in a document or URL (validator findings: file:line:col + path)
    std::vector<std::string> evidence; // HttpExchange ids
    std::string allowedBy;             // reason from the expected-failures file when this FAIL is allow-listed
};

// A plan variant: one utility x auth type x scenario (or one target-file variant).
struct VariantInfo {
    std::string id; // "ESSEX/lastbill/residential"
    std::string utility;
    std::string auth;
    std::string scenario;
    std::string description;
};

// Interval data fetched during a variant, for the HTML chart.
struct Series {
    std::string variant;
    std::string title; // e.g. "UsagePoint 1 / MeterReading 1"
    std::string unit;  // e.g. "Wh"
    std::vector<std::pair<std::int64_t, double>> points; // (epoch seconds, value)
    std::vector<std::int64_t> dstChanges; // UTC instants within the points' span where the local offset changes
};

// An expected-failures entry that matched no FAIL among the checks that ran.
struct StaleEntry {
    std::string check;
    std::string variant;
    std::string reason;
};

struct RunInfo {
    std::string tool = "gbc-conformance";
    std::string version;
    std::string command = "run";
    std::string target; // target name
    std::string plan;
    std::string shard = "1/1";
    std::vector<std::string> filters;
    std::vector<std::string> excludes;
};

// Everything that legitimately differs between two identical runs lives here, and only here.
struct Timing {
    std::string startedAt;
    std::string finishedAt;
    double totalMs = 0;
    std::map<std::string, double> variantMs;
    std::map<std::string, std::string> endpoints; // placeholder -> real origin, e.g. "{sim}" -> "http://127.0.0.1:40123"
};

struct Report {
    RunInfo run;
    std::vector<VariantInfo> variants;
    std::vector<CheckResult> results;
    std::vector<HttpExchange> exchanges;
    std::vector<Series> series;
    std::vector<StaleEntry> stale;
    std::vector<std::string> notes; // run-level harness messages (e.g. a simulator that failed to start)
    Timing timing;
};

struct Summary {
    std::map<Verdict, int> counts; // every verdict present, zero when absent
    int allowedFailures = 0;       // FAILs on the expected-failures list (not counted in counts[Fail])
    int stale = 0;
    int exitCode = 0; // 0 clean, 1 FAIL or stale allowlist entry, 2 ERROR
    std::string verdict; // "PASS", "FAIL" or "ERROR"
};

Summary summarize(const Report& report);

// One line for the top of every rendering, e.g. "FAIL: 2 FAIL, 0 ERROR, 311 PASS, 4 WARN, 12 SKIP over 6 variants".
std::string verdictLine(const Report& report);

// Sorts variants, results (check id, then variant), exchanges and series so equal runs serialize equally.
void normalize(Report& report);

const HttpExchange* findExchange(const Report& report, const std::string& id);

} // namespace gbc

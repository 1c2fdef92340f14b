// Benchmark of the report writers at the size of issue 12's 3-defect run: 40 variants x 62 checks = 2,480 results
// with 340 failures over 9 checks, 70 exchanges per variant (ESPI bodies of 8 KiB), 3 usage series per variant.
// Prints each file's size and the median time to render and write it; leaves index.html in OUTDIR for opening.
// Usage: report_write_bench OUTDIR [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "report.h"
#include "report_files.h"

using namespace gbc;

namespace {

CheckResult result(int check, const std::string& variant, bool fails)
{
    CheckResult r;
    r.checkId = (check < 20 ? "TK-" : check < 45 ? "ES-" : "JA-") + std::to_string(100 + check).substr(1);
    r.variant = variant;
    r.plan = check < 20 ? "oauth-token" : check < 45 ? "espi" : "json-api";
    r.reference = "GBA OAD00" + std::to_string(check % 10);
    r.requirement = "The Data Custodian MUST answer this probe the way the standard says, sentence " + std::to_string(check) + ".";
    r.verdict = fails ? Verdict::Fail : (check % 7 == 3 ? Verdict::Skip : Verdict::Pass);
    r.message = fails ? "token responses lack Cache-Control: no-store" : r.verdict == Verdict::Skip ? "no ODR at this utility" : "";
    r.expected = "Cache-Control: no-store";
    r.actual = fails ? "Cache-Control: max-age=60" : "Cache-Control: no-store";
    r.evidence = {variant + "#00" + std::to_string(10 + check % 60)};
    return r;
}

HttpExchange exchange(const std::string& variant, int n)
{
    static const char* steps[] = {"authz.bad_scope", "login.main.1", "callback.main", "token.main", "espi.batch", "json.authorization", "odr.start"};
    HttpExchange e;
    e.id = variant + "#00" + std::to_string(10 + n);
    e.variant = variant;
    e.step = steps[n % 7];
    e.method = n % 3 ? "GET" : "POST";
    e.url = "{sim}/DataCustodian/espi/1_1/resource/Batch/Subscription/" + std::to_string(n) + "?published-min=2025-01-01";
    e.requestHeaders = {{"Authorization", "Bearer [redacted:access_token#1]"}, {"Accept", "application/atom+xml"}};
    e.status = n % 9 == 0 ? 400 : 200;
    e.responseHeaders = {{"Content-Type", "application/atom+xml"}, {"Cache-Control", "max-age=60"}};
    e.responseBody = std::string(e.step.rfind("espi", 0) == 0 ? 8192 : 600, 'x');
    e.responseBytes = e.step.rfind("espi", 0) == 0 ? 2400000 : 600;
    return e;
}

Report syntheticReport()
{
    Report r;
    r.run.version = "bench";
    r.run.target = "simulator";
    r.run.plan = "full";
    for (int v = 0; v < 40; ++v) {
        const std::string id = std::string(v % 4 ? "ESSEX" : "DEMOUTILITY") + "/auth" + std::to_string(v) + "/residential";
        r.variants.push_back({id, v % 4 ? "ESSEX" : "DEMOUTILITY", "auth" + std::to_string(v), "residential", ""});
        for (int c = 0; c < 62; ++c) // 8 checks fail everywhere (320), one in 20 variants: 340 failures
            r.results.push_back(result(c, id, (c % 7 == 1 && c < 57) || (c == 60 && v % 2 == 0)));
        for (int n = 0; n < 70; ++n)
            r.exchanges.push_back(exchange(id, n));
        for (int s = 0; s < 3; ++s) {
            Series series{id, "UsagePoint " + std::to_string(s) + " — electricity (MeterReading 1)", "Wh", {}, {1710054000}};
            for (int p = 0; p < 600; ++p)
                series.points.emplace_back(1704067200 + p * 3600 * 12, 1000.0 + (p * 37 % 400));
            r.series.push_back(std::move(series));
        }
    }
    normalize(r);
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string dir = argc > 1 ? argv[1] : "report-bench";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const Report report = syntheticReport();
    int failures = 0;
    for (const CheckResult& r : report.results)
        failures += r.verdict == Verdict::Fail;
    std::printf("report_write: %zu results, %d failures, %zu exchanges\n", report.results.size(), failures, report.exchanges.size());
    for (const char* format : {"html", "json", "junit", "markdown"}) {
        std::vector<double> ms;
        std::vector<std::string> paths;
        for (int i = 0; i < runs; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            Result<std::vector<std::string>> written = writeReportFiles(report, dir, {format});
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            if (!written) {
                std::fprintf(stderr, "%s\n", written.error().describe().c_str());
                return 1;
            }
            paths = written.value();
        }
        std::sort(ms.begin(), ms.end());
        std::printf("report_write %-8s %9ju bytes, median %.1f ms to render and write (%d runs)\n", format,
            static_cast<std::uintmax_t>(std::filesystem::file_size(paths.front())), ms[ms.size() / 2], runs);
    }
    return 0;
}

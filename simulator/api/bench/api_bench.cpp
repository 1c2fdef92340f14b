// Benchmark: CPU cost of the heaviest JSON API answers (a full page of intervals, bills, meters, authorizations with
// 200 authorizations, an updated ODR read), served through the route handlers without sockets (answers not parsed).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "api_harness.h"
#include "bench_support.h"
#include "espi_ids.h"

namespace {

using gbc::bench::cpuSeconds;

// Runs `call` n times; prints CPU ms per call and answer size. Returns false when an answer is not 200.
bool measure(const char* name, int n, const std::function<gbc::ApiResponse()>& call)
{
    std::size_t bytes = 0;
    const double cpu0 = cpuSeconds();
    for (int i = 0; i < n; ++i) {
        const gbc::ApiResponse r = call();
        if (r.status != 200) {
            std::fprintf(stderr, "%s answered %d: %.200s\n", name, r.status, r.body.c_str());
            return false;
        }
        bytes += r.body.size();
    }
    const double cpu = cpuSeconds() - cpu0;
    std::printf("%-42s %8.2f ms CPU per request  %9.1f KB per answer\n", name, cpu * 1000 / n,
                static_cast<double>(bytes) / n / 1000);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    const int n = argc > 1 ? std::atoi(argv[1]) : 20;
    gbc::ApiHarness h;
    std::string uid;
    for (int i = 0; i < 200; ++i)
        uid = h.submit(i % 2 ? "commercial" : "residential");
    const std::string meter = gbc::usagePointId(uid, 0);
    h.get("/api/epe/odr", {{"meter", meter}});
    h.clock.advance(80);
    h.parseAnswers = false;
    bool ok = true;
    ok &= measure("intervals, one meter, 13 months (1 page)", n, [&] { return h.get("/api/v2/intervals", {{"meters", meter}}); });
    ok &= measure("intervals, one day", n * 10, [&] {
        return h.get("/api/v2/intervals", {{"meters", meter}, {"start", "2025-06-10"}, {"end", "2025-06-11"}});
    });
    ok &= measure("bills, one meter", n, [&] { return h.get("/api/v2/bills", {{"meters", meter}}); });
    ok &= measure("meters, 200 meters", n, [&] { return h.get("/api/v2/meters"); });
    ok &= measure("authorizations, 200, include=meters", n, [&] {
        return h.get("/api/v2/authorizations", {{"include", "meters"}});
    });
    ok &= measure("odr, updated read", n * 10, [&] { return h.get("/api/epe/odr", {{"meter", meter}}); });
    ok &= measure("events, 1000+ events", n, [&] { return h.get("/api/v2/events"); });
    return ok ? 0 : 1;
}

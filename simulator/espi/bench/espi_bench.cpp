// Benchmark: Batch/Subscription of the DEMOUTILITY commercial customer (5 services, 13 months of 15-minute data),
// generated and served through handleEspi N times; prints MB/s, latency percentiles and RSS before/after.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_support.h"
#include "espi_routes.h"
#include "fake_directory.h"
#include "usage_model.h"

using gbc::bench::cpuSeconds;
using gbc::bench::percentile;
using gbc::bench::rssKiB;

int main(int argc, char** argv)
{
    const int requests = argc > 1 ? std::atoi(argv[1]) : 1000;
    gbc::testing::World world;
    world.clock.set(gbc::testing::at("2025-06-15T15:30:00Z"));
    const auto record = world.grant("4242", "DEMOUTILITY", "demoutility-commercial");
    world.token("bench-token", gbc::TokenClass::CustomerAccess, record);
    gbc::HttpRequest req;
    req.method = "GET";
    req.host = "127.0.0.1:8080";
    req.path = "/DataCustodian/espi/1_1/resource/Batch/Subscription/4242";
    req.headers["authorization"] = "Bearer bench-token";

    using Clock = std::chrono::steady_clock;
    for (int i = 0; i < 3; ++i) // warm-up: page in code and the allocator
        gbc::handleEspi(world.ctx, req);
    const long rssBefore = rssKiB(), trimmedBefore = rssKiB(true);
    std::vector<double> ms;
    std::size_t bytes = 0, readings = 0;
    const auto all = Clock::now();
    const double cpu0 = cpuSeconds();
    for (int i = 0; i < requests; ++i) {
        const auto t0 = Clock::now();
        const gbc::HttpAnswer a = gbc::handleEspi(world.ctx, req);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (a.status != 200) {
            std::fprintf(stderr, "request %d answered %d\n", i, a.status);
            return 1;
        }
        bytes += a.body.size();
        if (i == 0)
            for (std::size_t p = a.body.find("<IntervalReading>"); p != std::string::npos;
                 p = a.body.find("<IntervalReading>", p + 1))
                ++readings;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - all).count();
    const double cpu = cpuSeconds() - cpu0;
    const long rssAfter = rssKiB(), trimmedAfter = rssKiB(true);
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("Batch/Subscription DEMOUTILITY commercial (5 services, 13 months), %d requests\n", requests);
    std::printf("feed size      %.2f MB, %zu IntervalReadings\n", mb / requests, readings);
    std::printf("throughput     %.1f MB/s of XML (one core)\n", mb / seconds);
    std::printf("latency ms     mean %.1f  p50 %.1f  p99 %.1f  max %.1f\n", seconds * 1000 / requests,
                percentile(ms, 0.5), percentile(ms, 0.99), *std::max_element(ms.begin(), ms.end()));
    std::printf("cpu            %.1f ms per request, %.1f MB of XML per CPU-second\n", cpu * 1000 / requests,
                static_cast<double>(bytes) / 1e6 / cpu);
    std::printf("RSS KiB        before %ld  after %ld  growth %ld\n", rssBefore, rssAfter, rssAfter - rssBefore);
    std::printf("RSS trimmed    before %ld  after %ld  growth %ld\n", trimmedBefore, trimmedAfter,
                trimmedAfter - trimmedBefore);
    return 0;
}

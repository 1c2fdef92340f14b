// Benchmark over real HTTP: gbc-sim's server on loopback serving Batch/Subscription of the DEMOUTILITY commercial
// customer (5 services, 13 months of 15-minute data) to a keep-alive client; MB/s, latency and RSS growth.
// Usage: espi_http_bench [requests=1000] [mmap]
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <string>
#include <vector>

#include "bench_support.h"
#include "catalogue_loader.h"
#include "sim_server.h"

using gbc::bench::cpuSeconds;
using gbc::bench::rssKiB;

int main(int argc, char** argv)
{
    const int requests = argc > 1 ? std::atoi(argv[1]) : 1000;
    // "mmap": feed-sized buffers bypass the per-thread arenas (fixed M_MMAP_THRESHOLD), so freed memory goes
    // straight back to the OS; separates allocator retention from real growth.
    const bool mmapBuffers = argc > 2 && std::string(argv[2]) == "mmap";
    if (mmapBuffers)
        mallopt(M_MMAP_THRESHOLD, 1 << 20);
    gbc::SimServerOptions options;
    options.catalogue = std::make_shared<const gbc::Catalogue>(gbc::builtinCatalogue().value());
    gbc::SimServer server(options);
    if (!server.start("127.0.0.1", 0).ok())
        return 1;
    const gbc::Utility& u = *options.catalogue->findUtility("DEMOUTILITY");
    gbc::AuthorizationRecord draft;
    draft.utilityId = u.id;
    draft.clientId = u.clients.at(0).clientId;
    draft.customerId = "demoutility-commercial";
    draft.scope = "FB=1_4_5_10_11_15_16_17";
    draft.functionBlocks = {1, 4, 5, 10, 11, 15, 16, 17};
    draft.created = draft.dataReadyAt = server.clock().now() - 60;
    const auto record = server.store().createAuthorization(draft);
    gbc::TokenInfo info{gbc::TokenClass::CustomerAccess, draft.clientId, u.id, record.uid, draft.scope, 0, false};
    const std::string token = server.store().issueAccessToken(info, "");

    httplib::Client cli("127.0.0.1", server.port());
    cli.set_keep_alive(true);
    cli.set_read_timeout(30, 0);
    const std::string path = "/DataCustodian/espi/1_1/resource/Batch/Subscription/" + record.uid;
    const httplib::Headers headers = {{"Authorization", "Bearer " + token}};
    // Warm-up: the server closes a keep-alive connection every 5 requests, so connections rotate over its pool
    // threads; each thread's malloc arena settles at one or two feed-sized buffers after a few dozen requests.
    for (int i = 0; i < 60; ++i)
        cli.Get(path.c_str(), headers);
    using Clock = std::chrono::steady_clock;
    const long rssBefore = rssKiB(), trimmedBefore = rssKiB(true);
    std::vector<double> ms;
    std::size_t bytes = 0;
    const auto all = Clock::now();
    const double cpu0 = cpuSeconds();
    for (int i = 0; i < requests; ++i) {
        const auto t0 = Clock::now();
        auto res = cli.Get(path.c_str(), headers);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!res || res->status != 200) {
            std::fprintf(stderr, "request %d failed (%d)\n", i, res ? res->status : 0);
            return 1;
        }
        bytes += res->body.size();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - all).count();
    const double cpu = cpuSeconds() - cpu0;
    const long rssAfter = rssKiB(), trimmedAfter = rssKiB(true);
    std::sort(ms.begin(), ms.end());
    std::printf("HTTP Batch/Subscription DEMOUTILITY commercial over loopback, %d requests (server + client in one process)%s\n",
                requests, mmapBuffers ? ", M_MMAP_THRESHOLD 1 MB" : "");
    std::printf("feed size      %.2f MB\n", static_cast<double>(bytes) / 1e6 / requests);
    std::printf("throughput     %.1f MB/s of XML\n", static_cast<double>(bytes) / 1e6 / seconds);
    std::printf("latency ms     mean %.1f  p50 %.1f  p99 %.1f  max %.1f\n", seconds * 1000 / requests,
                ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)], ms.back());
    std::printf("cpu            %.1f ms per request, %.1f MB of XML per CPU-second\n", cpu * 1000 / requests,
                static_cast<double>(bytes) / 1e6 / cpu);
    std::printf("RSS KiB        before %ld  after %ld  growth %ld\n", rssBefore, rssAfter, rssAfter - rssBefore);
    std::printf("RSS trimmed    before %ld  after %ld  growth %ld\n", trimmedBefore, trimmedAfter,
                trimmedAfter - trimmedBefore);
    server.stop();
    return 0;
}

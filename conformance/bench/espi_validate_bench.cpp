// Benchmark: MB/s of the full semantic validation of a 13-month 15-minute feed versus `xmllint --noout --schema`
// on the same file, reported as a ratio from the same run.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "feed_generator.h"
#include "schema_check.h"
#include "validate.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
    int days = 396;
    int iterations = 10;
    std::string schemaDir;
    std::string xmllint = "xmllint";
    double requireRatio = 0; // > 0: exit 1 when the ratio is below it
};

Args parse(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i], v = argv[i + 1];
        if (k == "--days") a.days = std::atoi(v.c_str());
        else if (k == "--iterations") a.iterations = std::atoi(v.c_str());
        else if (k == "--schema") a.schemaDir = v;
        else if (k == "--xmllint") a.xmllint = v;
        else if (k == "--require-ratio") a.requireRatio = std::atof(v.c_str());
    }
    return a;
}

struct Timing {
    double wall = 1e30; // seconds, best of the runs
    double cpu = 1e30;  // CPU seconds (user + system) of the same process or of the child, best of the runs
};

double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

// Folds one timed run of `f` into `t` (best wall, best CPU); `who` is RUSAGE_SELF or RUSAGE_CHILDREN (xmllint).
template <typename F>
void timeOnce(Timing& t, int who, F f)
{
    double c0 = cpuSeconds(who);
    auto t0 = Clock::now();
    f();
    t.wall = std::min(t.wall, std::chrono::duration<double>(Clock::now() - t0).count());
    t.cpu = std::min(t.cpu, cpuSeconds(who) - c0);
}

void print(const char* what, const Timing& t, double mb)
{
    std::printf("%-36s wall %8.1f ms %7.1f MB/s | cpu %8.1f ms %7.1f MB/s\n", what, t.wall * 1e3, mb / t.wall,
                t.cpu * 1e3, mb / t.cpu);
}

} // namespace

int main(int argc, char** argv)
{
    Args a = parse(argc, argv);
    std::string feed = gbc::generateFeed(gbc::FeedSpec{a.days, 900});
    char path[] = "/tmp/gbc-bench-feed-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, feed.data(), feed.size()) != static_cast<ssize_t>(feed.size()))
        return 2;
    close(fd);
    double mb = static_cast<double>(feed.size()) / 1e6;
    bool clean = true;
    auto xsd = gbc::resolveSchemaFile(a.schemaDir);
    // Rounds alternate the two tools so both see the same machine noise; best of the rounds for each.
    Timing ours, lint;
    gbc::SchemaRun run;
    for (int i = 0; i < a.iterations; ++i) {
        timeOnce(ours, RUSAGE_SELF, [&] { clean = !gbc::validateDocument(feed, {}, "b").mustFailed(); });
        if (xsd)
            timeOnce(lint, RUSAGE_CHILDREN, [&] { run = gbc::runXmllint(a.xmllint, *xsd, path); });
    }
    std::printf("feed: %d days of 15-minute readings, %.2f MB, %s; best of %d alternating rounds\n", a.days, mb,
                clean ? "valid" : "INVALID", a.iterations);
    print("gbc validate (all semantic checks):", ours, mb);
    int status = clean ? 0 : 1;
    if (!xsd) {
        std::printf("no schema folder given (--schema DIR): xmllint comparison skipped\n");
    } else if (!run.harnessError.empty()) {
        std::printf("xmllint unavailable: %s\n", run.harnessError.c_str());
    } else {
        print(run.valid ? "xmllint --noout --schema (valid):" : "xmllint --noout --schema (INVALID):", lint, mb);
        std::printf("ratio: gbc validate has %.1fx the throughput of xmllint by CPU time, %.1fx by wall time "
                    "(target >= 3x)\n", lint.cpu / ours.cpu, lint.wall / ours.wall);
        if (a.requireRatio > 0 && lint.cpu / ours.cpu < a.requireRatio)
            status = 1;
    }
    std::remove(path);
    return status;
}

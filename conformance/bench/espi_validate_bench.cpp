// Benchmark: whole processes, as a user runs them, on a 13-month 15-minute feed — `gbc-conformance validate` without
// and with the in-process XSD check against `xmllint --noout --schema all.xsd`, alternating in every round.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "feed_generator.h"
#include "schema_check.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
    int days = 396;
    std::vector<int> intervals{900, 450}; // seconds between readings of the generated feeds: ~8 MB and ~16 MB
    int rounds = 7;
    std::string exe;       // gbc-conformance
    std::string schemaDir;
    std::string file;      // an existing feed instead of the generated one
    std::string write;     // write the generated feed here and exit (to profile or compare by hand)
    std::string xmllint = "xmllint";
};

Args parse(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i], v = argv[i + 1];
        if (k == "--days") a.days = std::atoi(v.c_str());
        else if (k == "--rounds") a.rounds = std::atoi(v.c_str());
        else if (k == "--interval") {
            a.intervals.clear();
            std::istringstream list(v);
            for (std::string one; std::getline(list, one, ',');)
                a.intervals.push_back(std::atoi(one.c_str()));
        }
        else if (k == "--exe") a.exe = v;
        else if (k == "--schema") a.schemaDir = v;
        else if (k == "--file") a.file = v;
        else if (k == "--write") a.write = v;
        else if (k == "--xmllint") a.xmllint = v;
    }
    return a;
}

// One run of a whole process with its output discarded: wall seconds, child CPU seconds and the exit status.
struct Run {
    double wall = 0;
    double cpu = 0;
    int status = -1;
};

double childCpu()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

Run spawnTimed(std::vector<std::string> args)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (std::string& s : args)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    Run r;
    double c0 = childCpu();
    auto t0 = Clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) {
        int st = 0;
        waitpid(pid, &st, 0);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
    }
    r.wall = std::chrono::duration<double>(Clock::now() - t0).count();
    r.cpu = childCpu() - c0;
    posix_spawn_file_actions_destroy(&fa);
    return r;
}

struct Series {
    std::string name;
    std::vector<std::string> args;
    std::vector<Run> runs;
    double median(double Run::*field) const
    {
        std::vector<double> v;
        for (const Run& r : runs)
            v.push_back(r.*field);
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[v.size() / 2];
    }
    double best() const
    {
        double b = 1e30;
        for (const Run& r : runs)
            b = std::min(b, r.wall);
        return b;
    }
};

std::string prepareFeed(const Args& a, int interval, double& mb)
{
    if (!a.file.empty()) {
        std::ifstream in(a.file, std::ios::binary | std::ios::ate);
        mb = static_cast<double>(in.tellg()) / 1e6;
        return a.file;
    }
    std::string feed = gbc::generateFeed(gbc::FeedSpec{a.days, interval});
    char path[] = "/tmp/gbc-bench-feed-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, feed.data(), feed.size()) != static_cast<ssize_t>(feed.size()))
        return {};
    close(fd);
    mb = static_cast<double>(feed.size()) / 1e6;
    return path;
}

// Times the three commands on one feed, alternating in every round, and prints medians and ratios (never fails).
void benchOne(const Args& a, const std::string& xsd, int interval)
{
    double mb = 0;
    std::string path = prepareFeed(a, interval, mb);
    if (path.empty())
        return;
    std::vector<Series> series{
        {"xmllint --noout --schema all.xsd", {a.xmllint, "--noout", "--schema", xsd, path}, {}},
        {"gbc-conformance validate --no-schema", {a.exe, "validate", path, "--no-schema"}, {}},
        {"gbc-conformance validate --schema", {a.exe, "validate", path, "--schema", a.schemaDir}, {}},
    };
    for (int i = 0; i < a.rounds; ++i) // alternate, so every tool sees the same machine noise
        for (Series& s : series)
            s.runs.push_back(spawnTimed(s.args));
    std::string what = a.file.empty() ? "generated " + std::to_string(a.days) + "-day feed, readings every " +
                                            std::to_string(interval) + " s"
                                      : a.file;
    std::printf("feed: %s, %.2f MB; %d alternating rounds of whole processes (median / best wall, median CPU)\n",
                what.c_str(), mb, a.rounds);
    for (const Series& s : series)
        std::printf("%-40s exit %d  wall %7.1f ms / %7.1f ms  cpu %7.1f ms\n", s.name.c_str(), s.runs.back().status,
                    s.median(&Run::wall) * 1e3, s.best() * 1e3, s.median(&Run::cpu) * 1e3);
    double lint = series[0].median(&Run::wall), plain = series[1].median(&Run::wall),
           full = series[2].median(&Run::wall);
    std::printf("without XSD: %.2fx faster than xmllint --schema (target >= 3x) %s\n", lint / plain,
                lint / plain >= 3 ? "met" : "NOT met");
    std::printf("with in-process XSD + every semantic check: %.2fx the time of xmllint --schema (target <= 1.3x) %s\n",
                full / lint, full / lint <= 1.3 ? "met" : "NOT met");
    std::printf("by CPU: without XSD %.2fx less CPU than xmllint; with XSD %.2fx xmllint's CPU\n\n",
                series[0].median(&Run::cpu) / series[1].median(&Run::cpu),
                series[2].median(&Run::cpu) / series[0].median(&Run::cpu));
    if (a.file.empty())
        std::remove(path.c_str());
}

} // namespace

int main(int argc, char** argv)
{
    Args a = parse(argc, argv);
    auto xsd = gbc::resolveSchemaFile(a.schemaDir);
    if (a.exe.empty() || !xsd || a.intervals.empty()) {
        std::printf("usage: espi_validate_bench --exe gbc-conformance --schema DIR [--file FEED | --days N] "
                    "[--interval S[,S...]] [--rounds N] [--write FEED.xml]\n");
        return 2;
    }
    if (!a.write.empty()) {
        std::ofstream(a.write, std::ios::binary) << gbc::generateFeed(gbc::FeedSpec{a.days, a.intervals.front()});
        return 0;
    }
    if (!a.file.empty())
        benchOne(a, *xsd, 0);
    else
        for (int interval : a.intervals)
            benchOne(a, *xsd, interval);
    return 0; // figures only: timing on a shared machine is never a test failure
}

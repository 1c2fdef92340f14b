// Measurement helpers shared by the simulator benchmarks: process CPU time, resident set size, percentiles.
#pragma once

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace gbc::bench {

// CPU seconds used by this process (all threads): robust against other load on a shared machine.
inline double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Resident set size; with `trim`, after handing freed heap back to the OS (glibc keeps freed 16 MB buffers
// in per-thread arenas, which is retention, not growth).
inline long rssKiB(bool trim = false)
{
    if (trim)
        malloc_trim(0);
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return -1;
}

// The p-quantile (0..1) of `v` (nearest rank).
inline double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

} // namespace gbc::bench

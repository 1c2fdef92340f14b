// Process start-up tuning for large inputs: malloc on transparent huge pages (glibc tunable), set by re-executing.
#pragma once

#include <string>
#include <vector>

namespace gbc {

// When the files named in `files` total at least `minBytes` and malloc does not use huge pages yet, re-executes
// /proc/self/exe with `argv` and GLIBC_TUNABLES=glibc.malloc.hugetlb=1 added. glibc reads its tunables only at
// start-up; with transparent huge pages (madvise mode) parsing a 16 MB feed takes ~4000 page faults instead of
// ~28000 (0.48 s → 0.18 s wall). Returns only when it did not re-execute (small input, already tuned, the variable
// GBC_NO_HUGEPAGES set, or exec failed).
void relaunchWithHugePagesIfLarge(const std::vector<std::string>& argv, const std::vector<std::string>& files,
                                  unsigned long long minBytes = 4ull << 20);

} // namespace gbc

// relaunchWithHugePagesIfLarge: stat the inputs, then execv with the glibc tunable that puts malloc on huge pages.
#include "huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace gbc {

void relaunchWithHugePagesIfLarge(const std::vector<std::string>& argv, const std::vector<std::string>& files,
                                  unsigned long long minBytes)
{
    constexpr const char* kTunable = "glibc.malloc.hugetlb=1";
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    std::string current = tunables ? tunables : "";
    if (std::getenv("GBC_NO_HUGEPAGES") || current.find("glibc.malloc.hugetlb") != std::string::npos)
        return;
    unsigned long long total = 0;
    for (const std::string& f : files) {
        std::error_code ec;
        auto size = std::filesystem::file_size(f, ec);
        total += ec ? 0 : size;
    }
    if (total < minBytes)
        return;
    std::string value = current.empty() ? kTunable : current + ":" + kTunable;
    if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0)
        return;
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv("/proc/self/exe", args.data());
    if (tunables) // exec failed: leave the environment as it was
        setenv("GLIBC_TUNABLES", tunables, 1);
    else
        unsetenv("GLIBC_TUNABLES");
}

} // namespace gbc

// Memory tuning for large inputs: transparent huge pages for the big buffers of one parse (madvise), in-process.
#pragma once

#include <cstddef>

namespace gbc {

// Buffers at least this large (bytes) get huge pages; smaller ones are left to malloc as they are.
inline constexpr std::size_t kHugePagesFrom = std::size_t{4} << 20;

// Asks the kernel for transparent huge pages over the whole 2 MB pages inside [p, p + bytes) (MADV_HUGEPAGE), so
// that first touching them costs one page fault per 2 MB instead of 512 (a 16 MB feed: ~4000 faults instead of
// ~28000). Call it before the memory is first written. A no-op below kHugePagesFrom, when the environment variable
// GBC_NO_HUGEPAGES is set, or when the kernel refuses.
void adviseHugePages(void* p, std::size_t bytes);

// While alive, pugixml's allocations made on this thread come from one arena of `bytes` with huge pages advised
// (malloc again once it is full); the arena is unmapped when the last allocation from it is freed after the scope
// ended. Below kHugePagesFrom (or with GBC_NO_HUGEPAGES) it does nothing. Scopes do not nest.
class HugePageArenaScope {
public:
    explicit HugePageArenaScope(std::size_t bytes);
    ~HugePageArenaScope();
    HugePageArenaScope(const HugePageArenaScope&) = delete;
    HugePageArenaScope& operator=(const HugePageArenaScope&) = delete;

private:
    void* arena_ = nullptr;
};

} // namespace gbc

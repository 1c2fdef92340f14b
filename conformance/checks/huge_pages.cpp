// Huge pages without re-executing: madvise on big buffers, and a huge-page arena behind pugixml's allocator.
#include "huge_pages.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

#include <pugixml.hpp>

namespace gbc {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

bool hugePagesWanted(std::size_t bytes)
{
    static const bool off = std::getenv("GBC_NO_HUGEPAGES") != nullptr;
    return !off && bytes >= kHugePagesFrom;
}

// One mapping that pugixml allocates from; `live` counts allocations not yet freed.
struct Arena {
    char* map = nullptr;
    std::size_t mapSize = 0;
    char* base = nullptr;
    std::size_t size = 0, used = 0, live = 0;
    bool open = true; // its scope is still alive
};

// Never destroyed: pugixml documents may be freed during static destruction.
std::mutex& arenaMutex()
{
    static auto* m = new std::mutex;
    return *m;
}

std::vector<Arena*>& arenas()
{
    static auto* all = new std::vector<Arena*>;
    return *all;
}

thread_local Arena* tActive = nullptr;

// Under arenaMutex(): unmaps `a` once its scope ended and nothing allocated from it is alive.
void releaseIfDone(Arena* a)
{
    if (a->open || a->live > 0)
        return;
    std::vector<Arena*>& all = arenas();
    all.erase(std::remove(all.begin(), all.end(), a), all.end());
    munmap(a->map, a->mapSize);
    delete a;
}

void* arenaAllocate(std::size_t n)
{
    if (Arena* a = tActive) {
        const std::size_t need = (n + 15) & ~std::size_t{15};
        std::lock_guard<std::mutex> lock(arenaMutex());
        if (a->size - a->used >= need) {
            void* p = a->base + a->used;
            a->used += need;
            ++a->live;
            return p;
        }
    }
    return std::malloc(n);
}

// Memory from an arena is given back with it; everything else came from malloc (pugixml's own default too).
void arenaDeallocate(void* p)
{
    {
        std::lock_guard<std::mutex> lock(arenaMutex());
        for (Arena* a : arenas())
            if (static_cast<char*>(p) >= a->base && static_cast<char*>(p) < a->base + a->size) {
                --a->live;
                releaseIfDone(a);
                return;
            }
    }
    std::free(p);
}

// Installed before main (no thread runs yet): pugixml's defaults are malloc/free, so memory it allocated before
// is still freed correctly by arenaDeallocate.
const bool kInstalled = (pugi::set_memory_management_functions(arenaAllocate, arenaDeallocate), true);

} // namespace

void adviseHugePages(void* p, std::size_t bytes)
{
    if (!p || !hugePagesWanted(bytes))
        return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kHugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

HugePageArenaScope::HugePageArenaScope(std::size_t bytes)
{
    if (!kInstalled || tActive || !hugePagesWanted(bytes))
        return;
    const std::size_t size = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    void* map = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
    if (map == MAP_FAILED)
        return;
    auto* a = new Arena;
    a->map = static_cast<char*>(map);
    a->mapSize = size + kHugePage;
    a->base = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(map) + kHugePage - 1) & ~(kHugePage - 1));
    a->size = size;
    madvise(a->base, a->size, MADV_HUGEPAGE);
    {
        std::lock_guard<std::mutex> lock(arenaMutex());
        arenas().push_back(a);
    }
    tActive = a;
    arena_ = a;
}

HugePageArenaScope::~HugePageArenaScope()
{
    if (!arena_)
        return;
    tActive = nullptr;
    std::lock_guard<std::mutex> lock(arenaMutex());
    auto* a = static_cast<Arena*>(arena_);
    a->open = false;
    releaseIfDone(a);
}

} // namespace gbc

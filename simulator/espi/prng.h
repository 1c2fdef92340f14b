// Deterministic, keyed pseudo-random numbers: any (seed, customer, service, day) can be drawn independently.
#pragma once

#include <cstdint>
#include <string_view>

namespace gbc {

// FNV-1a 64-bit: a stable hash of a string (customer ids, names) for use as a PRNG key part.
constexpr std::uint64_t fnv1a64(std::string_view s)
{
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}

// SplitMix64 finaliser: mixes one 64-bit word into a well-distributed one.
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

// A small counter-based generator seeded from a combination of key parts.
class KeyedRng {
public:
    explicit KeyedRng(std::uint64_t key) : state_(mix64(key)) {}
    KeyedRng(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d)
        : state_(mix64(mix64(mix64(mix64(a) ^ b) ^ c) ^ d))
    {
    }

    std::uint64_t next()
    {
        state_ += 0x9e3779b97f4a7c15ull;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // Uniform integer in [lo, hi] (hi - lo small; modulo bias is irrelevant for load shapes).
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }

private:
    std::uint64_t state_;
};

} // namespace gbc

// Resolves the ESPI link graph for interval data: IntervalBlock → MeterReading → ReadingType / UsagePoint → LocalTimeParameters.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "espi_document.h"

namespace gbc {

inline constexpr std::uint32_t kNoEntry = 0xFFFFFFFFu;

// Entry indices (into EspiDocument::entries()) reachable from one IntervalBlock; kNoEntry when not resolvable.
struct BlockLinks {
    std::uint32_t meterReading = kNoEntry;
    std::uint32_t readingType = kNoEntry;
    std::uint32_t usagePoint = kNoEntry;
    std::uint32_t localTime = kNoEntry;
};

// One BlockLinks per EspiDocument::blocks() element. When the graph does not resolve and the document holds exactly
// one ReadingType (or LocalTimeParameters), that one is used.
std::vector<BlockLinks> resolveBlockLinks(const EspiDocument& doc);

// The related hrefs of every entry of `kind`, as a set.
std::unordered_set<std::string_view> relatedHrefsOf(const EspiDocument& doc, ResourceKind kind);
// The self hrefs of every entry of `kind`, as a set.
std::unordered_set<std::string_view> selfHrefsOf(const EspiDocument& doc, ResourceKind kind);
// True when the document is a feed, so link targets can be looked up in it.
bool linksResolvable(const EspiDocument& doc);

} // namespace gbc

// Resolves the ESPI link graph for interval data: IntervalBlock → MeterReading → ReadingType / UsagePoint → LocalTimeParameters.
#pragma once

#include <cstdint>
#include <optional>
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

// How a block's readings relate to time, by its ReadingType's accumulationBehaviour (espi.xsd AccumulationKind):
// - Interval: deltaData (4) and summation (9) — each reading is the quantity over [start, start + duration), so
//   durations are positive and readings follow each other without gaps;
// - Snapshot: bulkQuantity (1), continuousCumulative (2), cumulative (3), indicating (6), instantaneous (12),
//   latchingQuantity (13), boundedQuantity (14) — a register value or measurement taken at an instant: a zero
//   duration is legal and the spacing between readings is the sampling rate, not a gap.
// Other codes (0, 10, unlisted), no accumulationBehaviour and an unresolvable ReadingType keep the Interval rules.
enum class ReadingNature : std::uint8_t { Interval, Snapshot };
ReadingNature readingNatureOf(std::optional<std::int64_t> accumulationBehaviour);
// One ReadingNature per EspiDocument::blocks() element, from resolveBlockLinks.
std::vector<ReadingNature> blockNatures(const EspiDocument& doc);
std::vector<ReadingNature> blockNatures(const EspiDocument& doc, const std::vector<BlockLinks>& links);

// The related hrefs of every entry of `kind`, as a set.
std::unordered_set<std::string_view> relatedHrefsOf(const EspiDocument& doc, ResourceKind kind);
// The self hrefs of every entry of `kind`, as a set.
std::unordered_set<std::string_view> selfHrefsOf(const EspiDocument& doc, ResourceKind kind);
// True when the document is a feed, so link targets can be looked up in it.
bool linksResolvable(const EspiDocument& doc);

} // namespace gbc

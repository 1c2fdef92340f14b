// A small namespace-agnostic reader of Atom/ESPI feeds for the runner: entries, links, interval blocks, readings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report.h"

namespace gbc {

struct FeedLink {
    std::string rel, href;
};

struct FeedBlock {
    std::int64_t start = 0;
    std::int64_t duration = 0;
    std::vector<std::pair<std::int64_t, double>> readings; // (start, value)
};

struct FeedEntry {
    std::string id;
    std::string kind; // local name of the resource inside <content>, e.g. "UsagePoint"
    std::vector<FeedLink> links;
    std::vector<FeedBlock> blocks;   // IntervalBlock entries
    int powerOfTenMultiplier = 0;    // ReadingType entries
    int uom = -1;                    // ReadingType entries
    std::string text;                // text of selected leaf fields, e.g. "currentStatus=1;token_type=Bearer"

    std::string link(const std::string& rel) const; // first href with this rel, "" when absent
};

struct AtomFeed {
    bool wellFormed = false;
    std::string parseError;
    std::string rootName; // "feed", "entry", or a bare ESPI resource name
    std::vector<FeedEntry> entries;

    std::vector<const FeedEntry*> ofKind(const std::string& kind) const;
};

AtomFeed parseAtomFeed(const std::string& xml);

// The last path segment of a URL (query stripped): ".../Subscription/5" -> "5".
std::string lastSegment(const std::string& url);

// Interval readings of the first MeterReading that has blocks in `xml`, scaled by the ReadingType multiplier,
// at most `maxPoints` points (evenly thinned). Empty when the feed holds no interval data.
Series intervalSeries(const std::string& xml, const std::string& variant, std::size_t maxPoints = 600);

} // namespace gbc

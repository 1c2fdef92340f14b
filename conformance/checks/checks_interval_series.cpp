// IntervalBlock checks across the blocks of one MeterReading (blocks grouped by their up href): unique reading
// and block starts, no overlapping blocks, daily blocks that follow the local calendar across DST changes.
#include <algorithm>
#include <unordered_map>
#include <optional>
#include <unordered_set>
#include <utility>

#include "check_families.h"
#include "check_support.h"
#include "espi_links.h"
#include "espi_values.h"

namespace gbc {

namespace {

// Block indices grouped by MeterReading: blocks whose entries share an up href belong together; a block whose
// entry has no up link forms a group with the other blocks of its own entry.
std::vector<std::vector<std::uint32_t>> groupBlocks(const EspiDocument& doc)
{
    std::vector<std::vector<std::uint32_t>> groups;
    std::unordered_map<std::string_view, std::size_t> byUp;
    std::unordered_map<std::uint32_t, std::size_t> byEntry;
    for (std::uint32_t i = 0; i < doc.blocks().size(); ++i) {
        const AtomEntry& e = doc.entries()[doc.blocks()[i].entry];
        std::size_t g = e.upCount > 0 ? byUp.emplace(e.up, groups.size()).first->second
                                      : byEntry.emplace(e.number, groups.size()).first->second;
        if (g == groups.size())
            groups.emplace_back();
        groups[g].push_back(i);
    }
    return groups;
}

struct Timed {
    std::int64_t start;
    std::int64_t end;
    std::uint32_t element; // an element id, or a block index where the function says so
};

void sortByStart(std::vector<Timed>& v)
{
    std::stable_sort(v.begin(), v.end(), [](const Timed& a, const Timed& b) { return a.start < b.start; });
}

// GBA D145: no two IntervalReadings of one MeterReading share a start time. (Readings of a block that repeats
// another block's start are left to ESPI-D146, so one defect is reported once.)
CheckOutput checkD145(const CheckContext& c)
{
    CheckOutput out;
    std::vector<Timed> starts;
    for (const auto& group : groupBlocks(c.doc)) {
        starts.clear();
        std::unordered_set<std::int64_t> blockStarts;
        for (std::uint32_t b : group) {
            const BlockData& bd = c.doc.blocks()[b];
            if (bd.hasStart && !blockStarts.insert(bd.start).second)
                continue;
            for (const ReadingData& r : c.doc.readings(bd))
                if (r.hasStart)
                    starts.push_back({r.start, r.start, r.element});
        }
        sortByStart(starts);
        for (std::size_t i = 1; i < starts.size(); ++i)
            if (starts[i].start == starts[i - 1].start)
                out.fail(starts[i].element, "another reading of this MeterReading already starts at " +
                         std::to_string(starts[i].start), "unique reading starts", "duplicate start");
    }
    return out;
}

// GBA D146: no two IntervalBlocks of one MeterReading share a start time.
CheckOutput checkD146(const CheckContext& c)
{
    CheckOutput out;
    std::vector<Timed> starts;
    for (const auto& group : groupBlocks(c.doc)) {
        starts.clear();
        for (std::uint32_t b : group)
            if (c.doc.blocks()[b].hasStart)
                starts.push_back({c.doc.blocks()[b].start, 0, c.doc.blocks()[b].element});
        sortByStart(starts);
        for (std::size_t i = 1; i < starts.size(); ++i)
            if (starts[i].start == starts[i - 1].start)
                out.fail(starts[i].element, "another IntervalBlock of this MeterReading already starts at " +
                         std::to_string(starts[i].start), "unique block starts", "duplicate start");
    }
    return out;
}

// [first reading start, last reading end) of a block; {0, 0} when it has no timed reading.
std::pair<std::int64_t, std::int64_t> readingSpan(const EspiDocument& doc, const BlockData& b)
{
    std::int64_t lo = 0, hi = 0;
    bool any = false;
    for (const ReadingData& r : doc.readings(b))
        if (r.hasStart && r.hasDuration) {
            lo = any ? std::min(lo, r.start) : r.start;
            hi = any ? std::max(hi, r.start + r.duration) : r.start + r.duration;
            any = true;
        }
    return {lo, hi};
}

// Reference check list §18: the IntervalBlocks of one MeterReading do not overlap in time. The message tells a
// block whose declared interval alone overlaps (its readings contiguous and unique: the metadata is off, e.g.
// 24 h declared on a 23 h DST day) from blocks whose readings overlap too (data counted twice).
CheckOutput checkBlocksDisjoint(const CheckContext& c)
{
    CheckOutput out;
    std::vector<Timed> spans;
    for (const auto& group : groupBlocks(c.doc)) {
        spans.clear();
        for (std::uint32_t b : group) {
            const BlockData& bd = c.doc.blocks()[b];
            if (bd.hasStart && bd.hasDuration)
                spans.push_back({bd.start, bd.start + bd.duration, b});
        }
        sortByStart(spans);
        std::int64_t reach = 0, readingsReach = 0;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const BlockData& bd = c.doc.blocks()[spans[i].element];
            auto [first, last] = readingSpan(c.doc, bd);
            if (i > 0 && spans[i].start != spans[i - 1].start && spans[i].start < reach) {
                bool readingsOverlap = first < readingsReach;
                out.fail(bd.element, readingsOverlap
                             ? "IntervalBlock overlaps an earlier block of the same MeterReading, and so do their "
                               "readings (data counted twice)"
                             : "IntervalBlock's declared interval overlaps an earlier block of the same MeterReading "
                               "while the readings are contiguous and unique: the earlier block's interval "
                               "metadata is off",
                         "start >= " + std::to_string(reach), std::to_string(spans[i].start));
            }
            reach = i == 0 ? spans[i].end : std::max(reach, spans[i].end);
            readingsReach = i == 0 ? last : std::max(readingsReach, last);
        }
    }
    return out;
}

bool isDaily(std::int64_t duration) { return duration == 82800 || duration == 86400 || duration == 90000; }

// GBA DST guidance: a daily block spans one local day as LocalTimeParameters define it, so it starts at local
// midnight and lasts 23 h on the spring-forward day and 25 h on the fall-back day.
CheckOutput checkDstDays(const CheckContext& c)
{
    CheckOutput out;
    std::vector<BlockLinks> links = resolveBlockLinks(c.doc);
    for (std::size_t i = 0; i < links.size(); ++i) {
        const BlockData& b = c.doc.blocks()[i];
        if (!b.hasStart || !b.hasDuration || !isDaily(b.duration) || links[i].localTime == kNoEntry)
            continue;
        auto tz = localTimeRules(c.doc, c.doc.entries()[links[i].localTime].resource);
        if (!tz)
            continue;
        EpochSeconds dayStart = localDayStart(*tz, b.start);
        EpochSeconds next = nextLocalDayStart(*tz, dayStart);
        if (dayStart != b.start)
            out.fail(b.interval, "daily block does not start at local midnight", std::to_string(dayStart),
                     std::to_string(b.start));
        else if (next - dayStart != b.duration)
            out.fail(b.interval, "daily block does not last one local day (DST change)",
                     std::to_string(next - dayStart) + " s", std::to_string(b.duration) + " s");
    }
    return out;
}

// The whole-day block on a DST-change day (23 h or 25 h local day) with LocalTimeParameters, as the local day's
// length; nullopt for other blocks.
std::optional<std::int64_t> dstDayLength(const CheckContext& c, const BlockData& b, const BlockLinks& links)
{
    if (!b.hasStart || !b.hasDuration || !isDaily(b.duration) || links.localTime == kNoEntry)
        return std::nullopt;
    auto tz = localTimeRules(c.doc, c.doc.entries()[links.localTime].resource);
    if (!tz)
        return std::nullopt;
    EpochSeconds dayStart = localDayStart(*tz, b.start);
    EpochSeconds length = nextLocalDayStart(*tz, dayStart) - dayStart;
    if (dayStart != b.start || length == 86400)
        return std::nullopt;
    return length;
}

// GBA DST guidance, NAESB REQ.21 IntervalBlock: a daily block of interval data on a DST-change day holds the
// readings of its local day — 23 h on the spring-forward day, 25 h on the fall-back day. A block that follows a
// wrong declared duration (readings filling exactly 24 h) loses the repeated hour or counts an hour of the next
// day twice. (Declared metadata alone being off, readings right, is ESPI-IB-DSTDAY / ESPI-IB-OVERLAP.)
CheckOutput checkDstReadingCount(const CheckContext& c)
{
    CheckOutput out;
    std::vector<BlockLinks> links = resolveBlockLinks(c.doc);
    std::vector<ReadingNature> natures = blockNatures(c.doc, links);
    for (std::size_t i = 0; i < links.size(); ++i) {
        const BlockData& b = c.doc.blocks()[i];
        if (natures[i] != ReadingNature::Interval)
            continue;
        std::int64_t day = dstDayLength(c, b, links[i]).value_or(0);
        auto [first, last] = readingSpan(c.doc, b);
        if (day == 0 || first != b.start || last - first != b.duration || b.duration == day)
            continue;
        std::int64_t diff = b.duration - day;
        out.fail(b.interval, diff > 0 ? "readings of the DST-day block run " + std::to_string(diff) +
                                            " s past the local day: an hour of the next day is counted twice"
                                      : "readings of the DST-day block stop " + std::to_string(-diff) +
                                            " s before the local day ends: the repeated hour is lost",
                 std::to_string(day) + " s of readings", std::to_string(b.duration) + " s");
    }
    return out;
}

} // namespace

std::vector<CheckDef> intervalSeriesChecks()
{
    const char* f = "interval-block";
    return {
        makeCheck("ESPI-D145", "GBA D145", Level::Must,
                  "IntervalReading starts MUST be unique within a MeterReading.", f, checkD145),
        makeCheck("ESPI-D146", "GBA D146", Level::Must,
                  "IntervalBlock starts MUST be unique within a MeterReading.", f, checkD146),
        makeCheck("ESPI-IB-OVERLAP", "GBA FB_04", Level::Must,
                  "IntervalBlocks of one MeterReading MUST NOT overlap.", f, checkBlocksDisjoint),
        makeCheck("ESPI-IB-DSTCOUNT", "GBA daylight-saving-time guidance; NAESB REQ.21 IntervalBlock", Level::Must,
                  "A daily block of interval data on a DST-change day MUST hold readings for exactly its local day "
                  "(23 h / 25 h): none lost, none counted twice.",
                  f, checkDstReadingCount),
        makeCheck("ESPI-IB-DSTDAY", "GBA daylight-saving-time guidance", Level::Should,
                  "A daily block SHOULD span one local day (23 h / 25 h on DST changes) per LocalTimeParameters.",
                  f, checkDstDays),
    };
}

} // namespace gbc

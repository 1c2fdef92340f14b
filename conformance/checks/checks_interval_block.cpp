// IntervalBlock checks that look at one block at a time: structure, first reading, order, contiguity, bounds,
// zero blocks and quality codes.
#include <algorithm>

#include "check_families.h"
#include "check_support.h"
#include "espi_links.h"
#include "espi_values.h"

namespace gbc {

namespace {

std::string blockLabel(const EspiDocument& doc, const BlockData& b)
{
    return "IntervalBlock in " + entryLabel(doc.entries()[b.entry]);
}

// NAESB REQ.21 IntervalBlock: a block states its interval (duration and start).
CheckOutput checkBlockInterval(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const BlockData& b : c.doc.blocks()) {
        if (b.interval == kNoElement)
            out.fail(b.element, blockLabel(c.doc, b) + " has no interval", "interval{duration,start}", "missing");
        else if (x.child(b.interval, XmlNs::Espi, "duration") == kNoElement ||
                 x.child(b.interval, XmlNs::Espi, "start") == kNoElement)
            out.fail(b.interval, blockLabel(c.doc, b) + " interval lacks duration or start",
                     "interval{duration,start}", "incomplete");
    }
    return out;
}

// NAESB REQ.21 IntervalReading: a block holds readings, each with timePeriod{duration, start} and a value; the
// duration is positive for interval data (delta, summation), while a snapshot reading (register, cumulative,
// instantaneous ... see ReadingNature) is taken at an instant and may last 0 s.
CheckOutput checkReadingFields(const CheckContext& c)
{
    CheckOutput out;
    std::vector<ReadingNature> natures = blockNatures(c.doc);
    for (std::size_t i = 0; i < c.doc.blocks().size(); ++i) {
        const BlockData& b = c.doc.blocks()[i];
        bool interval = natures[i] == ReadingNature::Interval;
        if (b.readingCount == 0)
            out.fail(b.element, blockLabel(c.doc, b) + " holds no IntervalReading", "at least 1", "0");
        for (const ReadingData& r : c.doc.readings(b)) {
            bool complete = r.startElement != kNoElement && r.durationElement != kNoElement &&
                            r.valueElement != kNoElement;
            if (!complete)
                out.fail(r.element, "IntervalReading lacks timePeriod/start, timePeriod/duration or value",
                         "timePeriod{duration,start} and value", "incomplete");
            else if (interval && r.hasDuration && r.duration == 0)
                out.fail(r.element, "IntervalReading of interval data (accumulationBehaviour 4, 9 or unstated) has a "
                         "zero duration", "> 0", "0");
        }
    }
    return out;
}

// GBA D042: the first IntervalReading starts where its IntervalBlock starts.
CheckOutput checkD042(const CheckContext& c)
{
    CheckOutput out;
    for (const BlockData& b : c.doc.blocks()) {
        auto rs = c.doc.readings(b);
        if (rs.empty() || !b.hasStart || !rs.front().hasStart || rs.front().start == b.start)
            continue;
        out.fail(rs.front().element, "the first reading of the " + blockLabel(c.doc, b) + " does not start at the "
                 "block start", std::to_string(b.start), std::to_string(rs.front().start));
    }
    return out;
}

// Reference check list §18 (GBA FB_04): readings of a block appear in increasing order of start.
CheckOutput checkReadingOrder(const CheckContext& c)
{
    CheckOutput out;
    for (const BlockData& b : c.doc.blocks()) {
        const ReadingData* prev = nullptr;
        for (const ReadingData& r : c.doc.readings(b)) {
            if (!r.hasStart)
                continue;
            if (prev && r.start < prev->start)
                out.fail(r.element, "reading starts before the reading listed ahead of it",
                         "start >= " + std::to_string(prev->start), std::to_string(r.start));
            prev = &r;
        }
    }
    return out;
}

// Reference check list §18 (GBA FB_04): readings of interval data (delta, summation) in a block are contiguous:
// each start + duration is the next start (taken in time order; duplicates are ESPI-D145's business). Snapshot
// readings (registers, instantaneous values) are samples at instants: their spacing is no gap.
CheckOutput checkContiguous(const CheckContext& c)
{
    CheckOutput out;
    std::vector<const ReadingData*> sorted;
    std::vector<ReadingNature> natures = blockNatures(c.doc);
    if (!natures.empty() && std::none_of(natures.begin(), natures.end(),
                                         [](ReadingNature n) { return n == ReadingNature::Interval; }))
        return CheckOutput::skip("every IntervalBlock holds snapshot readings (register, cumulative or instantaneous "
                                 "accumulationBehaviour): their spacing is sampling, not a gap");
    for (std::size_t i = 0; i < c.doc.blocks().size(); ++i) {
        const BlockData& b = c.doc.blocks()[i];
        if (natures[i] == ReadingNature::Snapshot)
            continue;
        sorted.clear();
        for (const ReadingData& r : c.doc.readings(b))
            if (r.hasStart && r.hasDuration)
                sorted.push_back(&r);
        auto byStart = [](const ReadingData* a, const ReadingData* z) { return a->start < z->start; };
        if (!std::is_sorted(sorted.begin(), sorted.end(), byStart))
            std::stable_sort(sorted.begin(), sorted.end(), byStart);
        for (std::size_t i = 1; i < sorted.size(); ++i) {
            const ReadingData& p = *sorted[i - 1];
            const ReadingData& n = *sorted[i];
            std::int64_t end = p.start + p.duration;
            if (n.start != p.start && n.start != end)
                out.fail(n.element, (n.start > end ? "gap of " : "overlap of ") +
                         std::to_string(n.start > end ? n.start - end : end - n.start) + " s before this reading",
                         std::to_string(end), std::to_string(n.start));
        }
    }
    return out;
}

// Reference check list §18: every reading lies inside its block's interval [start, start + duration].
CheckOutput checkWithinBlock(const CheckContext& c)
{
    CheckOutput out;
    for (const BlockData& b : c.doc.blocks()) {
        if (!b.hasStart || !b.hasDuration)
            continue;
        std::int64_t end = b.start + b.duration;
        for (const ReadingData& r : c.doc.readings(b))
            if (r.hasStart && r.hasDuration && (r.start < b.start || r.start + r.duration > end))
                out.fail(r.element, "reading lies outside its block's interval",
                         "[" + std::to_string(b.start) + ", " + std::to_string(end) + "]",
                         "[" + std::to_string(r.start) + ", " + std::to_string(r.start + r.duration) + "]");
    }
    return out;
}

// GBA platform rule (openADE 2024-06-12): a block whose readings are all zero is rejected.
CheckOutput checkNotAllZero(const CheckContext& c)
{
    CheckOutput out;
    for (const BlockData& b : c.doc.blocks()) {
        auto rs = c.doc.readings(b);
        bool anyValue = std::any_of(rs.begin(), rs.end(), [](const ReadingData& r) { return r.hasValue; });
        bool allZero = std::all_of(rs.begin(), rs.end(), [](const ReadingData& r) { return !r.hasValue || r.value == 0; });
        if (anyValue && allZero)
            out.fail(b.element, "every reading of the " + blockLabel(c.doc, b) + " is zero", "some non-zero value",
                     std::to_string(rs.size()) + " zero readings");
    }
    return out;
}

// espi.xsd QualityOfReading: each ReadingQuality/quality is a QualityOfReading value (a listed code or, the type
// being a union with UInt16, any UInt16).
CheckOutput checkQualityCodes(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const BlockData& b : c.doc.blocks())
        for (const ReadingData& r : c.doc.readings(b))
            for (std::uint32_t q = x[r.element].firstChild; q != kNoElement; q = x[q].nextSibling) {
                if (!x.is(q, XmlNs::Espi, "ReadingQuality"))
                    continue;
                std::uint32_t code = x.child(q, XmlNs::Espi, "quality");
                auto v = parseInteger(x.text(code));
                if (fitCode(qualityOfReadings(), v) == CodeFit::Invalid)
                    out.fail(code == kNoElement ? q : code, "ReadingQuality/quality is not a QualityOfReading value",
                             describeCodeBase(qualityOfReadings()) + "; listed: " + describeCodes(qualityOfReadings()),
                             quoted(x.text(code)));
            }
    return out;
}

} // namespace

std::vector<CheckDef> intervalBlockChecks()
{
    const char* f = "interval-block";
    return {
        makeCheck("ESPI-IB-INTERVAL", "NAESB REQ.21 IntervalBlock", Level::Must,
                  "An IntervalBlock MUST state interval{duration,start}.", f, checkBlockInterval),
        makeCheck("ESPI-IB-READING", "NAESB REQ.21 IntervalReading", Level::Must,
                  "A block MUST hold readings, each with timePeriod{duration, start} and value; duration > 0 for "
                  "interval data (not for snapshot readings such as registers).", f,
                  checkReadingFields),
        makeCheck("ESPI-D042", "GBA D042", Level::Must,
                  "The first IntervalReading MUST start at its IntervalBlock's start.", f, checkD042),
        makeCheck("ESPI-IB-ORDER", "GBA FB_04", Level::Must, "Readings MUST appear in increasing order of start.", f,
                  checkReadingOrder),
        makeCheck("ESPI-IB-CONTIGUOUS", "GBA FB_04", Level::Must,
                  "Within a block of interval data (delta, summation), each reading's start + duration MUST equal the "
                  "next reading's start.", f,
                  checkContiguous),
        makeCheck("ESPI-IB-WITHIN", "NAESB REQ.21 IntervalBlock", Level::Must,
                  "Every reading MUST lie inside its block's interval.", f, checkWithinBlock),
        makeCheck("ESPI-IB-NONZERO", "GBA platform rule (openADE 2024-06-12)", Level::Must,
                  "A block MUST NOT consist of zero readings only.", f, checkNotAllZero),
        makeCheck("ESPI-IB-QUALITY", "espi.xsd 4.0 QualityOfReading", Level::Must,
                  "ReadingQuality/quality MUST be a QualityOfReading value (listed code or UInt16).", f, checkQualityCodes),
    };
}

} // namespace gbc

// Atom entries of the usage tree (UsagePoint, MeterReading, ReadingType, LocalTimeParameters, IntervalBlock,
// UsageSummary, ElectricPowerQualitySummary) with their self/up/related links, written into an AtomDocument.
#pragma once

#include "atom_writer.h"
#include "interval_blocks.h"
#include "summaries.h"
#include "usage_model.h"

namespace gbc {

// Defects of area espi-data that change generated content.
struct DataDefects {
    bool intervalGap = false;  // interval_gap: the first block of each MeterReading misses a reading
    bool wrongDstRule = false; // wrong_dst_rule
    bool historyGap = false;   // history_gap: the block holding the instant 100 days before today misses a reading
    bool missingBlock = false; // missing_block: the block holding the instant 100 days before today is left out
    bool ltpDrift = false;     // ltp_differs_outside_batch: LocalTimeParameters tzOffset one hour off in this document
    bool elementOrder = false; // element_order: UsagePoint status written before ServiceCategory (XSD sequence broken)
    bool seamHourLost = false; // dst_hour_lost_at_seam: in DST, the oldest block of a published-min feed loses an hour
};

// How an entry is written: as one entry of a feed (filtered, paged) or as the document's root entry.
enum class EntryMode { InFeed, Root };

struct UsageWriter {
    AtomDocument& doc;
    const SubscriptionPlan& plan;
    DataDefects defects;
    EntryMode mode = EntryMode::InFeed;

    void usagePoint(const ServicePlan& s);
    void meterReading(const ServicePlan& s);
    void readingType(const ServicePlan& s);
    void localTimeParameters(const ServicePlan& s);
    // `cutBefore`: readings starting earlier are left out and the block starts there (defect dst_hour_lost_at_seam).
    void intervalBlock(const ServicePlan& s, const BlockSpan& b, EpochSeconds cutBefore = 0);
    void intervalBlocks(const ServicePlan& s);
    void usageSummary(const ServicePlan& s, const MonthSummary& m);
    void usageSummaries(const ServicePlan& s);
    void powerQuality(const ServicePlan& s, const MonthSummary& m);
    void powerQualities(const ServicePlan& s);
    bool inQuery(const BlockSpan& b) const;         // the block passes the document's date filter
    EpochSeconds seamCut(const BlockSpan& oldest) const; // defect dst_hour_lost_at_seam: where the block is cut, or 0
    // Every entry of one service, in Batch order: UsagePoint, LocalTimeParameters, MeterReading, ReadingType,
    // IntervalBlocks, UsageSummaries, ElectricPowerQualitySummaries.
    void wholeService(const ServicePlan& s);
};

} // namespace gbc

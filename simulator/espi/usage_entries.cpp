// Usage-tree entries: link graph per espi.md section 2, dates (published = grant time for static resources,
// interval end for IntervalBlocks and summaries).
#include "usage_entries.h"

#include "espi_content.h"
#include "espi_paths.h"
#include "time_zone.h"

namespace gbc {

namespace {

template <typename F>
void put(UsageWriter& w, const WrittenEntry& e, F&& content)
{
    if (w.mode == EntryMode::Root)
        w.doc.rootEntry(e, content);
    else
        w.doc.entry(e, content);
}

EntryTimes fixedTimes(EpochSeconds t)
{
    EntryTimes times;
    times.published = times.updated = t;
    return times;
}

const char* kindName(ServiceKind k)
{
    switch (k) {
    case ServiceKind::Electric: return "Electric";
    case ServiceKind::Gas: return "Gas";
    case ServiceKind::Water: return "Water";
    }
    return "Service";
}

} // namespace

void UsageWriter::usagePoint(const ServicePlan& s)
{
    const std::string& sub = plan.record.uid;
    WrittenEntry e{espipath::usagePoint(sub, s.usagePointId), espipath::usagePoints(sub), "UsagePoint", false,
                std::string(kindName(s.service->kind)) + " service " + s.service->meterNumber + ", " + s.account->address,
                fixedTimes(plan.record.created), {}};
    e.related.push_back({"related", espipath::meterReadings(sub, s.usagePointId), "espi-feed/MeterReading"});
    e.related.push_back({"related", espipath::usageSummaries(sub, s.usagePointId), "espi-feed/UsageSummary"});
    if (s.service->kind == ServiceKind::Electric)
        e.related.push_back({"related", espipath::powerQualitySummaries(sub, s.usagePointId),
                             "espi-feed/ElectricPowerQualitySummary"});
    e.related.push_back({"related", espipath::localTimeParameters(s.localTimeParametersId),
                         "espi-entry/LocalTimeParameters"});
    put(*this, e, [&](XmlOut& x) { writeUsagePoint(x, s, defects.elementOrder); });
}

void UsageWriter::meterReading(const ServicePlan& s)
{
    const std::string& sub = plan.record.uid;
    WrittenEntry e{espipath::meterReading(sub, s.usagePointId, s.meterReadingId),
                espipath::meterReadings(sub, s.usagePointId), "MeterReading", false,
                s.readingType.intervalLength == 900 ? "15-minute interval data" : "Daily interval data",
                fixedTimes(plan.record.created), {}};
    e.related.push_back({"related", espipath::intervalBlocks(sub, s.usagePointId, s.meterReadingId),
                         "espi-feed/IntervalBlock"});
    e.related.push_back({"related", espipath::readingType(s.readingTypeId), "espi-entry/ReadingType"});
    put(*this, e, [](XmlOut& x) { writeMeterReading(x); });
}

void UsageWriter::readingType(const ServicePlan& s)
{
    WrittenEntry e{espipath::readingType(s.readingTypeId), "ReadingType", "ReadingType", false,
                "Reading type (" + s.readingType.unitWord + ", " + std::to_string(s.readingType.intervalLength) + " s)",
                fixedTimes(plan.record.created), {}};
    put(*this, e, [&](XmlOut& x) { writeReadingType(x, s.readingType); });
}

void UsageWriter::localTimeParameters(const ServicePlan& s)
{
    const TimeZoneRules& tz = plan.utility->timeZone;
    WrittenEntry e{espipath::localTimeParameters(s.localTimeParametersId), "LocalTimeParameters",
                "LocalTimeParameters", false, "Local time: " + tz.name, fixedTimes(plan.record.created), {}};
    TimeZoneRules written = tz;
    if (defects.ltpDrift)
        written.tzOffset += 3600;
    put(*this, e, [&](XmlOut& x) { writeLocalTimeParameters(x, written, defects.wrongDstRule); });
}

void UsageWriter::intervalBlock(const ServicePlan& s, const BlockSpan& whole, EpochSeconds cutBefore)
{
    const std::string& sub = plan.record.uid;
    const std::string coll = espipath::intervalBlocks(sub, s.usagePointId, s.meterReadingId);
    BlockSpan b = whole;
    b.start = std::max(b.start, cutBefore);
    WrittenEntry e{coll + "/" + b.id, coll, "IntervalBlock", false, "Interval block " + b.id, fixedTimes(b.end), {}};
    e.times.intervalTimed = true;
    e.times.intervalStart = b.start;
    e.times.intervalEnd = b.end;
    put(*this, e, [&](XmlOut& x) {
        thread_local std::vector<Reading> readings;
        blockReadings(plan, s, whole, readings);
        std::erase_if(readings, [&](const Reading& r) { return r.start < b.start; });
        const EpochSeconds old = plan.window.end - 100 * 86400;
        const bool historyGap = defects.historyGap && b.start <= old && b.end > old;
        if ((historyGap || (defects.intervalGap && b.start == plan.window.start)) && readings.size() > 2)
            readings.erase(readings.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(10, readings.size() / 2)));
        writeIntervalBlock(x, b, readings);
    });
}

bool UsageWriter::inQuery(const BlockSpan& b) const
{
    EntryTimes t;
    t.intervalTimed = true;
    t.intervalStart = b.start;
    t.intervalEnd = b.end;
    return passesDateFilter(doc.query(), t, false);
}

// dst_hour_lost_at_seam: while DST is in force at published-min, the DC converts it to local time with the standard
// offset, believes the document starts an hour later and drops that hour from its oldest block. Each document is
// valid alone; between two consecutive documents (published-max of one = published-min of the next) an hour is lost.
EpochSeconds UsageWriter::seamCut(const BlockSpan& oldest) const
{
    const FeedQuery& q = doc.query();
    if (!defects.seamHourLost || !q.publishedMin)
        return 0;
    const TimeZoneRules& tz = plan.utility->timeZone;
    const std::int32_t dst = utcOffsetAt(tz, *q.publishedMin) - tz.tzOffset;
    return dst > 0 && oldest.end - oldest.start > dst ? oldest.start + dst : 0;
}

void UsageWriter::intervalBlocks(const ServicePlan& s)
{
    const EpochSeconds old = plan.window.end - 100 * 86400;
    bool oldestSeen = false;
    for (const BlockSpan& b : blocksOf(plan, s)) {
        if (doc.full())
            return;
        if (defects.missingBlock && b.start <= old && b.end > old)
            continue;
        const bool oldest = !oldestSeen && inQuery(b);
        oldestSeen = oldestSeen || oldest;
        intervalBlock(s, b, oldest ? seamCut(b) : 0);
    }
}

void UsageWriter::usageSummary(const ServicePlan& s, const MonthSummary& m)
{
    const std::string coll = espipath::usageSummaries(plan.record.uid, s.usagePointId);
    WrittenEntry e{coll + "/" + m.id, coll, "UsageSummary", false, "Billing period " + m.id, fixedTimes(m.end), {}};
    put(*this, e, [&](XmlOut& x) { writeUsageSummary(x, s, m); });
}

void UsageWriter::usageSummaries(const ServicePlan& s)
{
    if (doc.full())
        return;
    for (const MonthSummary& m : monthlySummaries(plan, s))
        usageSummary(s, m);
}

void UsageWriter::powerQuality(const ServicePlan& s, const MonthSummary& m)
{
    const std::string coll = espipath::powerQualitySummaries(plan.record.uid, s.usagePointId);
    WrittenEntry e{coll + "/" + m.id, coll, "ElectricPowerQualitySummary", false, "Power quality " + m.id,
                fixedTimes(m.end), {}};
    put(*this, e, [&](XmlOut& x) { writePowerQualitySummary(x, powerQualityOf(s, m), m); });
}

void UsageWriter::powerQualities(const ServicePlan& s)
{
    if (s.service->kind != ServiceKind::Electric || doc.full())
        return;
    for (const MonthSummary& m : monthlySummaries(plan, s, false))
        powerQuality(s, m);
}

void UsageWriter::wholeService(const ServicePlan& s)
{
    usagePoint(s);
    localTimeParameters(s);
    meterReading(s);
    readingType(s);
    intervalBlocks(s);
    usageSummaries(s);
    powerQualities(s);
}

} // namespace gbc

// Usage resource bodies. The IntervalReading loop is the hot path of every Batch feed: plain appends only.
#include "espi_content.h"

#include "atom_writer.h"
#include "time_zone.h"

namespace gbc {

namespace {

void openEspi(XmlOut& x, std::string_view name)
{
    x.raw("<").raw(name).raw(" xmlns=\"").raw(kEspiNs).raw("\">");
}

void interval(XmlOut& x, std::string_view name, std::int64_t start, std::int64_t duration)
{
    x.open(name).element("duration", duration).element("start", start).close(name);
}

void summaryMeasurement(XmlOut& x, std::string_view name, const ReadingTypeSpec& rt, std::int64_t timeStamp,
                        std::int64_t value)
{
    x.open(name)
        .element("powerOfTenMultiplier", rt.powerOfTenMultiplier)
        .element("timeStamp", timeStamp)
        .element("uom", rt.uom)
        .element("value", value)
        .close(name);
}

} // namespace

void writeUsagePoint(XmlOut& x, const ServicePlan& s, bool statusFirst)
{
    openEspi(x, "UsagePoint");
    if (statusFirst)
        x.element("status", 1);
    x.open("ServiceCategory").element("kind", static_cast<int>(s.service->kind)).close("ServiceCategory");
    if (!statusFirst)
        x.element("status", 1);
    x.open("serviceDeliveryPoint")
        .element("name", s.service->meterNumber)
        .element("tariffProfile", s.service->tariff)
        .element("customerAgreement", s.account->number)
        .close("serviceDeliveryPoint");
    x.raw("</UsagePoint>");
}

void writeMeterReading(XmlOut& x)
{
    x.raw("<MeterReading xmlns=\"").raw(kEspiNs).raw("\"/>");
}

void writeReadingType(XmlOut& x, const ReadingTypeSpec& rt)
{
    openEspi(x, "ReadingType");
    x.element("accumulationBehaviour", rt.accumulationBehaviour)
        .element("commodity", rt.commodity)
        .element("currency", rt.currency)
        .element("dataQualifier", 12) // normal
        .element("defaultQuality", 0) // valid
        .element("flowDirection", rt.flowDirection)
        .element("intervalLength", rt.intervalLength)
        .element("kind", rt.kind);
    if (rt.phase >= 0)
        x.element("phase", rt.phase);
    x.element("powerOfTenMultiplier", rt.powerOfTenMultiplier).element("timeAttribute", 0).element("uom", rt.uom);
    x.raw("</ReadingType>");
}

void writeIntervalBlock(XmlOut& x, const BlockSpan& block, const std::vector<Reading>& readings)
{
    openEspi(x, "IntervalBlock");
    interval(x, "interval", block.start, block.end - block.start);
    std::string& out = x.buffer();
    for (const Reading& r : readings) {
        out.append("\n<IntervalReading><timePeriod><duration>");
        x.num(r.duration);
        out.append("</duration><start>");
        x.num(r.start);
        out.append("</start></timePeriod><value>");
        x.num(r.value);
        out.append("</value></IntervalReading>");
    }
    out.append("\n</IntervalBlock>");
}

void writeLocalTimeParameters(XmlOut& x, const TimeZoneRules& tz, bool wrongDstRule)
{
    const std::uint32_t start = wrongDstRule && tz.dstStartRule != kNoDstRule ? tz.dstStartRule & 0x0FFFFFFFu
                                                                                : tz.dstStartRule;
    openEspi(x, "LocalTimeParameters");
    x.element("dstEndRule", formatDstRule(tz.dstEndRule))
        .element("dstOffset", tz.dstOffset)
        .element("dstStartRule", formatDstRule(start))
        .element("tzOffset", tz.tzOffset);
    x.raw("</LocalTimeParameters>");
}

void writeUsageSummary(XmlOut& x, const ServicePlan& s, const MonthSummary& m)
{
    const ReadingTypeSpec& rt = s.readingType;
    openEspi(x, "UsageSummary");
    interval(x, "billingPeriod", m.start, m.end - m.start);
    x.element("billLastPeriod", m.bill())
        .element("billToDate", m.bill())
        .element("costAdditionalLastPeriod", m.fixedCharge)
        .element("currency", rt.currency);
    summaryMeasurement(x, "overallConsumptionLastPeriod", rt, m.end, m.consumption);
    summaryMeasurement(x, "currentBillingPeriodOverAllConsumption", rt, m.end, m.consumption);
    x.element("qualityOfReading", 0)
        .element("statusTimeStamp", m.end)
        .element("commodity", rt.commodity)
        .element("tariffProfile", s.service->tariff);
    x.raw("</UsageSummary>");
}

void writePowerQualitySummary(XmlOut& x, const PowerQuality& q, const MonthSummary& m)
{
    openEspi(x, "ElectricPowerQualitySummary");
    x.element("flickerPlt", q.flickerPlt)
        .element("flickerPst", q.flickerPst)
        .element("harmonicVoltage", q.harmonicVoltage)
        .element("longInterruptions", q.longInterruptions)
        .element("mainsVoltage", q.mainsVoltage)
        .element("measurementProtocol", q.measurementProtocol)
        .element("powerFrequency", q.powerFrequency)
        .element("rapidVoltageChanges", q.rapidVoltageChanges)
        .element("shortInterruptions", q.shortInterruptions);
    interval(x, "summaryInterval", m.start, m.end - m.start);
    x.element("supplyVoltageDips", q.supplyVoltageDips)
        .element("supplyVoltageImbalance", q.supplyVoltageImbalance)
        .element("supplyVoltageVariations", q.supplyVoltageVariations)
        .element("tempOvervoltage", q.tempOvervoltage);
    x.raw("</ElectricPowerQualitySummary>");
}

std::string serviceStatusDocument()
{
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServiceStatus xmlns=\"";
    out.append(kEspiNs);
    out.append("\"><currentStatus>1</currentStatus></ServiceStatus>\n");
    return out;
}

} // namespace gbc

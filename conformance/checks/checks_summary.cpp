// UsageSummary (statusTimeStamp, FB 15/16/27/28 fields, codes, Int48 costs) and ElectricPowerQualitySummary.
#include <array>

#include "check_families.h"
#include "check_support.h"
#include "espi_values.h"

namespace gbc {

namespace {

// Applies `need` (field names) to every entry of `kind`; when none exists, a usage feed claiming `fb` fails.
template <std::size_t N>
CheckOutput requireFields(const CheckContext& c, ResourceKind kind, int fb, const std::array<std::string_view, N>& need)
{
    CheckOutput out;
    if (c.doc.entriesOf(kind).empty()) {
        if (c.doc.shape() != DocumentShape::Feed || !hasUsageData(c.doc))
            return CheckOutput::skip(std::string("the document holds no ") + toString(kind));
        out.fail(c.doc.xml().root(), "FB " + std::to_string(fb) + " is claimed but the feed has no " + toString(kind),
                 std::string("at least one ") + toString(kind) + " entry", "none");
        return out;
    }
    for (const AtomEntry& e : EntriesOf(c.doc, kind))
        for (std::string_view f : need)
            if (c.doc.field(e.resource, f) == kNoElement)
                out.fail(e.resource, entryLabel(e) + " lacks " + std::string(f) + " (FB " + std::to_string(fb) + ")",
                         std::string(f) + " present", "missing");
    return out;
}

// espi.xsd UsageSummary: statusTimeStamp is the one required field.
CheckOutput checkStatusTimeStamp(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::UsageSummary))
        if (c.doc.field(e.resource, "statusTimeStamp") == kNoElement)
            out.fail(e.resource, entryLabel(e) + " lacks statusTimeStamp", "statusTimeStamp present", "missing");
    return out;
}

// GBA FB_15 (D081-D102): billingPeriod, overallConsumptionLastPeriod, a complete
// currentBillingPeriodOverAllConsumption (powerOfTenMultiplier, timeStamp, uom, value) and qualityOfReading.
CheckOutput checkFb15(const CheckContext& c)
{
    static constexpr std::array<std::string_view, 4> need{"billingPeriod", "overallConsumptionLastPeriod",
                                                          "currentBillingPeriodOverAllConsumption", "qualityOfReading"};
    CheckOutput out = requireFields(c, ResourceKind::UsageSummary, 15, need);
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::UsageSummary)) {
        std::uint32_t m = c.doc.field(e.resource, "currentBillingPeriodOverAllConsumption");
        for (const char* part : {"powerOfTenMultiplier", "timeStamp", "uom", "value"})
            if (m != kNoElement && c.doc.field(m, part) == kNoElement)
                out.fail(m, entryLabel(e) + " currentBillingPeriodOverAllConsumption lacks " + part, "present",
                         "missing");
    }
    return out;
}

// GBA FB_16: a summary with cost also states billLastPeriod, costAdditionalLastPeriod and currency.
CheckOutput checkFb16(const CheckContext& c)
{
    static constexpr std::array<std::string_view, 3> need{"billLastPeriod", "costAdditionalLastPeriod", "currency"};
    return requireFields(c, ResourceKind::UsageSummary, 16, need);
}

// GBA FB_27: the summary states the current/previous day and demand measurements.
CheckOutput checkFb27(const CheckContext& c)
{
    static constexpr std::array<std::string_view, 7> need{
        "currentDayLastYearNetConsumption", "currentDayNetConsumption", "currentDayOverallConsumption", "peakDemand",
        "previousDayLastYearOverallConsumption", "previousDayNetConsumption", "previousDayOverallConsumption"};
    return requireFields(c, ResourceKind::UsageSummary, 27, need);
}

// GBA FB_28: the summary states the cost so far in the current period (billToDate).
CheckOutput checkFb28(const CheckContext& c)
{
    static constexpr std::array<std::string_view, 1> need{"billToDate"};
    return requireFields(c, ResourceKind::UsageSummary, 28, need);
}

void checkCode(const CheckContext& c, CheckOutput& out, std::uint32_t el, const std::string& what, CodeList codes)
{
    auto v = parseInteger(c.doc.xml().text(el));
    if (el != kNoElement && fitCode(codes, v) == CodeFit::Invalid)
        out.fail(el, what + " is not a value of its code type", describeCodeBase(codes) + "; listed: " +
                 describeCodes(codes), quoted(c.doc.xml().text(el)));
}

// espi.xsd enumerations: qualityOfReading, currency and commodity of a summary, and the uom and
// powerOfTenMultiplier of each of its SummaryMeasurements, are values of their code types (listed codes or, the
// types being unions, any UInt16 / Int16).
CheckOutput checkSummaryCodes(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::UsageSummary)) {
        std::string who = entryLabel(e) + " ";
        checkCode(c, out, c.doc.field(e.resource, "qualityOfReading"), who + "qualityOfReading", qualityOfReadings());
        checkCode(c, out, c.doc.field(e.resource, "currency"), who + "currency", currencies());
        checkCode(c, out, c.doc.field(e.resource, "commodity"), who + "commodity", commodityKinds());
        for (std::uint32_t m = x[e.resource].firstChild; m != kNoElement; m = x[m].nextSibling) {
            std::string name = who + std::string(x[m].local);
            checkCode(c, out, c.doc.field(m, "uom"), name + "/uom", unitSymbols());
            checkCode(c, out, c.doc.field(m, "powerOfTenMultiplier"), name + "/powerOfTenMultiplier",
                      powerOfTenMultipliers());
        }
    }
    return out;
}

void checkInt48(const CheckContext& c, CheckOutput& out, std::uint32_t el)
{
    constexpr std::int64_t limit = std::int64_t{1} << 47;
    std::string_view text = c.doc.xml().text(el);
    auto v = parseInteger(text);
    if (el != kNoElement && (!v || *v < -limit || *v >= limit))
        out.fail(el, std::string(c.doc.xml()[el].local) + " is not an Int48 amount in 1/100000 of the currency",
                 "an integer in [-2^47, 2^47)", quoted(text));
}

// espi.xsd Int48 amounts: costs and bills are whole numbers of 1/100000 currency units (no decimal point).
CheckOutput checkCostIntegers(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::UsageSummary))
        for (const char* f : {"billLastPeriod", "billToDate", "costAdditionalLastPeriod"})
            checkInt48(c, out, c.doc.field(e.resource, f));
    for (const BlockData& b : c.doc.blocks())
        for (const ReadingData& r : c.doc.readings(b))
            if (r.hasCost)
                checkInt48(c, out, r.costElement);
    return out;
}

// espi.xsd ElectricPowerQualitySummary: summaryInterval{duration,start} is required.
CheckOutput checkQualityInterval(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::PowerQualitySummary)) {
        std::uint32_t si = c.doc.field(e.resource, "summaryInterval");
        if (si == kNoElement || c.doc.field(si, "duration") == kNoElement || c.doc.field(si, "start") == kNoElement)
            out.fail(si == kNoElement ? e.resource : si, entryLabel(e) + " lacks a complete summaryInterval",
                     "summaryInterval{duration,start}", si == kNoElement ? "missing" : "incomplete");
    }
    return out;
}

// GBA FB_17: a power quality summary states all 13 quality measurements.
CheckOutput checkFb17(const CheckContext& c)
{
    static constexpr std::array<std::string_view, 13> need{
        "flickerPlt", "flickerPst", "harmonicVoltage", "longInterruptions", "mainsVoltage", "measurementProtocol",
        "powerFrequency", "rapidVoltageChanges", "shortInterruptions", "supplyVoltageDips", "supplyVoltageImbalance",
        "supplyVoltageVariations", "tempOvervoltage"};
    return requireFields(c, ResourceKind::PowerQualitySummary, 17, need);
}

} // namespace

std::vector<CheckDef> summaryChecks()
{
    const char* f = "summary";
    return {
        makeCheck("ESPI-US-STATUSTS", "espi.xsd 4.0 UsageSummary", Level::Must,
                  "A UsageSummary MUST state statusTimeStamp.", f, checkStatusTimeStamp),
        makeCheck("ESPI-US-FB15", "GBA FB_15 (D081-D102)", Level::Must,
                  "With FB 15, a UsageSummary MUST state billingPeriod, overallConsumptionLastPeriod, a complete "
                  "currentBillingPeriodOverAllConsumption and qualityOfReading.",
                  f, checkFb15, {15}),
        makeCheck("ESPI-US-FB16", "GBA FB_16", Level::Must,
                  "With FB 16, a UsageSummary MUST state billLastPeriod, costAdditionalLastPeriod and currency.", f,
                  checkFb16, {16}),
        makeCheck("ESPI-US-FB27", "GBA FB_27", Level::Must,
                  "With FB 27, a UsageSummary MUST state the current/previous day and peak demand measurements.", f,
                  checkFb27, {27}),
        makeCheck("ESPI-US-FB28", "GBA FB_28", Level::Must, "With FB 28, a UsageSummary MUST state billToDate.", f,
                  checkFb28, {28}),
        makeCheck("ESPI-US-CODES", "espi.xsd 4.0 enumerations", Level::Must,
                  "Coded UsageSummary fields and SummaryMeasurement uom/powerOfTenMultiplier MUST hold values of their "
                  "espi.xsd code types.",
                  f, checkSummaryCodes),
        makeCheck("ESPI-COST-INT48", "espi.xsd 4.0 Int48 amounts", Level::Must,
                  "Costs and bill amounts MUST be Int48 integers in 1/100000 of the currency.", f, checkCostIntegers),
        makeCheck("ESPI-PQ-INTERVAL", "espi.xsd 4.0 ElectricPowerQualitySummary", Level::Must,
                  "An ElectricPowerQualitySummary MUST state summaryInterval{duration,start}.", f,
                  checkQualityInterval),
        makeCheck("ESPI-PQ-FB17", "GBA FB_17", Level::Must,
                  "With FB 17, an ElectricPowerQualitySummary MUST state all 13 quality measurements.", f, checkFb17,
                  {17}),
    };
}

} // namespace gbc

// Demo site usage reading: local days by the utility's DST rules, one series per meter with its unit, prefixes
// ignored, merging of refetched days, and a chart with both axes.
#include <gtest/gtest.h>

#include "demo_usage.h"

using namespace gbc;

namespace {

// A Central-time utility (CST -6 h, CDT from the second Sunday of March to the first Sunday of November); one
// electric meter with two readings around local midnight of 2025-06-15 (CDT, -5 h) and one gas meter.
std::string feed(const std::string& prefix = "")
{
    const std::string p = prefix.empty() ? "" : prefix + ":";
    auto entry = [&](const std::string& self, const std::string& content, const std::string& extra = "") {
        return "<" + p + "entry><" + p + "link rel=\"self\" href=\"http://sim/DataCustodian/espi/1_1/resource/" + self +
               "\"/>" + extra + "<" + p + "title>" + self + "</" + p + "title><" + p + "content>" + content + "</" + p +
               "content></" + p + "entry>";
    };
    auto up = [&](const std::string& href) { return "<" + p + "link rel=\"up\" href=\"" + href + "\"/>"; };
    auto related = [&](const std::string& href) {
        return "<" + p + "link rel=\"related\" href=\"http://sim/DataCustodian/espi/1_1/resource/" + href + "\"/>";
    };
    const std::string ns = prefix.empty() ? " xmlns=\"http://www.w3.org/2005/Atom\"" : " xmlns:" + prefix + "=\"http://www.w3.org/2005/Atom\"";
    return "<" + p + "feed" + ns + ">" +
           entry("Subscription/S/UsagePoint/E", "<UsagePoint><ServiceCategory><kind>0</kind></ServiceCategory></UsagePoint>") +
           entry("Subscription/S/UsagePoint/G", "<UsagePoint><ServiceCategory><kind>1</kind></ServiceCategory></UsagePoint>") +
           entry("LocalTimeParameters/L", "<LocalTimeParameters><dstEndRule>B40E2000</dstEndRule><dstOffset>3600</dstOffset>"
                 "<dstStartRule>360E2000</dstStartRule><tzOffset>-21600</tzOffset></LocalTimeParameters>") +
           entry("ReadingType/RE", "<ReadingType><powerOfTenMultiplier>0</powerOfTenMultiplier><uom>72</uom></ReadingType>") +
           entry("ReadingType/RG", "<ReadingType><powerOfTenMultiplier>-3</powerOfTenMultiplier><uom>169</uom></ReadingType>") +
           entry("Subscription/S/UsagePoint/E/MeterReading/M", "<MeterReading/>", related("ReadingType/RE")) +
           entry("Subscription/S/UsagePoint/G/MeterReading/N", "<MeterReading/>", related("ReadingType/RG")) +
           // 2025-06-15T04:30Z = 23:30 CDT on the 14th; 05:30Z = 00:30 CDT on the 15th (standard time would say 14th)
           entry("Subscription/S/UsagePoint/E/MeterReading/M/IntervalBlock/1",
                 "<IntervalBlock><IntervalReading><timePeriod><duration>900</duration><start>1749961800</start></timePeriod>"
                 "<value>1000</value></IntervalReading><IntervalReading><timePeriod><duration>900</duration>"
                 "<start>1749965400</start></timePeriod><value>2500</value></IntervalReading></IntervalBlock>",
                 up("Subscription/S/UsagePoint/E/MeterReading/M/IntervalBlock")) +
           entry("Subscription/S/UsagePoint/G/MeterReading/N/IntervalBlock/1",
                 "<IntervalBlock><IntervalReading><timePeriod><duration>86400</duration><start>1749963600</start></timePeriod>"
                 "<value>1500</value></IntervalReading></IntervalBlock>",
                 up("Subscription/S/UsagePoint/G/MeterReading/N/IntervalBlock")) +
           "</" + p + "feed>";
}

} // namespace

// Makes sure summer readings fall on the local (daylight) day: 23:30 CDT counts for the 14th, 00:30 CDT for the
// 15th. Example failure: the standard offset (-6 h) putting both on the 14th, so totals differ from the feed's days.
TEST(DemoUsage, DaysFollowTheDstRules)
{
    const auto usage = readUsage(feed());
    ASSERT_TRUE(usage.ok()) << usage.error().describe();
    ASSERT_EQ(usage->size(), 2u);
    const ServiceSeries& electric = usage->at(0);
    EXPECT_EQ(electric.kind, 0);
    EXPECT_EQ(electric.unit, "kWh");
    ASSERT_EQ(electric.days.size(), 2u);
    EXPECT_EQ(electric.days[0].day, "2025-06-14");
    EXPECT_DOUBLE_EQ(electric.days[0].value, 1.0);
    EXPECT_EQ(electric.days[1].day, "2025-06-15");
    EXPECT_DOUBLE_EQ(electric.days[1].value, 2.5);
}

// Makes sure gas is its own series in its own unit (not summed into electricity, not dropped), whatever the
// namespace prefix. Example failure: only uom 72 read, the gas meter missing.
TEST(DemoUsage, OneSeriesPerMeterWithItsUnit)
{
    for (const std::string prefix : {"", "ns0"}) {
        const auto usage = readUsage(feed(prefix));
        ASSERT_TRUE(usage.ok()) << prefix;
        ASSERT_EQ(usage->size(), 2u) << prefix;
        EXPECT_EQ(usage->at(1).kind, 1);
        EXPECT_EQ(usage->at(1).unit, "therm");
        ASSERT_EQ(usage->at(1).days.size(), 1u);
        EXPECT_DOUBLE_EQ(usage->at(1).days[0].value, 1.5);
    }
    EXPECT_FALSE(readUsage("<html/>").ok());
}

// Makes sure a refetched day replaces the known value (an incremental fetch overlaps the last day) and new days
// are added in order. Example failure: the overlapping day counted twice.
TEST(DemoUsage, MergeReplacesRefetchedDays)
{
    std::vector<ServiceSeries> known = {{"E", 0, "e", "kWh", {{"2025-06-13", 1}, {"2025-06-14", 2}}}};
    mergeUsage(known, {{"E", 0, "e", "kWh", {{"2025-06-14", 5}, {"2025-06-15", 3}}}, {"G", 1, "g", "therm", {{"2025-06-15", 1}}}});
    ASSERT_EQ(known.size(), 2u);
    ASSERT_EQ(known[0].days.size(), 3u);
    EXPECT_DOUBLE_EQ(known[0].days[1].value, 5);
    EXPECT_EQ(known[0].days[2].day, "2025-06-15");
}

// Makes sure the chart has both axes with labels, dates on the x axis and the unit on the y axis.
TEST(DemoUsage, ChartHasAxes)
{
    const auto usage = readUsage(feed());
    ASSERT_TRUE(usage.ok());
    const std::string svg = usageChartSvg(usage->at(0));
    EXPECT_NE(svg.find("class=\"axis y-axis\""), std::string::npos);
    EXPECT_NE(svg.find("class=\"axis x-axis\""), std::string::npos);
    EXPECT_NE(svg.find(">kWh per day<"), std::string::npos);
    EXPECT_NE(svg.find(">2025-06-15<"), std::string::npos);
    EXPECT_NE(svg.find("data-service=\"Electricity\""), std::string::npos);
    EXPECT_NE(usageChartSvg(ServiceSeries{"X", 2, "w", "US gal", {}}).find("No data yet"), std::string::npos);
}

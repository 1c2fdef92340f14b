// Unit tests for the runner's reading of fetched ESPI documents through the validator's model: the chart series
// (interval_series.h) and lastSegment (url.h).
#include <gtest/gtest.h>

#include "interval_series.h"
#include "url.h"

using namespace gbc;

namespace {

// A feed with a ReadingType (Wh x 10^-3), two blocks of MeterReading 1 and one of 2,
// written with an `espi:` prefix to show the reading is by namespace, not by prefix.
const char* kFeed = R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="http://naesb.org/espi">
 <id>urn:uuid:00000000-0000-5000-8000-000000000001</id><title>t</title><updated>2025-01-01T00:00:00Z</updated>
 <entry><id>urn:uuid:00000000-0000-5000-8000-000000000002</id><title>rt</title>
  <content><espi:ReadingType><espi:powerOfTenMultiplier>-3</espi:powerOfTenMultiplier><espi:uom>72</espi:uom></espi:ReadingType></content></entry>
 <entry><id>urn:uuid:00000000-0000-5000-8000-000000000003</id><title>b1</title>
  <link rel="up" href="http://dc/espi/1_1/resource/Subscription/5/UsagePoint/7/MeterReading/1/IntervalBlock"/>
  <content><espi:IntervalBlock><espi:interval><espi:duration>7200</espi:duration><espi:start>1000</espi:start></espi:interval>
   <espi:IntervalReading><espi:timePeriod><espi:duration>3600</espi:duration><espi:start>1000</espi:start></espi:timePeriod><espi:value>2000</espi:value></espi:IntervalReading>
   <espi:IntervalReading><espi:timePeriod><espi:duration>3600</espi:duration><espi:start>4600</espi:start></espi:timePeriod><espi:value>3000</espi:value></espi:IntervalReading>
  </espi:IntervalBlock></content></entry>
 <entry><id>urn:uuid:00000000-0000-5000-8000-000000000004</id><title>b2</title>
  <link rel="up" href="http://dc/espi/1_1/resource/Subscription/5/UsagePoint/7/MeterReading/2/IntervalBlock"/>
  <content><espi:IntervalBlock><espi:interval><espi:duration>3600</espi:duration><espi:start>1000</espi:start></espi:interval>
   <espi:IntervalReading><espi:timePeriod><espi:duration>3600</espi:duration><espi:start>1000</espi:start></espi:timePeriod><espi:value>99</espi:value></espi:IntervalReading>
  </espi:IntervalBlock></content></entry>
 <entry><id>urn:uuid:00000000-0000-5000-8000-000000000005</id><title>b3</title>
  <link rel="up" href="http://dc/espi/1_1/resource/Subscription/5/UsagePoint/7/MeterReading/1/IntervalBlock"/>
  <content><espi:IntervalBlock><espi:interval><espi:duration>3600</espi:duration><espi:start>8200</espi:start></espi:interval>
   <espi:IntervalReading><espi:timePeriod><espi:duration>3600</espi:duration><espi:start>8200</espi:start></espi:timePeriod><espi:value>4000</espi:value></espi:IntervalReading>
  </espi:IntervalBlock></content></entry>
</feed>)";

} // namespace

// Makes sure each UsagePoint gets one series of its first MeterReading's readings only, scaled by the ReadingType's
// multiplier, with its unit and a title naming the UsagePoint, its service kind and the MeterReading.
// Example failure: readings of MeterReading 2 mixed into the chart of MeterReading 1; a raw path as the title.
TEST(IntervalSeries, FirstMeterReadingScaled)
{
    Result<EspiDocument> doc = EspiDocument::parse(kFeed);
    ASSERT_TRUE(doc.ok()) << doc.error().describe();
    const std::vector<Series> all = intervalSeries(doc.value(), "V/1");
    ASSERT_EQ(all.size(), 1u);
    const Series& s = all.front();
    EXPECT_EQ(s.variant, "V/1");
    EXPECT_EQ(s.unit, "Wh");
    EXPECT_EQ(s.title, "UsagePoint 7 — service (MeterReading 1)");
    const std::vector<std::pair<std::int64_t, double>> want{{1000, 2.0}, {4600, 3.0}, {8200, 4.0}};
    EXPECT_EQ(s.points, want);
    EXPECT_TRUE(s.dstChanges.empty());
}

// Makes sure a point budget thins evenly and a document without interval data gives no series.
// Example failure: a 13-month feed putting 38,000 points into the HTML report.
TEST(IntervalSeries, ThinnedAndEmpty)
{
    Result<EspiDocument> doc = EspiDocument::parse(kFeed);
    ASSERT_TRUE(doc.ok());
    const std::vector<std::pair<std::int64_t, double>> want{{1000, 2.0}, {8200, 4.0}};
    EXPECT_EQ(intervalSeries(doc.value(), "V", 2).front().points, want);
    Result<EspiDocument> none = EspiDocument::parse(R"(<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>)");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(intervalSeries(none.value(), "V").empty());
}

// Two UsagePoints (electric with US DST rules, gas) give two series with their kinds and units; the electric one
// marks the DST start (2024-03-10 02:00 EST = 07:00 UTC) and end (2024-11-03 02:00 EDT = 06:00 UTC) within its span.
// Example failure: the gas meter missing from the report, or DST days not marked.
TEST(IntervalSeries, OneSeriesPerUsagePointWithDst)
{
    const std::string base = "http://dc/espi/1_1/resource/Subscription/5/UsagePoint/";
    auto entry = [](const std::string& self, const std::string& up, const std::string& content) {
        return "<entry><id>urn:uuid:" + self.substr(self.size() - 3) + "</id><link rel=\"self\" href=\"" + self +
            "\"/>" + (up.empty() ? "" : "<link rel=\"up\" href=\"" + up + "\"/>") + "<content>" + content +
            "</content></entry>";
    };
    auto block = [](std::int64_t start, int value) {
        const std::string s = std::to_string(start);
        return "<IntervalBlock xmlns=\"http://naesb.org/espi\"><interval><duration>3600</duration><start>" + s +
            "</start></interval><IntervalReading><timePeriod><duration>3600</duration><start>" + s +
            "</start></timePeriod><value>" + std::to_string(value) + "</value></IntervalReading></IntervalBlock>";
    };
    const std::string feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>f</id>" +
        entry(base + "1", "", "<UsagePoint xmlns=\"http://naesb.org/espi\"><ServiceCategory><kind>0</kind>"
                              "</ServiceCategory></UsagePoint>") +
        entry(base + "2", "", "<UsagePoint xmlns=\"http://naesb.org/espi\"><ServiceCategory><kind>1</kind>"
                              "</ServiceCategory></UsagePoint>") +
        entry("http://dc/espi/1_1/resource/LocalTimeParameters/1", "",
            "<LocalTimeParameters xmlns=\"http://naesb.org/espi\"><dstEndRule>B40E2000</dstEndRule>"
            "<dstOffset>3600</dstOffset><dstStartRule>360E2000</dstStartRule><tzOffset>-18000</tzOffset>"
            "</LocalTimeParameters>") +
        entry(base + "1/MeterReading/1/IntervalBlock/1", base + "1/MeterReading/1/IntervalBlock", block(1704067200, 5)) +
        entry(base + "1/MeterReading/1/IntervalBlock/2", base + "1/MeterReading/1/IntervalBlock", block(1735603200, 6)) +
        entry(base + "2/MeterReading/9/IntervalBlock/1", base + "2/MeterReading/9/IntervalBlock", block(1704067200, 7)) +
        "</feed>";
    Result<EspiDocument> doc = EspiDocument::parse(feed);
    ASSERT_TRUE(doc.ok()) << doc.error().describe();
    const std::vector<Series> all = intervalSeries(doc.value(), "V");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].title, "UsagePoint 1 — electricity (MeterReading 1)");
    EXPECT_EQ(all[1].title, "UsagePoint 2 — gas (MeterReading 9)");
    const std::vector<std::int64_t> dst{1710054000, 1730613600};
    EXPECT_EQ(all[0].dstChanges, dst);
    EXPECT_TRUE(all[1].dstChanges.empty()); // a single reading: no span
}

// Makes sure lastSegment takes the last path segment, ignoring query, fragment and trailing slashes.
// Example failure: "Subscription/5?x=1" giving "5?x=1" as the subscription id.
TEST(IntervalSeries, LastSegment)
{
    EXPECT_EQ(lastSegment("http://dc/espi/1_1/resource/Subscription/5"), "5");
    EXPECT_EQ(lastSegment("http://dc/espi/1_1/resource/Subscription/5/?x=1#f"), "5");
    EXPECT_EQ(lastSegment("abc"), "abc");
}

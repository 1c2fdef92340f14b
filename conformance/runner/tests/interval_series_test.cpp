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

// Makes sure the series holds the first MeterReading's readings only, scaled by the ReadingType's multiplier, with
// its unit and title. Example failure: readings of MeterReading 2 mixed into the chart of MeterReading 1.
TEST(IntervalSeries, FirstMeterReadingScaled)
{
    Result<EspiDocument> doc = EspiDocument::parse(kFeed);
    ASSERT_TRUE(doc.ok()) << doc.error().describe();
    const Series s = intervalSeries(doc.value(), "V/1");
    EXPECT_EQ(s.variant, "V/1");
    EXPECT_EQ(s.unit, "Wh");
    EXPECT_EQ(s.title, "IntervalBlocks of UsagePoint/7/MeterReading/1/IntervalBlock");
    const std::vector<std::pair<std::int64_t, double>> want{{1000, 2.0}, {4600, 3.0}, {8200, 4.0}};
    EXPECT_EQ(s.points, want);
}

// Makes sure a point budget thins evenly and a document without interval data gives no points.
// Example failure: a 13-month feed putting 38,000 points into the HTML report.
TEST(IntervalSeries, ThinnedAndEmpty)
{
    Result<EspiDocument> doc = EspiDocument::parse(kFeed);
    ASSERT_TRUE(doc.ok());
    const std::vector<std::pair<std::int64_t, double>> want{{1000, 2.0}, {8200, 4.0}};
    EXPECT_EQ(intervalSeries(doc.value(), "V", 2).points, want);
    Result<EspiDocument> none = EspiDocument::parse(R"(<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>)");
    ASSERT_TRUE(none.ok());
    const Series empty = intervalSeries(none.value(), "V");
    EXPECT_TRUE(empty.points.empty());
    EXPECT_EQ(empty.unit, "value");
}

// Makes sure lastSegment takes the last path segment, ignoring query, fragment and trailing slashes.
// Example failure: "Subscription/5?x=1" giving "5?x=1" as the subscription id.
TEST(IntervalSeries, LastSegment)
{
    EXPECT_EQ(lastSegment("http://dc/espi/1_1/resource/Subscription/5"), "5");
    EXPECT_EQ(lastSegment("http://dc/espi/1_1/resource/Subscription/5/?x=1#f"), "5");
    EXPECT_EQ(lastSegment("abc"), "abc");
}

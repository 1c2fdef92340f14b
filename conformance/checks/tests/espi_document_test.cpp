// EspiDocument: shapes, entries by kind, links, interval data and the resolved link graph.
#include <gtest/gtest.h>

#include "espi_document.h"
#include "espi_links.h"
#include "test_support.h"

namespace gbc {
namespace {

EspiDocument parseFixture(const std::string& name)
{
    Result<EspiDocument> d = EspiDocument::parse(test::readBytes(test::env("GBC_FIXTURES_DIR") + "/" + name));
    EXPECT_TRUE(d) << name << ": " << (d ? "" : d.error().describe());
    return std::move(d).value();
}

// Makes sure a subscription feed is indexed: entries by kind, self lookup, links and header counts.
// Example failure: entries of the ElectricPowerQualitySummary kind are filed as unknown.
TEST(EspiDocumentTest, IndexesAFeed)
{
    EspiDocument d = parseFixture("valid_electric_feed.xml");
    EXPECT_EQ(d.shape(), DocumentShape::Feed);
    EXPECT_EQ(d.entries().size(), 8u);
    for (ResourceKind k : {ResourceKind::UsagePoint, ResourceKind::LocalTimeParameters, ResourceKind::MeterReading,
                           ResourceKind::ReadingType, ResourceKind::UsageSummary, ResourceKind::PowerQualitySummary})
        EXPECT_EQ(d.entriesOf(k).size(), 1u) << toString(k);
    EXPECT_EQ(d.entriesOf(ResourceKind::IntervalBlock).size(), 2u);
    const AtomEntry* rt = d.bySelf("https://dc.example.com/espi/1_1/resource/ReadingType/1");
    ASSERT_NE(rt, nullptr);
    EXPECT_EQ(rt->kind, ResourceKind::ReadingType);
    EXPECT_EQ(rt->up, "https://dc.example.com/espi/1_1/resource/ReadingType");
    EXPECT_EQ(d.feed().selfCount, 1u);
    EXPECT_EQ(d.links(d.entries()[0]).size(), 6u);
    EXPECT_EQ(d.bySelf("nope"), nullptr);
}

// Makes sure interval data is read into numbers: block interval, reading starts, durations, values and cost.
// Example failure: the 23-hour DST block is read with 24 readings or a wrong duration.
TEST(EspiDocumentTest, ReadsIntervalData)
{
    EspiDocument d = parseFixture("valid_electric_feed.xml");
    ASSERT_EQ(d.blocks().size(), 2u);
    const BlockData& dst = d.blocks()[1];
    EXPECT_TRUE(dst.hasStart);
    EXPECT_EQ(dst.start, 1710046800);
    EXPECT_EQ(dst.duration, 82800);
    auto rs = d.readings(dst);
    ASSERT_EQ(rs.size(), 23u);
    EXPECT_EQ(rs[1].start, 1710046800 + 3600);
    EXPECT_EQ(rs[1].value, 2001);
    EXPECT_TRUE(rs[1].hasCost);
}

// Makes sure the other shapes are told apart: a bare entry, a bare ServiceStatus, and a feed outside the Atom
// namespace. Example failure: a <feed> without xmlns is treated as Atom and its entries are checked.
TEST(EspiDocumentTest, TellsShapesApart)
{
    EXPECT_EQ(parseFixture("valid_bare_interval_block.xml").shape(), DocumentShape::Entry);
    EXPECT_EQ(parseFixture("valid_service_status.xml").shape(), DocumentShape::BareResource);
    EspiDocument other = parseFixture("invalid_ESPI-XML-ROOT_feed_without_namespace.xml");
    EXPECT_EQ(other.shape(), DocumentShape::Other);
    EXPECT_TRUE(other.entries().empty());
}

// Makes sure the v3 name ElectricPowerUsageSummary counts as a UsageSummary and that several IntervalBlocks in one
// content element are all read. Example failure: the second block of an entry is ignored.
TEST(EspiDocumentTest, AcceptsLegacyNamesAndMultipleBlocks)
{
    const char* doc = R"(<entry xmlns="http://www.w3.org/2005/Atom"><content>
      <IntervalBlock xmlns="http://naesb.org/espi"><interval><duration>7200</duration><start>0</start></interval></IntervalBlock>
      <IntervalBlock xmlns="http://naesb.org/espi"><interval><duration>7200</duration><start>7200</start></interval></IntervalBlock>
      </content></entry>)";
    auto d = EspiDocument::parse(doc);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->blocks().size(), 2u);
    EXPECT_EQ(d->blocks()[1].start, 7200);
    auto legacy = EspiDocument::parse(R"(<entry xmlns="http://www.w3.org/2005/Atom"><content>
      <ElectricPowerUsageSummary xmlns="http://naesb.org/espi"/></content></entry>)");
    ASSERT_TRUE(legacy);
    EXPECT_EQ(legacy->entries()[0].kind, ResourceKind::UsageSummary);
}

// Makes sure a start in milliseconds is not taken as a usable instant (the TIME check reports it instead).
// Example failure: a millisecond block start is compared with second-based reading starts.
TEST(EspiDocumentTest, MillisecondStartIsNotUsable)
{
    auto d = EspiDocument::parse(R"(<entry xmlns="http://www.w3.org/2005/Atom"><content>
      <IntervalBlock xmlns="http://naesb.org/espi"><interval><duration>3600</duration><start>1330578000000</start>
      </interval></IntervalBlock></content></entry>)");
    ASSERT_TRUE(d);
    EXPECT_FALSE(d->blocks()[0].hasStart);
    EXPECT_TRUE(d->blocks()[0].hasDuration);
}

// Makes sure each block reaches its MeterReading, ReadingType, UsagePoint and LocalTimeParameters through hrefs.
// Example failure: the MeterReading is matched by its self href instead of its IntervalBlock related link.
TEST(EspiLinksTest, ResolvesTheBlockGraph)
{
    EspiDocument d = parseFixture("valid_signatures_feed.xml");
    std::vector<BlockLinks> links = resolveBlockLinks(d);
    ASSERT_EQ(links.size(), 8u);
    for (std::size_t i = 0; i < links.size(); ++i) {
        ASSERT_NE(links[i].readingType, kNoEntry);
        EXPECT_EQ(d.entries()[links[i].readingType].kind, ResourceKind::ReadingType);
        EXPECT_EQ(d.entries()[links[i].meterReading].kind, ResourceKind::MeterReading);
        EXPECT_EQ(d.entries()[links[i].usagePoint].kind, ResourceKind::UsagePoint);
        EXPECT_EQ(d.entries()[links[i].localTime].kind, ResourceKind::LocalTimeParameters);
    }
    EXPECT_NE(links[0].readingType, links[1].readingType);
}

} // namespace
} // namespace gbc

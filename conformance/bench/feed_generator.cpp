// Synthetic subscription feed: deterministic ids and values, daily blocks that follow the US Eastern calendar.
#include "feed_generator.h"

#include <cstdio>

#include "time_zone.h"

namespace gbc {

namespace {

constexpr const char* kBase = "https://dc.example.com/espi/1_1/resource";
constexpr const char* kUp = "https://dc.example.com/espi/1_1/resource/Subscription/5/UsagePoint/1";

// A version-5-shaped UUID URN from a counter (the validator only reads the version nibble).
std::string id(unsigned n)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "urn:uuid:%08x-0000-5000-8000-%012x", n, n * 7919u);
    return buf;
}

void entry(std::string& out, unsigned n, const std::string& title, const std::string& self, const std::string& up,
           const std::string& related, const std::string& content)
{
    out += "<entry><id>" + id(n) + "</id><title>" + title + "</title>";
    out += "<link rel=\"self\" href=\"" + self + "\"/><link rel=\"up\" href=\"" + up + "\"/>" + related;
    out += "<content>" + content + "</content>";
    out += "<published>2025-02-01T00:00:00Z</published><updated>2025-02-01T00:00:00Z</updated></entry>\n";
}

std::string related(const std::string& href) { return "<link rel=\"related\" href=\"" + href + "\"/>"; }

void header(std::string& out)
{
    std::string mr = std::string(kUp) + "/MeterReading/1";
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
           "xmlns:espi=\"http://naesb.org/espi\">\n<id>" + id(0) + "</id><title>Generated feed</title>"
           "<updated>2025-02-01T00:00:00Z</updated><link rel=\"self\" href=\"" + std::string(kBase) +
           "/Batch/Subscription/5\"/><link rel=\"related\" href=\"https://cert.greenbuttonalliance.org/certificate/"
           "GEN-1\"/>\n";
    entry(out, 1, "Meter", kUp, std::string(kBase) + "/Subscription/5/UsagePoint",
          related(std::string(kUp) + "/MeterReading") + related(std::string(kUp) + "/UsageSummary") +
              related(std::string(kBase) + "/LocalTimeParameters/1"),
          "<espi:UsagePoint><espi:ServiceCategory><espi:kind>0</espi:kind></espi:ServiceCategory></espi:UsagePoint>");
    entry(out, 2, "US Eastern", std::string(kBase) + "/LocalTimeParameters/1", std::string(kBase) + "/LocalTimeParameters",
          "", "<espi:LocalTimeParameters><espi:dstEndRule>B40E2000</espi:dstEndRule><espi:dstOffset>3600</espi:dstOffset>"
              "<espi:dstStartRule>360E2000</espi:dstStartRule><espi:tzOffset>-18000</espi:tzOffset>"
              "</espi:LocalTimeParameters>");
    entry(out, 3, "Interval energy", mr, std::string(kUp) + "/MeterReading",
          related(mr + "/IntervalBlock") + related(std::string(kBase) + "/ReadingType/1"), "<espi:MeterReading/>");
}

void readingType(std::string& out, const FeedSpec& spec)
{
    entry(out, 4, "Wh", std::string(kBase) + "/ReadingType/1", std::string(kBase) + "/ReadingType", "",
          "<espi:ReadingType><espi:accumulationBehaviour>4</espi:accumulationBehaviour><espi:commodity>1</espi:commodity>"
          "<espi:currency>840</espi:currency><espi:dataQualifier>12</espi:dataQualifier><espi:flowDirection>1"
          "</espi:flowDirection><espi:intervalLength>" + std::to_string(spec.intervalSeconds) +
          "</espi:intervalLength><espi:kind>12</espi:kind><espi:phase>769</espi:phase><espi:powerOfTenMultiplier>0"
          "</espi:powerOfTenMultiplier><espi:timeAttribute>0</espi:timeAttribute><espi:uom>72</espi:uom>"
          "</espi:ReadingType>");
}

std::string block(std::int64_t start, std::int64_t end, const FeedSpec& spec, unsigned& seed)
{
    std::string b = "<espi:IntervalBlock><espi:interval><espi:duration>" + std::to_string(end - start) +
                    "</espi:duration><espi:start>" + std::to_string(start) + "</espi:start></espi:interval>";
    for (std::int64_t t = start; t < end; t += spec.intervalSeconds) {
        seed = seed * 1103515245u + 12345u;
        unsigned value = 50 + (seed >> 16) % 900;
        b += "<espi:IntervalReading>";
        if (spec.withCost)
            b += "<espi:cost>" + std::to_string(value * 12) + "</espi:cost>";
        b += "<espi:timePeriod><espi:duration>" + std::to_string(spec.intervalSeconds) + "</espi:duration><espi:start>" +
             std::to_string(t) + "</espi:start></espi:timePeriod><espi:value>" + std::to_string(value) +
             "</espi:value></espi:IntervalReading>";
    }
    return b + "</espi:IntervalBlock>";
}

void summary(std::string& out)
{
    entry(out, 5, "Summary", std::string(kUp) + "/UsageSummary/1", std::string(kUp) + "/UsageSummary", "",
          "<espi:UsageSummary><espi:billingPeriod><espi:duration>2678400</espi:duration><espi:start>1735707600"
          "</espi:start></espi:billingPeriod><espi:overallConsumptionLastPeriod><espi:powerOfTenMultiplier>0"
          "</espi:powerOfTenMultiplier><espi:uom>72</espi:uom><espi:value>812345</espi:value>"
          "</espi:overallConsumptionLastPeriod><espi:currentBillingPeriodOverAllConsumption><espi:powerOfTenMultiplier>0"
          "</espi:powerOfTenMultiplier><espi:timeStamp>1738386000</espi:timeStamp><espi:uom>72</espi:uom><espi:value>"
          "1234</espi:value></espi:currentBillingPeriodOverAllConsumption><espi:qualityOfReading>14"
          "</espi:qualityOfReading><espi:statusTimeStamp>1738386000</espi:statusTimeStamp></espi:UsageSummary>");
}

} // namespace

std::string generateFeed(const FeedSpec& spec)
{
    TimeZoneRules eastern{"America/New_York", -18000, 3600, 0x360E2000, 0xB40E2000};
    std::string out;
    out.reserve(static_cast<std::size_t>(spec.days) * (86400 / spec.intervalSeconds) * 220 + 8192);
    header(out);
    readingType(out, spec);
    summary(out);
    std::string mr = std::string(kUp) + "/MeterReading/1/IntervalBlock";
    unsigned seed = 42;
    std::int64_t day = localDayStart(eastern, spec.firstDay);
    for (int d = 0; d < spec.days; ++d) {
        std::int64_t next = nextLocalDayStart(eastern, day);
        entry(out, 100 + static_cast<unsigned>(d), "Day " + std::to_string(d + 1), mr + "/" + std::to_string(d + 1), mr,
              "", block(day, next, spec, seed));
        day = next;
    }
    return out + "</feed>\n";
}

} // namespace gbc

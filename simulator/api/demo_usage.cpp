// Demo site usage extraction: namespace-agnostic, link-following, one series per UsagePoint, local days by the
// utility's DST rules (LocalTimeParameters), and merging of successive fetches.
#include "demo_usage.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>

#include <pugixml.hpp>

#include "time_format.h"
#include "time_zone.h"

namespace gbc {

namespace {

std::string localName(const char* name)
{
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

pugi::xml_node child(pugi::xml_node n, const char* name)
{
    for (pugi::xml_node c : n.children())
        if (localName(c.name()) == name)
            return c;
    return {};
}

// The part of an href after "/resource/", so absolute and relative links compare equal.
std::string resourcePath(const std::string& href)
{
    const std::size_t at = href.find("/resource/");
    return at == std::string::npos ? href : href.substr(at + 10);
}

std::string link(pugi::xml_node entry, const char* rel, const char* contains = "")
{
    for (pugi::xml_node l : entry.children())
        if (localName(l.name()) == "link" && std::string(l.attribute("rel").value()) == rel &&
            std::string(l.attribute("href").value()).find(contains) != std::string::npos)
            return resourcePath(l.attribute("href").value());
    return "";
}

// "Subscription/S/UsagePoint/U/MeterReading/M" -> "U" (the segment after UsagePoint/).
std::string usagePointOf(const std::string& path)
{
    const std::size_t at = path.find("UsagePoint/");
    if (at == std::string::npos)
        return "";
    const std::size_t from = at + 11, end = path.find('/', from);
    return path.substr(from, end == std::string::npos ? std::string::npos : end - from);
}

struct DisplayUnit {
    const char* name;
    double scale; // uom quantity -> displayed unit
};

DisplayUnit unitOf(int uom)
{
    switch (uom) {
    case 72: return {"kWh", 0.001};
    case 169: return {"therm", 1};
    case 42: return {"m3", 1};
    case 128: return {"US gal", 1};
    default: return {"", 0};
    }
}

struct ReadingScale {
    int uom = 0, multiplier = 0;
};

std::uint32_t hexWord(pugi::xml_node n)
{
    const std::string text = n.text().as_string();
    return text.empty() ? kNoDstRule : static_cast<std::uint32_t>(std::strtoul(text.c_str(), nullptr, 16));
}

// What one pass over the feed collects.
struct FeedParts {
    std::map<std::string, ServiceSeries> points;       // by UsagePoint id
    std::vector<std::string> pointOrder;
    std::map<std::string, ReadingScale> readingTypes;  // ReadingType path -> scale
    std::map<std::string, std::string> meterReadingRT; // MeterReading path -> ReadingType path
    std::vector<std::pair<std::string, pugi::xml_node>> blocks; // MeterReading path, IntervalBlock content
    TimeZoneRules tz;
};

void collect(FeedParts& f, pugi::xml_node entry)
{
    pugi::xml_node content = child(entry, "content").first_child();
    const std::string kind = content ? localName(content.name()) : "";
    const std::string self = link(entry, "self");
    if (kind == "UsagePoint") {
        const std::string id = usagePointOf(self + "/");
        if (!f.points.count(id))
            f.pointOrder.push_back(id);
        f.points[id] = ServiceSeries{id, child(child(content, "ServiceCategory"), "kind").text().as_int(),
                                     child(entry, "title").text().as_string(), "", {}};
    } else if (kind == "ReadingType") {
        f.readingTypes[self] = {child(content, "uom").text().as_int(), child(content, "powerOfTenMultiplier").text().as_int()};
    } else if (kind == "MeterReading") {
        f.meterReadingRT[self] = link(entry, "related", "/ReadingType/");
    } else if (kind == "LocalTimeParameters") {
        f.tz.tzOffset = static_cast<std::int32_t>(child(content, "tzOffset").text().as_llong());
        f.tz.dstOffset = static_cast<std::int32_t>(child(content, "dstOffset").text().as_llong());
        f.tz.dstStartRule = hexWord(child(content, "dstStartRule"));
        f.tz.dstEndRule = hexWord(child(content, "dstEndRule"));
    } else if (kind == "IntervalBlock") {
        const std::string up = link(entry, "up");
        const std::size_t cut = up.rfind("/IntervalBlock");
        f.blocks.push_back({cut == std::string::npos ? up : up.substr(0, cut), content});
    }
}

} // namespace

const char* serviceName(int kind)
{
    switch (kind) {
    case 0: return "Electricity";
    case 1: return "Gas";
    case 2: return "Water";
    default: return "Service";
    }
}

Result<std::vector<ServiceSeries>> readUsage(const std::string& atomXml)
{
    pugi::xml_document doc;
    if (!doc.load_string(atomXml.c_str()) || localName(doc.document_element().name()) != "feed")
        return Error{"demo.bad_xml", "usage feed", "the usage answer is not an Atom feed"};
    FeedParts f;
    for (pugi::xml_node entry : doc.document_element().children())
        if (localName(entry.name()) == "entry")
            collect(f, entry);
    std::map<std::string, std::string> chosen; // UsagePoint id -> the MeterReading path it is read from
    std::map<std::string, std::map<std::string, double>> byDay;
    for (const auto& [meterReading, block] : f.blocks) {
        const std::string point = usagePointOf(meterReading);
        const ReadingScale scale = f.readingTypes[f.meterReadingRT[meterReading]];
        const DisplayUnit unit = unitOf(scale.uom);
        if (!f.points.count(point) || unit.scale == 0 || chosen.emplace(point, meterReading).first->second != meterReading)
            continue;
        f.points[point].unit = unit.name;
        const double factor = std::pow(10.0, scale.multiplier) * unit.scale;
        for (pugi::xml_node r : block.children()) {
            if (localName(r.name()) != "IntervalReading")
                continue;
            const EpochSeconds start = child(child(r, "timePeriod"), "start").text().as_llong();
            byDay[point][formatDate(start, utcOffsetAt(f.tz, start))] += child(r, "value").text().as_llong() * factor;
        }
    }
    std::vector<ServiceSeries> out;
    for (const std::string& id : f.pointOrder) {
        if (!chosen.count(id))
            continue;
        ServiceSeries s = f.points[id];
        for (const auto& [day, value] : byDay[id])
            s.days.push_back({day, std::round(value * 1000.0) / 1000.0});
        out.push_back(std::move(s));
    }
    return out;
}

void mergeUsage(std::vector<ServiceSeries>& known, const std::vector<ServiceSeries>& fresh)
{
    for (const ServiceSeries& s : fresh) {
        auto it = std::find_if(known.begin(), known.end(), [&](const ServiceSeries& k) { return k.usagePointId == s.usagePointId; });
        if (it == known.end()) {
            known.push_back(s);
            continue;
        }
        std::map<std::string, double> days;
        for (const DailyUsage& d : it->days)
            days[d.day] = d.value;
        for (const DailyUsage& d : s.days)
            days[d.day] = d.value;
        it->days.clear();
        for (const auto& [day, value] : days)
            it->days.push_back({day, value});
    }
}

} // namespace gbc

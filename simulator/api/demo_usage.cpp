// Demo site usage extraction (namespace-agnostic, link-following) and the SVG chart.
#include "demo_usage.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

#include <pugixml.hpp>

#include "time_format.h"

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

struct Scale {
    int uom = 0;
    int multiplier = 0;
};

} // namespace

Result<std::vector<DailyUsage>> dailyElectricUsage(const std::string& atomXml)
{
    pugi::xml_document doc;
    if (!doc.load_string(atomXml.c_str()) || localName(doc.document_element().name()) != "feed")
        return Error{"demo.bad_xml", "Batch feed", "the usage answer is not an Atom feed"};
    std::map<std::string, Scale> readingTypes;  // ReadingType path -> scale
    std::map<std::string, std::string> meterRT; // MeterReading path -> ReadingType path
    std::vector<pugi::xml_node> blocks;         // IntervalBlock contents with their MeterReading path in `up`
    std::vector<std::string> blockMeter;
    long tzOffset = 0;
    for (pugi::xml_node entry : doc.document_element().children()) {
        if (localName(entry.name()) != "entry")
            continue;
        pugi::xml_node content = child(entry, "content").first_child();
        const std::string kind = content ? localName(content.name()) : "";
        if (kind == "ReadingType")
            readingTypes[link(entry, "self")] = {child(content, "uom").text().as_int(), child(content, "powerOfTenMultiplier").text().as_int()};
        else if (kind == "MeterReading")
            meterRT[link(entry, "self")] = link(entry, "related", "/ReadingType/");
        else if (kind == "LocalTimeParameters")
            tzOffset = child(content, "tzOffset").text().as_llong();
        else if (kind == "IntervalBlock") {
            std::string up = link(entry, "up");
            const std::size_t cut = up.rfind("/IntervalBlock");
            blocks.push_back(content);
            blockMeter.push_back(cut == std::string::npos ? up : up.substr(0, cut));
        }
    }
    std::map<std::string, double> byDay;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        auto rt = meterRT.find(blockMeter[i]);
        if (rt == meterRT.end() || readingTypes[rt->second].uom != 72)
            continue;
        const double toKwh = std::pow(10.0, readingTypes[rt->second].multiplier) / 1000.0;
        for (pugi::xml_node r : blocks[i].children()) {
            if (localName(r.name()) != "IntervalReading")
                continue;
            const EpochSeconds start = child(child(r, "timePeriod"), "start").text().as_llong();
            byDay[formatDate(start, static_cast<int>(tzOffset))] += child(r, "value").text().as_llong() * toKwh;
        }
    }
    std::vector<DailyUsage> out;
    for (const auto& [day, kwh] : byDay)
        out.push_back({day, std::round(kwh * 1000.0) / 1000.0});
    return out;
}

std::string usageChartSvg(const std::vector<DailyUsage>& all, std::size_t maxDays)
{
    const std::size_t first = all.size() > maxDays ? all.size() - maxDays : 0;
    const std::vector<DailyUsage> days(all.begin() + static_cast<std::ptrdiff_t>(first), all.end());
    double peak = 0;
    for (const DailyUsage& d : days)
        peak = std::max(peak, d.kwh);
    const int width = 640, height = 240, bar = days.empty() ? 0 : width / static_cast<int>(days.size());
    std::string svg = "<svg id=\"usage-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                      "\" height=\"" + std::to_string(height + 20) + "\" role=\"img\" aria-label=\"Daily electricity use (kWh)\">";
    char buf[256];
    for (std::size_t i = 0; i < days.size(); ++i) {
        const int h = peak > 0 ? static_cast<int>(days[i].kwh / peak * height) : 0;
        std::snprintf(buf, sizeof buf,
                      "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2a7ab0\"><title>%s: %.3f kWh</title></rect>",
                      static_cast<int>(i) * bar + 1, height - h, std::max(bar - 2, 1), h, days[i].day.c_str(), days[i].kwh);
        svg += buf;
    }
    std::snprintf(buf, sizeof buf, "<text x=\"0\" y=\"%d\" font-size=\"12\">peak %.1f kWh/day</text>", height + 16, peak);
    return svg + buf + "</svg>";
}

} // namespace gbc

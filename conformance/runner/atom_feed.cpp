// Atom/ESPI feed reading by local element names (any prefix or default namespace), via pugixml.
#include "atom_feed.h"

#include <cmath>
#include <cstring>

#include <pugixml.hpp>

namespace gbc {

namespace {

const char* localName(const pugi::xml_node& n)
{
    const char* name = n.name();
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

pugi::xml_node child(const pugi::xml_node& n, const char* local)
{
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element && std::strcmp(localName(c), local) == 0)
            return c;
    return {};
}

std::int64_t number(const pugi::xml_node& n, const char* local)
{
    return child(n, local).text().as_llong(0);
}

void readBlocks(const pugi::xml_node& resource, FeedEntry& e)
{
    FeedBlock b;
    const pugi::xml_node interval = child(resource, "interval");
    b.start = number(interval, "start");
    b.duration = number(interval, "duration");
    for (pugi::xml_node r : resource.children()) {
        if (std::strcmp(localName(r), "IntervalReading") != 0)
            continue;
        const pugi::xml_node tp = child(r, "timePeriod");
        b.readings.emplace_back(number(tp, "start"), static_cast<double>(number(r, "value")));
    }
    e.blocks.push_back(std::move(b));
}

FeedEntry readEntry(const pugi::xml_node& entry)
{
    FeedEntry e;
    e.id = child(entry, "id").text().as_string();
    for (pugi::xml_node c : entry.children()) {
        if (std::strcmp(localName(c), "link") == 0)
            e.links.push_back({c.attribute("rel").as_string(), c.attribute("href").as_string()});
    }
    const pugi::xml_node content = child(entry, "content");
    for (pugi::xml_node resource : content.children()) {
        if (resource.type() != pugi::node_element)
            continue;
        e.kind = localName(resource);
        if (e.kind == "IntervalBlock")
            readBlocks(resource, e);
        if (e.kind == "ReadingType") {
            e.powerOfTenMultiplier = static_cast<int>(number(resource, "powerOfTenMultiplier"));
            e.uom = static_cast<int>(child(resource, "uom").text().as_int(-1));
        }
        for (const char* leaf : {"currentStatus", "token_type", "status", "resourceURI", "scope"})
            if (pugi::xml_node n = child(resource, leaf))
                e.text += std::string(leaf) + "=" + n.text().as_string() + ";";
        break;
    }
    return e;
}

const char* unitName(int uom)
{
    switch (uom) {
    case 72: return "Wh";
    case 38: return "W";
    case 169: return "therm";
    case 42: return "m3";
    case 119: return "ft3";
    case 128: return "US gal";
    default: return "value";
    }
}

} // namespace

std::string FeedEntry::link(const std::string& rel) const
{
    for (const FeedLink& l : links)
        if (l.rel == rel)
            return l.href;
    return {};
}

std::vector<const FeedEntry*> AtomFeed::ofKind(const std::string& kind) const
{
    std::vector<const FeedEntry*> out;
    for (const FeedEntry& e : entries)
        if (e.kind == kind)
            out.push_back(&e);
    return out;
}

AtomFeed parseAtomFeed(const std::string& xml)
{
    AtomFeed feed;
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size());
    if (!r) {
        feed.parseError = std::string(r.description()) + " at byte " + std::to_string(r.offset);
        return feed;
    }
    feed.wellFormed = true;
    const pugi::xml_node root = doc.document_element();
    feed.rootName = localName(root);
    if (feed.rootName == "entry") {
        feed.entries.push_back(readEntry(root));
    } else {
        for (pugi::xml_node c : root.children())
            if (std::strcmp(localName(c), "entry") == 0)
                feed.entries.push_back(readEntry(c));
    }
    return feed;
}

std::string lastSegment(const std::string& url)
{
    std::string path = url.substr(0, url.find_first_of("?#"));
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return path.substr(path.rfind('/') + 1);
}

Series intervalSeries(const std::string& xml, const std::string& variant, std::size_t maxPoints)
{
    Series s{variant, "", "", {}};
    const AtomFeed feed = parseAtomFeed(xml);
    const std::vector<const FeedEntry*> types = feed.ofKind("ReadingType");
    const FeedEntry* type = types.empty() ? nullptr : types.front();
    std::vector<std::pair<std::int64_t, double>> all;
    std::string firstUp;
    for (const FeedEntry* e : feed.ofKind("IntervalBlock")) {
        const std::string up = e->link("up");
        if (firstUp.empty()) {
            firstUp = up;
            const std::size_t at = up.find("UsagePoint");
            s.title = "IntervalBlocks of " + (at == std::string::npos ? up : up.substr(at));
        } else if (up != firstUp) {
            continue;
        }
        for (const FeedBlock& b : e->blocks)
            all.insert(all.end(), b.readings.begin(), b.readings.end());
    }
    const double scale = type ? std::pow(10.0, type->powerOfTenMultiplier) : 1.0;
    s.unit = type ? unitName(type->uom) : "value";
    const std::size_t stride = all.size() > maxPoints ? (all.size() + maxPoints - 1) / maxPoints : 1;
    for (std::size_t i = 0; i < all.size(); i += stride)
        s.points.emplace_back(all[i].first, all[i].second * scale);
    return s;
}

} // namespace gbc

// Link graph resolution over the indexes of an EspiDocument (hash maps, linear in the number of links).
#include "espi_links.h"

#include "espi_values.h"

namespace gbc {

namespace {

// related href → the entry of `kind` that carries it.
std::unordered_map<std::string_view, std::uint32_t> relatedOwners(const EspiDocument& doc, ResourceKind kind)
{
    std::unordered_map<std::string_view, std::uint32_t> out;
    for (std::uint32_t i : doc.entriesOf(kind))
        for (const AtomLink& l : doc.links(doc.entries()[i]))
            if (l.rel == "related")
                out.emplace(l.href, i);
    return out;
}

// The first related link of entry `i` that names an entry of `kind`.
std::uint32_t relatedOfKind(const EspiDocument& doc, std::uint32_t i, ResourceKind kind)
{
    for (const AtomLink& l : doc.links(doc.entries()[i]))
        if (l.rel == "related")
            if (const AtomEntry* t = doc.bySelf(l.href); t && t->kind == kind)
                return t->number - 1;
    return kNoEntry;
}

std::uint32_t soleEntry(const EspiDocument& doc, ResourceKind kind)
{
    return doc.entriesOf(kind).size() == 1 ? doc.entriesOf(kind).front() : kNoEntry;
}

} // namespace

std::vector<BlockLinks> resolveBlockLinks(const EspiDocument& doc)
{
    auto mrByRelated = relatedOwners(doc, ResourceKind::MeterReading);
    auto upByRelated = relatedOwners(doc, ResourceKind::UsagePoint);
    std::uint32_t soleRt = soleEntry(doc, ResourceKind::ReadingType);
    std::uint32_t soleLtp = soleEntry(doc, ResourceKind::LocalTimeParameters);
    std::vector<BlockLinks> out(doc.blocks().size());
    for (std::size_t b = 0; b < out.size(); ++b) {
        BlockLinks& bl = out[b];
        const AtomEntry& ib = doc.entries()[doc.blocks()[b].entry];
        if (auto it = mrByRelated.find(ib.up); ib.upCount > 0 && it != mrByRelated.end())
            bl.meterReading = it->second;
        if (bl.meterReading != kNoEntry) {
            bl.readingType = relatedOfKind(doc, bl.meterReading, ResourceKind::ReadingType);
            const AtomEntry& mr = doc.entries()[bl.meterReading];
            if (auto it = upByRelated.find(mr.up); mr.upCount > 0 && it != upByRelated.end())
                bl.usagePoint = it->second;
        }
        if (bl.usagePoint != kNoEntry)
            bl.localTime = relatedOfKind(doc, bl.usagePoint, ResourceKind::LocalTimeParameters);
        if (bl.readingType == kNoEntry)
            bl.readingType = soleRt;
        if (bl.localTime == kNoEntry)
            bl.localTime = soleLtp;
    }
    return out;
}

ReadingNature readingNatureOf(std::optional<std::int64_t> acc)
{
    if (!acc)
        return ReadingNature::Interval;
    switch (*acc) {
    case 1: case 2: case 3: case 6: case 12: case 13: case 14:
        return ReadingNature::Snapshot;
    default:
        return ReadingNature::Interval;
    }
}

std::vector<ReadingNature> blockNatures(const EspiDocument& doc, const std::vector<BlockLinks>& links)
{
    std::vector<ReadingNature> out(links.size(), ReadingNature::Interval);
    for (std::size_t b = 0; b < links.size(); ++b)
        if (links[b].readingType != kNoEntry) {
            std::uint32_t rt = doc.entries()[links[b].readingType].resource;
            out[b] = readingNatureOf(parseInteger(doc.xml().text(doc.field(rt, "accumulationBehaviour"))));
        }
    return out;
}

std::vector<ReadingNature> blockNatures(const EspiDocument& doc)
{
    return blockNatures(doc, resolveBlockLinks(doc));
}

std::unordered_set<std::string_view> relatedHrefsOf(const EspiDocument& doc, ResourceKind kind)
{
    std::unordered_set<std::string_view> out;
    for (std::uint32_t i : doc.entriesOf(kind))
        for (const AtomLink& l : doc.links(doc.entries()[i]))
            if (l.rel == "related")
                out.insert(l.href);
    return out;
}

std::unordered_set<std::string_view> selfHrefsOf(const EspiDocument& doc, ResourceKind kind)
{
    std::unordered_set<std::string_view> out;
    for (std::uint32_t i : doc.entriesOf(kind))
        if (doc.entries()[i].selfCount > 0)
            out.insert(doc.entries()[i].self);
    return out;
}

bool linksResolvable(const EspiDocument& doc)
{
    return doc.shape() == DocumentShape::Feed;
}

} // namespace gbc

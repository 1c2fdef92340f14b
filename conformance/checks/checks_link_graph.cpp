// The GBA link graph (FB_01/FB_04 XSLT tests): UsagePoint ↔ MeterReading ↔ ReadingType ↔ IntervalBlock ↔
// LocalTimeParameters ↔ UsageSummary, resolved by href inside the document.
#include <unordered_map>

#include "check_families.h"
#include "check_support.h"
#include "espi_links.h"

namespace gbc {

namespace {

const char* kSingleEntry = "link targets lie outside a single-entry document";

// Shared body of the self-uniqueness rules: no two entries of `kind` share a self href.
CheckOutput selfUnique(const CheckContext& c, ResourceKind kind)
{
    CheckOutput out;
    std::unordered_map<std::string_view, std::uint32_t> seen;
    for (const AtomEntry& e : EntriesOf(c.doc, kind)) {
        if (e.selfCount == 0)
            continue;
        auto [it, fresh] = seen.emplace(e.self, e.number);
        if (!fresh)
            out.fail(e.element, entryLabel(e) + " repeats the self href of entry " + std::to_string(it->second),
                     "a unique self href", quoted(e.self));
    }
    return out;
}

// D014: UsagePoint self hrefs are unique.
CheckOutput checkD014(const CheckContext& c) { return selfUnique(c, ResourceKind::UsagePoint); }
// D021: MeterReading self hrefs are unique.
CheckOutput checkD021(const CheckContext& c) { return selfUnique(c, ResourceKind::MeterReading); }
// D035: IntervalBlock self hrefs are unique (PG&E once sent 24 blocks under one href).
CheckOutput checkD035(const CheckContext& c) { return selfUnique(c, ResourceKind::IntervalBlock); }
// D086: UsageSummary self hrefs are unique.
CheckOutput checkD086(const CheckContext& c) { return selfUnique(c, ResourceKind::UsageSummary); }
// D143: LocalTimeParameters self hrefs are unique.
CheckOutput checkD143(const CheckContext& c) { return selfUnique(c, ResourceKind::LocalTimeParameters); }

// Link graph: ReadingType, power quality, Authorization and other entries also have unique self hrefs.
CheckOutput checkOtherSelfUnique(const CheckContext& c)
{
    CheckOutput out;
    for (ResourceKind k : {ResourceKind::ReadingType, ResourceKind::PowerQualitySummary, ResourceKind::Authorization,
                           ResourceKind::ApplicationInformation, ResourceKind::OtherEspi}) {
        CheckOutput part = selfUnique(c, k);
        out.violations.insert(out.violations.end(), part.violations.begin(), part.violations.end());
    }
    return out;
}

// D016: a UsagePoint entry carries at least one related link.
CheckOutput checkD016(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::UsagePoint)) {
        std::size_t n = 0;
        for (const AtomLink& l : c.doc.links(e))
            n += l.rel == "related" ? 1 : 0;
        if (n == 0)
            out.fail(e.element, entryLabel(e) + " has no related link", "at least 1", "0");
    }
    return out;
}

// D007: exactly one related link of a UsagePoint equals the self href of a LocalTimeParameters entry.
CheckOutput checkD007(const CheckContext& c)
{
    if (!linksResolvable(c.doc))
        return CheckOutput::skip(kSingleEntry);
    CheckOutput out;
    auto ltp = selfHrefsOf(c.doc, ResourceKind::LocalTimeParameters);
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::UsagePoint)) {
        std::size_t n = 0;
        for (const AtomLink& l : c.doc.links(e))
            n += (l.rel == "related" && ltp.count(l.href)) ? 1 : 0;
        if (n != 1)
            out.fail(e.element, entryLabel(e) + " links " + std::to_string(n) + " LocalTimeParameters entries",
                     "exactly 1 related href equal to a LocalTimeParameters self", std::to_string(n));
    }
    return out;
}

// Shared body of "the up href of every `kind` entry equals some related href of an `owner` entry".
CheckOutput upMatchesRelated(const CheckContext& c, ResourceKind kind, ResourceKind owner)
{
    if (!linksResolvable(c.doc))
        return CheckOutput::skip(kSingleEntry);
    CheckOutput out;
    auto related = relatedHrefsOf(c.doc, owner);
    for (const AtomEntry& e : EntriesOf(c.doc, kind))
        if (e.upCount > 0 && !related.count(e.up))
            out.fail(e.element, entryLabel(e) + " up href is not a related href of any " + toString(owner),
                     std::string("a related href of a ") + toString(owner), quoted(e.up));
    return out;
}

// D023: a MeterReading's up href equals a related href of some UsagePoint (its MeterReading collection).
CheckOutput checkD023(const CheckContext& c)
{
    return upMatchesRelated(c, ResourceKind::MeterReading, ResourceKind::UsagePoint);
}
// D088: a UsageSummary's up href equals a related href of some UsagePoint.
CheckOutput checkD088(const CheckContext& c)
{
    return upMatchesRelated(c, ResourceKind::UsageSummary, ResourceKind::UsagePoint);
}
// Link graph: an ElectricPowerQualitySummary's up href equals a related href of some UsagePoint.
CheckOutput checkQualityUp(const CheckContext& c)
{
    return upMatchesRelated(c, ResourceKind::PowerQualitySummary, ResourceKind::UsagePoint);
}
// Link graph (reverse of D025): an IntervalBlock's up href equals a related href of some MeterReading.
CheckOutput checkBlockUp(const CheckContext& c)
{
    return upMatchesRelated(c, ResourceKind::IntervalBlock, ResourceKind::MeterReading);
}

// D024/D054: exactly one related link of a MeterReading equals the self href of a ReadingType entry.
CheckOutput checkD024(const CheckContext& c)
{
    if (!linksResolvable(c.doc))
        return CheckOutput::skip(kSingleEntry);
    CheckOutput out;
    auto rt = selfHrefsOf(c.doc, ResourceKind::ReadingType);
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::MeterReading)) {
        std::size_t n = 0;
        for (const AtomLink& l : c.doc.links(e))
            n += (l.rel == "related" && rt.count(l.href)) ? 1 : 0;
        if (n != 1)
            out.fail(e.element, entryLabel(e) + " links " + std::to_string(n) + " ReadingType entries",
                     "exactly 1 related href equal to a ReadingType self", std::to_string(n));
    }
    return out;
}

// D025/D037: a related link of a MeterReading equals the up href of its IntervalBlock entries.
CheckOutput checkD025(const CheckContext& c)
{
    if (!linksResolvable(c.doc))
        return CheckOutput::skip(kSingleEntry);
    CheckOutput out;
    std::unordered_set<std::string_view> blockUps;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::IntervalBlock))
        blockUps.insert(e.up);
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::MeterReading)) {
        bool found = false;
        for (const AtomLink& l : c.doc.links(e))
            found |= l.rel == "related" && blockUps.count(l.href);
        if (!found)
            out.fail(e.element, entryLabel(e) + " has no related link naming its IntervalBlock collection",
                     "a related href equal to the up href of its IntervalBlock entries", "none");
    }
    return out;
}

// D140: a LocalTimeParameters entry carries exactly one up link.
CheckOutput checkD140(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::LocalTimeParameters))
        if (e.upCount != 1)
            out.fail(e.element, entryLabel(e) + " has " + std::to_string(e.upCount) + " up links", "1",
                     std::to_string(e.upCount));
    return out;
}

// D135: the self href of a LocalTimeParameters entry is named by a related link of at least one UsagePoint.
CheckOutput checkD135(const CheckContext& c)
{
    if (!linksResolvable(c.doc))
        return CheckOutput::skip(kSingleEntry);
    CheckOutput out;
    auto related = relatedHrefsOf(c.doc, ResourceKind::UsagePoint);
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::LocalTimeParameters))
        if (e.selfCount > 0 && !related.count(e.self))
            out.fail(e.element, entryLabel(e) + " is not linked from any UsagePoint",
                     "a UsagePoint related href equal to this self href", quoted(e.self));
    return out;
}

// Link graph: every ReadingType is used, i.e. named by a related link of some MeterReading.
CheckOutput checkReadingTypeUsed(const CheckContext& c)
{
    if (!linksResolvable(c.doc))
        return CheckOutput::skip(kSingleEntry);
    CheckOutput out;
    auto related = relatedHrefsOf(c.doc, ResourceKind::MeterReading);
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::ReadingType))
        if (e.selfCount > 0 && !related.count(e.self))
            out.fail(e.element, entryLabel(e) + " is not linked from any MeterReading",
                     "a MeterReading related href equal to this self href", quoted(e.self));
    return out;
}

// espi.xsd MeterReading: the resource has no ESPI children of its own; its ReadingType and IntervalBlocks are
// separate entries reached through links (a nested ReadingType is a known defect of a GBA sample).
CheckOutput checkMeterReadingFlat(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : EntriesOf(c.doc, ResourceKind::MeterReading))
        for (std::uint32_t k = x[e.resource].firstChild; k != kNoElement; k = x[k].nextSibling)
            if (x[k].local == "ReadingType" || x[k].local == "IntervalBlock" || x[k].local == "IntervalReading")
                out.fail(k, entryLabel(e) + " nests a " + std::string(x[k].local),
                         "a separate entry linked with rel=\"related\"", "nested " + std::string(x[k].local));
    return out;
}

} // namespace

std::vector<CheckDef> linkGraphChecks()
{
    const char* g = "link-graph";
    return {
        makeCheck("ESPI-D007", "GBA D007", Level::Must,
                  "Exactly one related link of a UsagePoint MUST name a LocalTimeParameters entry.", g, checkD007),
        makeCheck("ESPI-D014", "GBA D014", Level::Must, "UsagePoint self hrefs MUST be unique.", g, checkD014),
        makeCheck("ESPI-D016", "GBA D016", Level::Must, "A UsagePoint MUST carry at least one related link.", g,
                  checkD016),
        makeCheck("ESPI-D021", "GBA D021", Level::Must, "MeterReading self hrefs MUST be unique.", g, checkD021),
        makeCheck("ESPI-D023", "GBA D023", Level::Must,
                  "A MeterReading's up href MUST equal a related href of a UsagePoint.", g, checkD023),
        makeCheck("ESPI-D024", "GBA D024, D054", Level::Must,
                  "Exactly one related link of a MeterReading MUST name a ReadingType entry.", g, checkD024),
        makeCheck("ESPI-D025", "GBA D025, D037", Level::Must,
                  "A MeterReading MUST carry a related link equal to its IntervalBlocks' up href.", g, checkD025),
        makeCheck("ESPI-D035", "GBA D035", Level::Must, "IntervalBlock self hrefs MUST be unique.", g, checkD035),
        makeCheck("ESPI-D086", "GBA D086", Level::Must, "UsageSummary self hrefs MUST be unique.", g, checkD086),
        makeCheck("ESPI-D088", "GBA D088", Level::Must,
                  "A UsageSummary's up href MUST equal a related href of a UsagePoint.", g, checkD088),
        makeCheck("ESPI-D135", "GBA D135", Level::Must,
                  "A LocalTimeParameters entry MUST be named by a related link of at least one UsagePoint.", g,
                  checkD135),
        makeCheck("ESPI-D140", "GBA D140", Level::Must, "A LocalTimeParameters entry MUST carry exactly one up link.",
                  g, checkD140),
        makeCheck("ESPI-D143", "GBA D143", Level::Must, "LocalTimeParameters self hrefs MUST be unique.", g,
                  checkD143),
        makeCheck("ESPI-LINK-SELF-UNIQUE", "GBA link graph (FB_01)", Level::Must,
                  "Self hrefs of ReadingType, power quality and admin entries MUST be unique.", g,
                  checkOtherSelfUnique),
        makeCheck("ESPI-LINK-IB-UP", "GBA link graph (FB_04)", Level::Must,
                  "An IntervalBlock's up href MUST equal a related href of a MeterReading.", g, checkBlockUp),
        makeCheck("ESPI-LINK-PQ-UP", "GBA link graph (FB_17)", Level::Must,
                  "An ElectricPowerQualitySummary's up href MUST equal a related href of a UsagePoint.", g,
                  checkQualityUp),
        makeCheck("ESPI-LINK-RT-USED", "GBA link graph (FB_04)", Level::Should,
                  "A ReadingType SHOULD be named by a related link of some MeterReading.", g, checkReadingTypeUsed),
        makeCheck("ESPI-LINK-MR-FLAT", "espi.xsd 4.0 MeterReading", Level::Must,
                  "A MeterReading MUST NOT nest ReadingType or IntervalBlock elements.", g, checkMeterReadingFlat),
    };
}

} // namespace gbc

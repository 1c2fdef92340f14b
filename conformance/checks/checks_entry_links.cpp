// Entry structure checks: link attributes, one self and one up link, href shapes, content, certification link.
#include <algorithm>
#include <array>

#include "check_families.h"
#include "check_support.h"

namespace gbc {

namespace {

// ESPI atom.xsd (linkType): every atom:link carries href and rel.
CheckOutput checkLinkAttributes(const CheckContext& c)
{
    CheckOutput out;
    auto visit = [&](const AtomHeader& h, const std::string& who) {
        for (const AtomLink& l : c.doc.links(h)) {
            if (!l.hasHref || l.href.empty())
                out.fail(l.element, who + " has a link without href", "href=\"...\"", "missing");
            if (!l.hasRel || l.rel.empty())
                out.fail(l.element, who + " has a link without rel", "rel=\"self|up|related\"", "missing");
        }
    };
    if (c.doc.shape() == DocumentShape::Feed)
        visit(c.doc.feed(), "the feed");
    for (const AtomEntry& e : c.doc.entries())
        visit(e, entryLabel(e));
    return out;
}

// GBA link graph tests (FB_01): a feed and every entry name themselves with exactly one rel="self" link.
CheckOutput checkSelfLink(const CheckContext& c)
{
    CheckOutput out;
    auto visit = [&](const AtomHeader& h, const std::string& who) {
        if (h.selfCount != 1)
            out.fail(h.element, who + " has " + std::to_string(h.selfCount) + " self links", "1",
                     std::to_string(h.selfCount));
    };
    if (c.doc.shape() == DocumentShape::Feed)
        visit(c.doc.feed(), "the feed");
    for (const AtomEntry& e : c.doc.entries())
        visit(e, entryLabel(e));
    return out;
}

// GBA link graph tests (FB_01): every entry names its collection with exactly one rel="up" link
// (LocalTimeParameters entries are covered by ESPI-D140 instead).
CheckOutput checkUpLink(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : c.doc.entries())
        if (e.kind != ResourceKind::LocalTimeParameters && e.upCount != 1)
            out.fail(e.element, entryLabel(e) + " has " + std::to_string(e.upCount) + " up links", "1",
                     std::to_string(e.upCount));
    return out;
}

std::string_view lastSegment(std::string_view href)
{
    href = href.substr(0, href.find_first_of("?#"));
    while (!href.empty() && href.back() == '/')
        href.remove_suffix(1);
    std::size_t slash = href.rfind('/');
    return slash == std::string_view::npos ? href : href.substr(slash + 1);
}

bool isCollectionName(std::string_view s)
{
    static constexpr std::array<std::string_view, 20> names{
        "UsagePoint", "MeterReading", "IntervalBlock", "ReadingType", "LocalTimeParameters", "UsageSummary",
        "ElectricPowerUsageSummary", "ElectricPowerQualitySummary", "Authorization", "ApplicationInformation",
        "Subscription", "RetailCustomer", "Customer", "CustomerAccount", "CustomerAgreement", "ServiceLocation",
        "ServiceSupplier", "Meter", "EndDevice", "ProgramIdMappings"};
    return std::find(names.begin(), names.end(), s) != names.end();
}

// GBA FB_15 (current platform): a self href ends in the resource's identifier, an up href in a collection name.
CheckOutput checkHrefShape(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : c.doc.entries()) {
        if (e.selfCount > 0 && isCollectionName(lastSegment(e.self)))
            out.fail(e.element, entryLabel(e) + " self href ends in a collection name, not an identifier",
                     ".../<Collection>/<id>", quoted(e.self));
        if (e.upCount > 0 && !e.up.empty() && !isCollectionName(lastSegment(e.up)))
            out.fail(e.element, entryLabel(e) + " up href does not end in a collection name",
                     ".../<Collection>", quoted(e.up));
    }
    return out;
}

// NAESB REQ.21 Atom profile: an entry has exactly one atom:content holding one element in an ESPI namespace
// (several IntervalBlock elements may share one entry).
CheckOutput checkContent(const CheckContext& c)
{
    CheckOutput out;
    const XmlView& x = c.doc.xml();
    for (const AtomEntry& e : c.doc.entries()) {
        std::string who = entryLabel(e);
        if (e.contentCount != 1) {
            out.fail(e.element, who + " has " + std::to_string(e.contentCount) + " atom:content elements", "1",
                     std::to_string(e.contentCount));
        } else if (e.resourceCount == 0) {
            out.fail(e.content, who + " content holds no ESPI element", "one ESPI resource element", "none");
        } else if (e.kind == ResourceKind::Foreign) {
            const XmlElement& r = x[e.resource];
            out.fail(e.resource, who + " content element '" + std::string(r.local) + "' is not in an ESPI namespace",
                     std::string(kEspiNs) + " or " + std::string(kCustomerNs),
                     x.uri(e.resource).empty() ? "no namespace" : quoted(x.uri(e.resource)));
        } else if (e.resourceCount > 1 && e.kind != ResourceKind::IntervalBlock) {
            out.fail(e.content, who + " content holds " + std::to_string(e.resourceCount) + " elements", "1",
                     std::to_string(e.resourceCount));
        } else if (e.kind == ResourceKind::IntervalBlock && x.count(e.content, XmlNs::Espi, "IntervalBlock") !=
                                                                 e.resourceCount) {
            out.fail(e.content, who + " content mixes IntervalBlock with other elements", "IntervalBlock only",
                     std::to_string(e.resourceCount) + " elements");
        }
    }
    return out;
}

// espi.xsd / customer.xsd: the content element is one of the defined resources (not a misspelt or invented name).
CheckOutput checkResourceKnown(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : c.doc.entries())
        if (e.kind == ResourceKind::Unknown)
            out.fail(e.resource, entryLabel(e) + " content element " + quoted(c.doc.xml()[e.resource].local) +
                     " is not an ESPI resource", "UsagePoint, MeterReading, ReadingType, IntervalBlock, ...",
                     quoted(c.doc.xml()[e.resource].local));
    return out;
}

bool needsCertificationLink(const EspiDocument& doc)
{
    for (ResourceKind k : {ResourceKind::ApplicationInformation, ResourceKind::Authorization, ResourceKind::UsagePoint})
        if (!doc.entriesOf(k).empty())
            return true;
    return false;
}

// GBA CERT001-004: ApplicationInformation, Authorization and Batch/Subscription responses carry exactly one
// related link to https://cert.greenbuttonalliance.org/certificate/{id} at the top level.
CheckOutput checkCertificationLink(const CheckContext& c)
{
    const EspiDocument& d = c.doc;
    if (!needsCertificationLink(d) || (d.shape() != DocumentShape::Feed && d.shape() != DocumentShape::Entry))
        return CheckOutput::skip("not an ApplicationInformation, Authorization or Subscription document");
    const AtomHeader& top = d.shape() == DocumentShape::Feed ? d.feed() : d.entries().front();
    std::size_t n = std::count_if(d.links(top).begin(), d.links(top).end(), [](const AtomLink& l) {
        return l.rel == "related" && l.href.starts_with("https://cert.greenbuttonalliance.org/certificate/");
    });
    CheckOutput out;
    if (n != 1)
        out.fail(top.element, "the document carries " + std::to_string(n) + " certification links",
                 "1 link rel=\"related\" href=\"https://cert.greenbuttonalliance.org/certificate/{id}\"",
                 std::to_string(n));
    return out;
}

} // namespace

std::vector<CheckDef> entryLinkChecks()
{
    return {
        makeCheck("ESPI-ENV-LINK", "ESPI atom.xsd linkType", Level::Must, "Every atom:link MUST carry href and rel.",
                  "envelope", checkLinkAttributes),
        makeCheck("ESPI-ENV-SELF", "GBA FB_01 link tests", Level::Must,
                  "A feed and each entry MUST carry exactly one rel=\"self\" link.", "envelope", checkSelfLink),
        makeCheck("ESPI-ENV-UP", "GBA FB_01 link tests", Level::Must,
                  "Each entry MUST carry exactly one rel=\"up\" link.", "envelope", checkUpLink),
        makeCheck("ESPI-ENV-HREF-SHAPE", "GBA FB_15 (current platform)", Level::Should,
                  "A self href SHOULD end in an identifier and an up href in a collection name.", "envelope",
                  checkHrefShape),
        makeCheck("ESPI-ENV-CONTENT", "NAESB REQ.21 Atom profile", Level::Must,
                  "Each entry MUST carry one atom:content holding exactly one ESPI resource element.", "envelope",
                  checkContent),
        makeCheck("ESPI-ENV-RESOURCE", "espi.xsd 4.0; customer.xsd 4.0", Level::Must,
                  "The content element MUST be a resource defined by the ESPI schemas.", "envelope",
                  checkResourceKnown),
        makeCheck("ESPI-CERT-LINK", "GBA CERT001-CERT004", Level::Should,
                  "ApplicationInformation, Authorization and Subscription documents SHOULD carry exactly one "
                  "certification link.",
                  "envelope", checkCertificationLink),
    };
}

} // namespace gbc

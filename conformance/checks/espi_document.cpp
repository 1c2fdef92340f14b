// EspiDocument: one pass over the XmlView that records the Atom envelope, links, resource kinds and interval data.
#include "espi_document.h"

#include <algorithm>
#include <array>

#include "espi_values.h"
#include "huge_pages.h"

namespace gbc {

const char* toString(ResourceKind kind)
{
    static constexpr std::array<const char*, kResourceKindCount> names{
        "none", "UsagePoint", "MeterReading", "ReadingType", "IntervalBlock", "LocalTimeParameters", "UsageSummary",
        "ElectricPowerQualitySummary", "ApplicationInformation", "Authorization", "other ESPI resource",
        "unknown ESPI element", "foreign element"};
    return names[static_cast<std::size_t>(kind)];
}

namespace {

ResourceKind espiKind(std::string_view n)
{
    struct Name {
        std::string_view name;
        ResourceKind kind;
    };
    static constexpr std::array<Name, 15> names{{
        {"UsagePoint", ResourceKind::UsagePoint},
        {"MeterReading", ResourceKind::MeterReading},
        {"ReadingType", ResourceKind::ReadingType},
        {"IntervalBlock", ResourceKind::IntervalBlock},
        {"LocalTimeParameters", ResourceKind::LocalTimeParameters},
        {"UsageSummary", ResourceKind::UsageSummary},
        {"ElectricPowerUsageSummary", ResourceKind::UsageSummary},
        {"ElectricPowerQualitySummary", ResourceKind::PowerQualitySummary},
        {"ApplicationInformation", ResourceKind::ApplicationInformation},
        {"Authorization", ResourceKind::Authorization},
        {"ProgramIdMappings", ResourceKind::OtherEspi},
        {"ServiceStatus", ResourceKind::OtherEspi},
        {"BatchList", ResourceKind::OtherEspi},
        {"Subscription", ResourceKind::OtherEspi},
        {"RetailCustomer", ResourceKind::OtherEspi},
    }};
    for (const Name& e : names)
        if (e.name == n)
            return e.kind;
    return ResourceKind::Unknown;
}

ResourceKind customerKind(std::string_view n)
{
    static constexpr std::array<std::string_view, 17> names{
        "Customer", "CustomerAccount", "CustomerAgreement", "ServiceLocation", "ServiceSupplier", "Meter",
        "EndDevice", "ProgramDateIdMappings", "Statement", "UsagePoint", "LocalTimeParameters", "Location",
        "Organisation", "PricingStructure", "DemandResponseProgram", "BatchList", "AccountNotification"};
    return std::find(names.begin(), names.end(), n) != names.end() ? ResourceKind::OtherEspi : ResourceKind::Unknown;
}

ResourceKind kindOf(const XmlElement& e)
{
    if (e.ns == XmlNs::Espi)
        return espiKind(e.local);
    if (e.ns == XmlNs::Customer)
        return customerKind(e.local);
    return ResourceKind::Foreign;
}

} // namespace

class EspiDocumentBuilder {
public:
    explicit EspiDocumentBuilder(EspiDocument& doc) : d_(doc), x_(doc.xml_) {}

    void build()
    {
        d_.byKind_.assign(kResourceKindCount, {});
        d_.readings_.reserve(x_.size() / 6); // an IntervalReading is at least 6 elements; avoids regrowth copies
        adviseHugePages(d_.readings_.data(), d_.readings_.capacity() * sizeof(ReadingData));
        const XmlElement& root = x_[x_.root()];
        if (root.ns == XmlNs::Atom && root.local == "feed") {
            d_.shape_ = DocumentShape::Feed;
            readHeader(x_.root(), d_.feed_);
            for (std::uint32_t c = root.firstChild; c != kNoElement; c = x_[c].nextSibling)
                if (x_.is(c, XmlNs::Atom, "entry"))
                    addEntry(c);
        } else if (root.ns == XmlNs::Atom && root.local == "entry") {
            d_.shape_ = DocumentShape::Entry;
            addEntry(x_.root());
        } else if (root.ns == XmlNs::Espi || root.ns == XmlNs::Customer) {
            d_.shape_ = DocumentShape::BareResource;
            d_.bareResource_ = x_.root();
        }
        for (std::uint32_t i = 0; i < d_.entries_.size(); ++i) {
            const AtomEntry& e = d_.entries_[i];
            d_.byKind_[static_cast<std::size_t>(e.kind)].push_back(i);
            if (e.selfCount > 0)
                d_.bySelf_.emplace(e.self, i);
            if (e.kind == ResourceKind::IntervalBlock)
                addBlocks(i);
        }
    }

private:
    void readLink(std::uint32_t c, AtomHeader& h)
    {
        AtomLink link;
        link.element = c;
        link.hasRel = x_.hasAttribute(c, "rel");
        link.hasHref = x_.hasAttribute(c, "href");
        link.rel = x_.attribute(c, "rel");
        link.href = x_.attribute(c, "href");
        if (link.rel == "self" && h.selfCount++ == 0)
            h.self = link.href;
        if (link.rel == "up" && h.upCount++ == 0)
            h.up = link.href;
        d_.links_.push_back(link);
        ++h.linkCount;
    }

    // Records the Atom children of a feed or entry; returns the content element (entries only).
    std::uint32_t readHeader(std::uint32_t element, AtomHeader& h, std::uint32_t* contentCount = nullptr)
    {
        h.element = element;
        h.firstLink = static_cast<std::uint32_t>(d_.links_.size());
        std::uint32_t content = kNoElement;
        auto note = [](std::uint32_t c, std::uint32_t& slot, std::uint32_t& count) {
            if (count++ == 0)
                slot = c;
        };
        for (std::uint32_t c = x_[element].firstChild; c != kNoElement; c = x_[c].nextSibling) {
            if (x_[c].ns != XmlNs::Atom)
                continue;
            std::string_view n = x_[c].local;
            if (n == "id") note(c, h.id, h.idCount);
            else if (n == "title") note(c, h.title, h.titleCount);
            else if (n == "updated") note(c, h.updated, h.updatedCount);
            else if (n == "published") note(c, h.published, h.publishedCount);
            else if (n == "link") readLink(c, h);
            else if (n == "content" && contentCount) note(c, content, *contentCount);
        }
        return content;
    }

    void addEntry(std::uint32_t element)
    {
        AtomEntry e;
        e.number = static_cast<std::uint32_t>(d_.entries_.size() + 1);
        e.content = readHeader(element, e, &e.contentCount);
        for (std::uint32_t c = e.content == kNoElement ? kNoElement : x_[e.content].firstChild; c != kNoElement;
             c = x_[c].nextSibling) {
            if (e.resourceCount++ == 0)
                e.resource = c;
        }
        e.kind = e.resource == kNoElement ? ResourceKind::None : kindOf(x_[e.resource]);
        d_.entries_.push_back(e);
    }

    // The first ESPI children named a and b of `parent`, in one pass over its children.
    void firstTwo(std::uint32_t parent, std::string_view a, std::uint32_t& ea, std::string_view b, std::uint32_t& eb,
                  std::string_view c = {}, std::uint32_t* ec = nullptr)
    {
        for (std::uint32_t k = parent == kNoElement ? kNoElement : x_[parent].firstChild; k != kNoElement;
             k = x_[k].nextSibling) {
            const XmlElement& e = x_[k];
            if (e.ns != XmlNs::Espi)
                continue;
            if (ea == kNoElement && e.local == a)
                ea = k;
            else if (eb == kNoElement && e.local == b)
                eb = k;
            else if (ec && *ec == kNoElement && e.local == c)
                *ec = k;
        }
    }

    void addReading(std::uint32_t r)
    {
        ReadingData rd;
        rd.element = r;
        std::uint32_t period = kNoElement;
        firstTwo(r, "timePeriod", period, "value", rd.valueElement, "cost", &rd.costElement);
        firstTwo(period, "start", rd.startElement, "duration", rd.durationElement);
        auto start = parseEpochSeconds(x_.text(rd.startElement));
        auto duration = parseInteger(x_.text(rd.durationElement));
        auto value = parseInteger(x_.text(rd.valueElement));
        rd.hasStart = start.has_value();
        rd.start = start.value_or(0);
        rd.hasDuration = duration.has_value() && *duration >= 0;
        rd.duration = duration.value_or(0);
        rd.hasValue = value.has_value();
        rd.value = value.value_or(0);
        rd.hasCost = rd.costElement != kNoElement;
        d_.readings_.push_back(rd);
    }

    void addBlocks(std::uint32_t entryIndex)
    {
        const AtomEntry& e = d_.entries_[entryIndex];
        for (std::uint32_t b = x_[e.content].firstChild; b != kNoElement; b = x_[b].nextSibling) {
            if (!x_.is(b, XmlNs::Espi, "IntervalBlock"))
                continue;
            BlockData bd;
            bd.entry = entryIndex;
            bd.element = b;
            bd.interval = x_.child(b, XmlNs::Espi, "interval");
            auto start = parseEpochSeconds(x_.text(x_.child(bd.interval, XmlNs::Espi, "start")));
            auto duration = parseInteger(x_.text(x_.child(bd.interval, XmlNs::Espi, "duration")));
            bd.hasStart = start.has_value();
            bd.start = start.value_or(0);
            bd.hasDuration = duration.has_value() && *duration >= 0;
            bd.duration = duration.value_or(0);
            bd.firstReading = static_cast<std::uint32_t>(d_.readings_.size());
            for (std::uint32_t r = x_[b].firstChild; r != kNoElement; r = x_[r].nextSibling)
                if (x_.is(r, XmlNs::Espi, "IntervalReading"))
                    addReading(r);
            bd.readingCount = static_cast<std::uint32_t>(d_.readings_.size()) - bd.firstReading;
            d_.blocks_.push_back(bd);
        }
    }

    EspiDocument& d_;
    const XmlView& x_;
};

Result<EspiDocument> EspiDocument::parse(std::string_view bytes)
{
    Result<Utf8Text> text = toUtf8(bytes);
    if (!text)
        return text.error();
    Result<XmlView> xml = XmlView::parse(std::move(text).value());
    if (!xml)
        return xml.error();
    EspiDocument doc;
    doc.xml_ = std::move(xml).value();
    EspiDocumentBuilder(doc).build();
    return doc;
}

const std::vector<std::uint32_t>& EspiDocument::entriesOf(ResourceKind kind) const
{
    return byKind_[static_cast<std::size_t>(kind)];
}

std::span<const AtomLink> EspiDocument::links(const AtomHeader& h) const
{
    return std::span<const AtomLink>(links_).subspan(h.firstLink, h.linkCount);
}

const AtomEntry* EspiDocument::bySelf(std::string_view href) const
{
    auto it = bySelf_.find(href);
    return it == bySelf_.end() ? nullptr : &entries_[it->second];
}

std::span<const ReadingData> EspiDocument::readings(const BlockData& b) const
{
    return std::span<const ReadingData>(readings_).subspan(b.firstReading, b.readingCount);
}

std::uint32_t EspiDocument::field(std::uint32_t parent, std::string_view local) const
{
    if (parent == kNoElement)
        return kNoElement;
    return xml_.child(parent, xml_[parent].ns, local);
}

} // namespace gbc

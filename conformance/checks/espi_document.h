// The parsed ESPI document: Atom feed/entry envelope, links, one resource kind per entry, interval data, indexes.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xml_view.h"

namespace gbc {

enum class ResourceKind : std::uint8_t {
    None,                // no ESPI element in the content
    UsagePoint,
    MeterReading,
    ReadingType,
    IntervalBlock,
    LocalTimeParameters,
    UsageSummary,        // also the v3 name ElectricPowerUsageSummary
    PowerQualitySummary, // ElectricPowerQualitySummary
    ApplicationInformation,
    Authorization,
    OtherEspi,           // another known ESPI or customer resource (ProgramIdMappings, Customer, ...)
    Unknown,             // an element in the ESPI namespaces that is not a known resource
    Foreign,             // an element in some other namespace (or none)
};
inline constexpr std::size_t kResourceKindCount = 13;
const char* toString(ResourceKind kind);

enum class DocumentShape : std::uint8_t { Feed, Entry, BareResource, Other };

struct AtomLink {
    std::uint32_t element = kNoElement;
    std::string_view rel;  // empty when the attribute is missing
    std::string_view href; // empty when the attribute is missing
    bool hasRel = false;
    bool hasHref = false;
};

// What a feed and an entry share: id, title, updated, links.
struct AtomHeader {
    std::uint32_t element = kNoElement;
    std::uint32_t id = kNoElement, title = kNoElement, updated = kNoElement, published = kNoElement;
    std::uint32_t idCount = 0, titleCount = 0, updatedCount = 0, publishedCount = 0;
    std::uint32_t firstLink = 0, linkCount = 0; // range in EspiDocument::links()
    std::uint32_t selfCount = 0, upCount = 0;
    std::string_view self, up; // first self / up href
};

struct AtomEntry : AtomHeader {
    std::uint32_t number = 0; // 1-based position among the document's entries
    std::uint32_t content = kNoElement;
    std::uint32_t contentCount = 0;
    std::uint32_t resource = kNoElement; // first element child of content
    std::uint32_t resourceCount = 0;     // element children of content
    ResourceKind kind = ResourceKind::None;
};

// One IntervalReading with its numbers already read (absent or unusable values leave has* false).
struct ReadingData {
    std::uint32_t element = kNoElement;
    std::uint32_t startElement = kNoElement, durationElement = kNoElement; // timePeriod children
    std::uint32_t valueElement = kNoElement, costElement = kNoElement;
    std::int64_t start = 0, duration = 0, value = 0;
    bool hasStart = false, hasDuration = false, hasValue = false;
    bool hasCost = false; // costElement present
};

// One IntervalBlock element (an entry may hold several) with its readings.
struct BlockData {
    std::uint32_t entry = 0;   // index into entries()
    std::uint32_t element = kNoElement;
    std::uint32_t interval = kNoElement;
    std::int64_t start = 0, duration = 0;
    bool hasStart = false, hasDuration = false;
    std::uint32_t firstReading = 0, readingCount = 0; // range in readings()
};

class EspiDocument {
public:
    // Decodes, parses and indexes `bytes`. Errors (code "xml.encoding" or "xml.not_well_formed", where "line:col")
    // mean the input is unusable.
    static Result<EspiDocument> parse(std::string_view bytes);

    const XmlView& xml() const { return xml_; }
    DocumentShape shape() const { return shape_; }
    const AtomHeader& feed() const { return feed_; } // meaningful when shape() == Feed
    const std::vector<AtomEntry>& entries() const { return entries_; }
    const std::vector<std::uint32_t>& entriesOf(ResourceKind kind) const;
    std::span<const AtomLink> links(const AtomHeader& h) const;
    // Entry whose first self href is `href`, or nullptr.
    const AtomEntry* bySelf(std::string_view href) const;
    std::uint32_t bareResource() const { return bareResource_; } // root when shape() == BareResource

    const std::vector<BlockData>& blocks() const { return blocks_; }
    std::span<const ReadingData> readings(const BlockData& b) const;
    // Field `local` of an ESPI element (child in the same namespace as `parent`), or kNoElement.
    std::uint32_t field(std::uint32_t parent, std::string_view local) const;

private:
    friend class EspiDocumentBuilder;

    XmlView xml_;
    DocumentShape shape_ = DocumentShape::Other;
    AtomHeader feed_;
    std::vector<AtomEntry> entries_;
    std::vector<AtomLink> links_;
    std::vector<std::vector<std::uint32_t>> byKind_;
    std::unordered_map<std::string_view, std::uint32_t> bySelf_;
    std::uint32_t bareResource_ = kNoElement;
    std::vector<BlockData> blocks_;
    std::vector<ReadingData> readings_;
};

} // namespace gbc

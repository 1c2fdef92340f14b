// Atom envelope checks: ids (urn:uuid, unique, version), titles, updated/published dates.
#include <algorithm>
#include <cctype>
#include <functional>
#include <unordered_map>

#include "check_families.h"
#include "check_support.h"
#include "espi_values.h"

namespace gbc {

namespace {

using HeaderVisitor = std::function<void(const AtomHeader&, const std::string&)>;

// Calls `visit` for the feed header (when the document is a feed) and for every entry.
void forEachHeader(const EspiDocument& doc, const HeaderVisitor& visit)
{
    if (doc.shape() == DocumentShape::Feed)
        visit(doc.feed(), "the feed");
    for (const AtomEntry& e : doc.entries())
        visit(e, entryLabel(e));
}

std::uint32_t at(const AtomHeader& h, std::uint32_t element) { return element != kNoElement ? element : h.element; }

// RFC 4287 §4.1.1/§4.1.2: a feed and an entry each carry exactly one atom:id, and it is not empty.
CheckOutput checkIdPresent(const CheckContext& c)
{
    CheckOutput out;
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        if (h.idCount != 1)
            out.fail(at(h, h.id), who + " has " + std::to_string(h.idCount) + " atom:id elements", "1",
                     std::to_string(h.idCount));
        else if (c.doc.xml().text(h.id).empty())
            out.fail(h.id, who + " has an empty atom:id", "urn:uuid:...", "''");
    });
    return out;
}

// GBA Atom elements: an id is a URN of the form urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
CheckOutput checkIdIsUuidUrn(const CheckContext& c)
{
    CheckOutput out;
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        std::string_view id = c.doc.xml().text(h.id);
        if (h.idCount == 0 || id.empty() || uuidOfUrn(id))
            return;
        std::string hint = isUuid(id) ? " (a bare UUID: the urn:uuid: prefix is missing)" : "";
        out.fail(h.id, who + " id is not a urn:uuid URN" + hint, "urn:uuid:<8-4-4-4-12 hex>", quoted(id));
    });
    return out;
}

// RFC 4287 §4.1.2 (atom:id identifies the entry): no two entries, nor an entry and the feed, share an id.
CheckOutput checkIdUnique(const CheckContext& c)
{
    CheckOutput out;
    std::unordered_map<std::string, std::string> seen;
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        std::string id(c.doc.xml().text(h.id));
        if (id.empty())
            return;
        std::transform(id.begin(), id.end(), id.begin(), [](unsigned char ch) { return std::tolower(ch); });
        auto [it, fresh] = seen.emplace(id, who);
        if (!fresh)
            out.fail(h.id, who + " repeats the id of " + it->second, "a unique id", quoted(id));
    });
    return out;
}

// GBA "Generating persistent UUIDs" (and FB 1/15 on the current platform): ids are name-based UUIDs, version 3 or 5.
CheckOutput checkIdVersion(const CheckContext& c)
{
    CheckOutput out;
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        auto uuid = uuidOfUrn(c.doc.xml().text(h.id));
        int v = uuid ? uuidVersion(*uuid) : 0;
        if (uuid && v != 3 && v != 5)
            out.fail(h.id, who + " id is a version " + std::to_string(v) + " UUID", "version 3 or 5",
                     "version " + std::to_string(v));
    });
    return out;
}

// RFC 4287 §4.1.1/§4.1.2: a feed and an entry each carry exactly one atom:title.
CheckOutput checkTitle(const CheckContext& c)
{
    CheckOutput out;
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        if (h.titleCount != 1)
            out.fail(at(h, h.title), who + " has " + std::to_string(h.titleCount) + " atom:title elements", "1",
                     std::to_string(h.titleCount));
    });
    return out;
}

// GBA Atom elements: a title names the resource for people, so it should not be empty.
CheckOutput checkTitleText(const CheckContext& c)
{
    CheckOutput out;
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        if (h.titleCount == 1 && c.doc.xml().text(h.title).empty())
            out.fail(h.title, who + " has an empty title", "a descriptive title", "''");
    });
    return out;
}

// RFC 4287 §4.1.1/§4.1.2: a feed and an entry each carry exactly one atom:updated.
CheckOutput checkUpdated(const CheckContext& c)
{
    CheckOutput out;
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        if (h.updatedCount != 1)
            out.fail(at(h, h.updated), who + " has " + std::to_string(h.updatedCount) + " atom:updated elements",
                     "1", std::to_string(h.updatedCount));
    });
    return out;
}

// GBA Atom elements (stricter than RFC 4287): every entry carries exactly one atom:published.
CheckOutput checkPublished(const CheckContext& c)
{
    CheckOutput out;
    for (const AtomEntry& e : c.doc.entries())
        if (e.publishedCount != 1)
            out.fail(at(e, e.published), entryLabel(e) + " has " + std::to_string(e.publishedCount) +
                     " atom:published elements", "1", std::to_string(e.publishedCount));
    return out;
}

// RFC 4287 §3.3: updated and published are RFC 3339 date-times with a time zone (Z or ±hh:mm).
CheckOutput checkDates(const CheckContext& c)
{
    CheckOutput out;
    auto check = [&](std::uint32_t element, const std::string& who, const char* name) {
        std::string_view text = c.doc.xml().text(element);
        if (element != kNoElement && !isRfc3339(text))
            out.fail(element, who + " " + name + " is not an RFC 3339 date-time",
                     "YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)", quoted(text));
    };
    forEachHeader(c.doc, [&](const AtomHeader& h, const std::string& who) {
        check(h.updated, who, "updated");
        check(h.published, who, "published");
    });
    return out;
}

} // namespace

std::vector<CheckDef> envelopeChecks()
{
    const char* rfc = "RFC 4287 §4.1.1-4.1.2";
    return {
        makeCheck("ESPI-ENV-ID", rfc, Level::Must, "A feed and each entry MUST carry exactly one non-empty atom:id.",
                  "envelope", checkIdPresent),
        makeCheck("ESPI-ENV-ID-URN", "GBA Atom elements; NAESB REQ.21", Level::Must,
                  "An atom:id MUST be urn:uuid: followed by a UUID.", "envelope", checkIdIsUuidUrn),
        makeCheck("ESPI-ENV-ID-UNIQUE", rfc, Level::Must, "Ids MUST be unique within the document.", "envelope",
                  checkIdUnique),
        makeCheck("ESPI-ENV-ID-VERSION", "GBA persistent UUIDs; GBA FB_01/FB_15", Level::Should,
                  "An id SHOULD be a name-based UUID (version 3 or 5).", "envelope", checkIdVersion),
        makeCheck("ESPI-ENV-TITLE", rfc, Level::Must, "A feed and each entry MUST carry exactly one atom:title.",
                  "envelope", checkTitle),
        makeCheck("ESPI-ENV-TITLE-TEXT", "GBA Atom elements", Level::Should, "A title SHOULD not be empty.",
                  "envelope", checkTitleText),
        makeCheck("ESPI-ENV-UPDATED", rfc, Level::Must, "A feed and each entry MUST carry exactly one atom:updated.",
                  "envelope", checkUpdated),
        makeCheck("ESPI-ENV-PUBLISHED", "GBA Atom elements", Level::Must,
                  "Each entry MUST carry exactly one atom:published.", "envelope", checkPublished),
        makeCheck("ESPI-ENV-DATE", "RFC 4287 §3.3; RFC 3339 §5.6", Level::Must,
                  "updated and published MUST be RFC 3339 date-times with a zone.", "envelope", checkDates),
    };
}

} // namespace gbc

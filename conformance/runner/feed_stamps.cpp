// Entry stamps (atom:id, self href, atom:updated) projected from the validator's EspiDocument (one ESPI reader).
#include "feed_stamps.h"

#include "espi_document.h"
#include "time_format.h"

namespace gbc {

namespace {

EntryStamp stampOf(const EspiDocument& doc, const AtomEntry& e)
{
    const XmlView& x = doc.xml();
    EntryStamp s;
    s.id = std::string(x.text(e.id));
    s.self = std::string(e.self);
    if (Result<EpochSeconds> t = parseIso8601(std::string(x.text(e.updated))))
        s.updated = t.value();
    if (e.resource == kNoElement)
        return s;
    s.kind = std::string(x[e.resource].local);
    if (e.kind == ResourceKind::LocalTimeParameters)
        for (std::uint32_t f = x[e.resource].firstChild; f != kNoElement; f = x[f].nextSibling)
            s.fields += std::string(x[f].local) + "=" + std::string(x[f].text) + ";";
    return s;
}

} // namespace

std::optional<std::vector<EntryStamp>> entryStamps(const std::string& xml)
{
    Result<EspiDocument> doc = EspiDocument::parse(xml);
    if (!doc || (doc->shape() != DocumentShape::Feed && doc->shape() != DocumentShape::Entry))
        return std::nullopt;
    std::vector<EntryStamp> out;
    out.reserve(doc->entries().size());
    for (const AtomEntry& e : doc->entries())
        out.push_back(stampOf(*doc, e));
    return out;
}

} // namespace gbc

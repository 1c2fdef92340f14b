// Parsing a claimed FB list and inferring the FBs a document carries.
#include "function_blocks.h"

#include "espi_document.h"
#include "espi_values.h"

namespace gbc {

std::string FunctionBlocks::toString() const
{
    std::string out;
    for (int fb : ids)
        out += (out.empty() ? "" : "_") + std::to_string(fb);
    return out;
}

Result<FunctionBlocks> parseFunctionBlocks(std::string_view text)
{
    if (text.substr(0, 3) == "FB=" || text.substr(0, 3) == "fb=")
        text.remove_prefix(3);
    FunctionBlocks out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t end = text.find_first_of("_,", begin);
        std::string_view piece = text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
        std::optional<std::int64_t> v = parseInteger(piece);
        if (!v || piece[0] == '+' || piece[0] == '-' || *v < 1 || *v > 99)
            return Error{"usage.fb", "--fb", "'" + std::string(piece) + "' is not a function block number (1..99)"};
        out.ids.insert(static_cast<int>(*v));
        if (end == std::string_view::npos)
            break;
        begin = end + 1;
    }
    return out;
}

namespace {

struct Evidence {
    bool electric = false, gas = false, water = false, electricInterval = false, accumulationStated = false;
};

void serviceEvidence(const EspiDocument& doc, Evidence& ev)
{
    const XmlView& x = doc.xml();
    for (std::uint32_t i : doc.entriesOf(ResourceKind::UsagePoint)) {
        std::uint32_t up = doc.entries()[i].resource;
        auto kind = parseInteger(x.text(doc.field(doc.field(up, "ServiceCategory"), "kind")));
        ev.electric |= kind == 0;
        ev.gas |= kind == 1;
        ev.water |= kind == 2;
    }
    for (std::uint32_t i : doc.entriesOf(ResourceKind::ReadingType)) {
        std::uint32_t rt = doc.entries()[i].resource;
        auto commodity = parseInteger(x.text(doc.field(rt, "commodity")));
        auto accumulation = parseInteger(x.text(doc.field(rt, "accumulationBehaviour")));
        bool electricRt = commodity == 1 || commodity == 2;
        ev.electricInterval |= electricRt && accumulation == 4;
        ev.accumulationStated |= accumulation.has_value();
        ev.gas |= commodity == 7;
        ev.water |= commodity == 9;
    }
}

bool summaryHasBill(const EspiDocument& doc)
{
    for (std::uint32_t i : doc.entriesOf(ResourceKind::UsageSummary)) {
        std::uint32_t us = doc.entries()[i].resource;
        if (doc.field(us, "billLastPeriod") != kNoElement || doc.field(us, "costAdditionalLastPeriod") != kNoElement)
            return true;
    }
    return false;
}

} // namespace

FunctionBlocks inferFunctionBlocks(const EspiDocument& doc)
{
    FunctionBlocks fbs;
    fbs.inferred = true;
    fbs.ids = {1, 4};
    Evidence ev;
    serviceEvidence(doc, ev);
    // FB 5 is electric delta interval data: a ReadingType with accumulationBehaviour 4, or electric blocks whose
    // ReadingTypes state no accumulation. Register or instantaneous readings alone (1, 12 ...) do not make FB 5.
    if (ev.electricInterval || (ev.electric && !doc.blocks().empty() && !ev.accumulationStated))
        fbs.ids.insert(5);
    if (ev.gas)
        fbs.ids.insert(10);
    if (ev.water)
        fbs.ids.insert(11);
    for (const BlockData& b : doc.blocks())
        for (const ReadingData& r : doc.readings(b))
            if (r.hasCost) {
                fbs.ids.insert(12);
                break;
            }
    if (!doc.entriesOf(ResourceKind::UsageSummary).empty())
        fbs.ids.insert(15);
    if (summaryHasBill(doc))
        fbs.ids.insert(16);
    if (!doc.entriesOf(ResourceKind::PowerQualitySummary).empty())
        fbs.ids.insert(17);
    return fbs;
}

} // namespace gbc

// Interval chart data from an EspiDocument: the first MeterReading's readings, scaled, thinned to a point budget.
#include "interval_series.h"

#include <cmath>

#include "espi_values.h"

namespace gbc {

namespace {

const char* unitName(std::int64_t uom)
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

Series intervalSeries(const EspiDocument& doc, const std::string& variant, std::size_t maxPoints)
{
    Series s{variant, "", "value", {}};
    double scale = 1.0;
    if (const std::vector<std::uint32_t>& types = doc.entriesOf(ResourceKind::ReadingType); !types.empty()) {
        const std::uint32_t type = doc.entries()[types.front()].resource;
        scale = std::pow(10.0, static_cast<double>(parseInteger(doc.xml().text(doc.field(type, "powerOfTenMultiplier"))).value_or(0)));
        s.unit = unitName(parseInteger(doc.xml().text(doc.field(type, "uom"))).value_or(-1));
    }
    std::vector<std::pair<std::int64_t, double>> all;
    std::string_view firstUp;
    for (const BlockData& b : doc.blocks()) {
        const std::string_view up = doc.entries()[b.entry].up;
        if (firstUp.empty()) {
            firstUp = up;
            const std::size_t at = up.find("UsagePoint");
            s.title = "IntervalBlocks of " + std::string(at == std::string_view::npos ? up : up.substr(at));
        } else if (up != firstUp) {
            continue;
        }
        for (const ReadingData& r : doc.readings(b))
            all.emplace_back(r.start, static_cast<double>(r.value));
    }
    const std::size_t stride = all.size() > maxPoints ? (all.size() + maxPoints - 1) / maxPoints : 1;
    for (std::size_t i = 0; i < all.size(); i += stride)
        s.points.emplace_back(all[i].first, all[i].second * scale);
    return s;
}

} // namespace gbc

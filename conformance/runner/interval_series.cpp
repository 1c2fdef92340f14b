// Usage chart data from an EspiDocument: per UsagePoint, its first MeterReading's readings, scaled, thinned, with DST.
#include "interval_series.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "check_support.h"
#include "espi_values.h"
#include "time_zone.h"

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

// ServiceCategory kind (espi.xsd ServiceKind).
const char* serviceName(std::int64_t kind)
{
    static const char* names[] = {"electricity", "gas", "water", "time", "heat", "refuse", "sewerage", "rates",
        "tvLicence", "internet"};
    return kind >= 0 && kind < 10 ? names[kind] : "service";
}

std::string_view cut(std::string_view href, std::string_view marker)
{
    const std::size_t at = href.find(marker);
    return at == std::string_view::npos ? href : href.substr(0, at);
}

std::string lastPart(std::string_view href)
{
    while (!href.empty() && href.back() == '/')
        href.remove_suffix(1);
    const std::size_t slash = href.rfind('/');
    return std::string(slash == std::string_view::npos ? href : href.substr(slash + 1));
}

std::int64_t fieldInt(const EspiDocument& doc, std::uint32_t parent, std::string_view name, std::int64_t fallback)
{
    if (parent == kNoElement)
        return fallback;
    return parseInteger(doc.xml().text(doc.field(parent, name))).value_or(fallback);
}

// The ReadingType resource of a MeterReading entry (its related link), else the document's first one.
std::uint32_t readingTypeOf(const EspiDocument& doc, const AtomEntry* meterReading)
{
    if (meterReading)
        for (const AtomLink& l : doc.links(*meterReading))
            if (l.rel == "related" && l.href.find("ReadingType") != std::string_view::npos)
                if (const AtomEntry* rt = doc.bySelf(l.href); rt && rt->kind == ResourceKind::ReadingType)
                    return rt->resource;
    const std::vector<std::uint32_t>& types = doc.entriesOf(ResourceKind::ReadingType);
    return types.empty() ? kNoElement : doc.entries()[types.front()].resource;
}

// UTC instants of the DST start/end rules of the document's LocalTimeParameters within [from, to].
std::vector<std::int64_t> dstChanges(const EspiDocument& doc, std::int64_t from, std::int64_t to)
{
    std::vector<std::int64_t> out;
    const std::vector<std::uint32_t>& ltps = doc.entriesOf(ResourceKind::LocalTimeParameters);
    if (ltps.empty())
        return out;
    const std::uint32_t ltp = doc.entries()[ltps.front()].resource;
    const std::int64_t tz = fieldInt(doc, ltp, "tzOffset", 0), dst = fieldInt(doc, ltp, "dstOffset", 0);
    const auto start = parseDstRuleWord(doc.xml().text(doc.field(ltp, "dstStartRule")));
    const auto end = parseDstRuleWord(doc.xml().text(doc.field(ltp, "dstEndRule")));
    if (!start || !end || *start == kNoDstRule || dst == 0)
        return out;
    const Result<DstRule> rs = decodeDstRule(*start), re = decodeDstRule(*end);
    if (!rs || !re)
        return out;
    for (int year = 1970 + static_cast<int>(from / 31556952) - 1; year <= 1970 + to / 31556952 + 1; ++year) {
        if (auto s = ruleLocalInstant(rs.value(), year); s && *s - tz >= from && *s - tz <= to)
            out.push_back(*s - tz);
        if (auto e = ruleLocalInstant(re.value(), year); e && *e - tz - dst >= from && *e - tz - dst <= to)
            out.push_back(*e - tz - dst);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Series seriesOf(const EspiDocument& doc, const std::string& variant, std::string_view blocksUp, std::size_t maxPoints)
{
    const std::string_view meterHref = cut(blocksUp, "/IntervalBlock"), usageHref = cut(blocksUp, "/MeterReading");
    const AtomEntry* meter = doc.bySelf(meterHref);
    const AtomEntry* usage = doc.bySelf(usageHref);
    const std::uint32_t category = usage ? doc.field(usage->resource, "ServiceCategory") : kNoElement;
    const std::uint32_t type = readingTypeOf(doc, meter);
    Series s{variant, "", unitName(fieldInt(doc, type, "uom", -1)), {}, {}};
    s.title = "UsagePoint " + lastPart(usageHref) + " — " + serviceName(fieldInt(doc, category, "kind", -1)) +
        " (MeterReading " + lastPart(meterHref) + ")";
    const double scale = std::pow(10.0, static_cast<double>(fieldInt(doc, type, "powerOfTenMultiplier", 0)));
    std::vector<std::pair<std::int64_t, double>> all;
    for (const BlockData& b : doc.blocks())
        if (doc.entries()[b.entry].up == blocksUp)
            for (const ReadingData& r : doc.readings(b))
                all.emplace_back(r.start, static_cast<double>(r.value));
    std::sort(all.begin(), all.end());
    const std::size_t stride = all.size() > maxPoints ? (all.size() + maxPoints - 1) / maxPoints : 1;
    for (std::size_t i = 0; i < all.size(); i += stride)
        s.points.emplace_back(all[i].first, all[i].second * scale);
    if (!s.points.empty())
        s.dstChanges = dstChanges(doc, s.points.front().first, s.points.back().first);
    return s;
}

} // namespace

std::vector<Series> intervalSeries(const EspiDocument& doc, const std::string& variant, std::size_t maxPoints)
{
    std::map<std::string_view, std::string_view> firstMeterOf; // UsagePoint href -> first blocks' up href
    std::vector<std::string_view> order;
    for (const BlockData& b : doc.blocks()) {
        const std::string_view up = doc.entries()[b.entry].up;
        const std::string_view usage = cut(up, "/MeterReading");
        if (firstMeterOf.emplace(usage, up).second)
            order.push_back(usage);
    }
    std::vector<Series> out;
    for (std::string_view usage : order)
        if (Series s = seriesOf(doc, variant, firstMeterOf[usage], maxPoints); !s.points.empty())
            out.push_back(std::move(s));
    return out;
}

} // namespace gbc

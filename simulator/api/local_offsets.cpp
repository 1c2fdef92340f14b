// A walk over the JSON answer: the zone follows the "utility" keys down the tree, instants are re-spelled.
#include "local_offsets.h"

#include "time_format.h"
#include "time_zone.h"

namespace gbc {

namespace {

const Utility* utilityOf(const SimContext& ctx, const nlohmann::json& object, const Utility* inherited)
{
    auto it = object.find("utility");
    if (it == object.end() || !it->is_string())
        return inherited;
    const Utility* u = ctx.catalogue.findUtility(it->get<std::string>());
    return u ? u : inherited;
}

bool looksLikeInstant(const std::string& s)
{
    return s.size() >= 20 && s.size() <= 40 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':';
}

void respell(const SimContext& ctx, nlohmann::json& node, const Utility* zone)
{
    if (node.is_object())
        zone = utilityOf(ctx, node, zone);
    if (node.is_object() || node.is_array()) {
        for (auto& child : node)
            respell(ctx, child, zone);
        return;
    }
    if (!zone || !node.is_string() || !looksLikeInstant(node.get_ref<const std::string&>()))
        return;
    const Result<EpochSeconds> t = parseIso8601(node.get<std::string>());
    if (t)
        node = formatIsoMicros(*t, utcOffsetAt(zone->timeZone, *t));
}

} // namespace

nlohmann::json withLocalOffsets(const SimContext& ctx, nlohmann::json body, const std::string& path)
{
    if (!ctx.variation(Variation::JsonLocalOffsets))
        return body;
    const Utility* zone = ctx.catalogue.utilities.empty() ? nullptr : &ctx.catalogue.utilities.front();
    if (path.rfind("/api/", 0) == 0) // /api/{utility}/odr; /api/v2/... names no utility
        if (const Utility* u = ctx.catalogue.findUtility(path.substr(5, path.find('/', 5) - 5)))
            zone = u;
    respell(ctx, body, zone);
    return body;
}

} // namespace gbc

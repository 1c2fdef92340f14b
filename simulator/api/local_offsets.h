// Variation json_local_offsets: JSON API timestamps written with the utility's local UTC offset instead of +00:00.
#pragma once

#include <nlohmann/json.hpp>

#include "sim_context.h"

namespace gbc {

// Every "YYYY-MM-DDThh:mm:ss[.f]±hh:mm|Z" string in `body` rewritten to the same instant at the UTC offset of the
// utility named by the nearest enclosing object's "utility" key, else by the path (/api/{utility}/odr), else the
// catalogue's first utility. Other values, and all values when the variation is off, are left alone.
nlohmann::json withLocalOffsets(const SimContext& ctx, nlohmann::json body, const std::string& path);

} // namespace gbc

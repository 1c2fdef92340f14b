// A target built from the scenario catalogue for a running gbc-sim: one variant per utility x auth type x scenario.
#pragma once

#include <string>

#include "catalogue.h"
#include "target.h"

namespace gbc {

// `origin` is the simulator's base URL ("http://127.0.0.1:PORT"); `utility` ("" = all) restricts to one utility
// (case-insensitive). Auth types without a known login script (proxy) are left out.
Result<Target> simulatorTarget(const Catalogue& catalogue, const std::string& origin, const std::string& utility);

// The login script for an auth type on the simulator's pages (empty for unsupported types).
std::vector<LoginStep> simLoginScript(AuthType type);

} // namespace gbc

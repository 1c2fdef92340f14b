// /__sim/clients/{clientId}/profiles: a registration's custodian profiles at run time (see gbc-sim profiles).
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

std::vector<Route> profileRoutes(const ModulePtr& module);

} // namespace gbc

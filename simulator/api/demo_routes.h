// Routes of the demo third-party website: configuration, start (redirect to authorize), callback (server-side code
// exchange), usage (server-side ESPI fetch, chart).
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

std::vector<Route> demoRoutes(const ModulePtr& module);

} // namespace gbc

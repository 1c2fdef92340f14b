// Routes of the Green Button proxy flow (PGE, SCE): /gb-proxy/<form>, /<utility>/gb-oauth/<form>, the utility's
// /gb-proxy/utility/<UTILITY>/login and /share pages, and /gb-proxy/<form>/final.
#pragma once

#include <vector>

#include "api_module.h"

namespace gbc {

std::vector<Route> proxyRoutes(const ModulePtr& module);

} // namespace gbc

// The OAuth routes of every utility, under /DataCustodian/<utility>/oauth/ and under /oauth/ on the utility's host.
#pragma once

#include <vector>

#include "http_types.h"
#include "sim_context.h"
#include "sim_store.h"

namespace gbc {

// GET+POST .../oauth/authorize, POST .../oauth/token, POST .../oauth/revoke for both mounts. An unknown utility
// (or a Host that is no utility's) gets a 404 page. ctx and store must outlive the routes.
std::vector<Route> oauthRoutes(SimContext& ctx, SimStore& store);

} // namespace gbc

// JSON API / ODR / proxy / demo routes: filled in by the JSON-API issue.
#include "api_routes.h"

namespace gbc {

std::vector<Route> apiRoutes(SimContext&)
{
    return {};
}

} // namespace gbc

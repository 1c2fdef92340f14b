// ESPI resource API routes: filled in by the ESPI data issue.
#include "espi_routes.h"

namespace gbc {

std::vector<Route> espiRoutes(SimContext&)
{
    return {};
}

} // namespace gbc

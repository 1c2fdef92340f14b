// /__sim/clock: read the simulator's clock and, when it is a fixed clock, move it (tests never sleep).
#pragma once

#include <vector>

#include "http_types.h"
#include "sim_context.h"

namespace gbc {

// GET /__sim/clock → {"now": ISO, "epoch": n, "fixed": bool}.
// POST /__sim/clock with {"advance": "PT15M"} or {"set": "2025-06-15T12:00:00Z"} → the new time;
// 409 when the clock is real, 400 for a malformed body.
std::vector<Route> clockRoutes(SimContext& ctx);

// The POST handler, exposed for unit tests.
HttpAnswer handleClockPost(SimContext& ctx, const HttpRequest& req);

} // namespace gbc

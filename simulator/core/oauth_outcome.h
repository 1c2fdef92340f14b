// How an authorize session ends: a 302 back to the client's redirect_uri (code or error, plus state).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "http_types.h"
#include "oauth_records.h"
#include "sim_context.h"

namespace gbc {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// 302 to redirect_uri with `params` and state (unless the state_not_echoed defect is on). When the request named
// no redirect_uri, a receipt page shows the parameters instead (UtilityAPI's landing page).
HttpAnswer redirectToClient(const SimContext& ctx, const FlowState& flow, QueryParams params);

// error=<code>&error_description=<text> (RFC 6749 §4.1.2.1).
HttpAnswer redirectError(const SimContext& ctx, const FlowState& flow, const std::string& error,
                         const std::string& description);

} // namespace gbc

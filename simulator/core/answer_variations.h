// Variations applied to every answer on its way out (today: retry_after_http_date).
#pragma once

#include "http_types.h"
#include "sim_context.h"

namespace gbc {

// With retry_after_http_date, a Retry-After of delay-seconds becomes the HTTP date that many seconds after the
// simulator's clock (RFC 9110 §10.2.3 allows both forms). Other answers pass unchanged.
HttpAnswer applyAnswerVariations(const SimContext& ctx, HttpAnswer answer);

} // namespace gbc

// Self-contained HTML report (inline CSS and SVG, no scripts or external assets) for attaching to a ticket.
#pragma once

#include <string>

#include "report.h"

namespace gbc {

std::string reportToHtml(const Report& report);

} // namespace gbc

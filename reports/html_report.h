// Self-contained HTML report (inline CSS, SVG and a little script, no external assets) for attaching to a ticket.
#pragma once

#include <cstddef>
#include <string>

#include "report.h"

namespace gbc {

struct HtmlOptions {
    std::string evidenceFile;           // side file with every exchange (--full-evidence), linked from the report; "" none
    std::size_t bodyLimit = 600;        // bytes of each request/response body shown in the report
};

// Failures grouped by check, warnings grouped likewise, the checks x variants matrix, then one section per variant
// (results, sequence view, usage charts, the exchanges cited as evidence of non-PASS results).
std::string reportToHtml(const Report& report, const HtmlOptions& options = {});

// The --full-evidence side file: every exchange with its bodies as the report holds them (same anchors as the report).
std::string evidenceToHtml(const Report& report);

// The inline style and script of both pages.
std::string htmlStyle();
std::string htmlScript();

} // namespace gbc

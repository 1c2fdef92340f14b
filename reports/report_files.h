// Writes the selected renderings of a report into a folder: report.json, junit.xml, index.html, summary.md
// (and evidence.html with --full-evidence).
#pragma once

#include <string>
#include <vector>

#include "report.h"
#include "result.h"

namespace gbc {

// Formats: "json", "junit", "html", "markdown" ("console" is rendered by the caller). `fullEvidence` adds
// evidence.html beside index.html: every exchange whole, linked from the report. Returns the written paths in order.
Result<std::vector<std::string>> writeReportFiles(const Report& report, const std::string& dir,
    const std::vector<std::string>& formats, bool fullEvidence = false);

// Splits "console,json,junit,html,markdown" and rejects unknown names with a clear error.
Result<std::vector<std::string>> parseFormats(const std::string& list);

} // namespace gbc

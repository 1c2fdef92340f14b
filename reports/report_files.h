// Writes the selected renderings of a report into a folder: report.json, junit.xml, index.html.
#pragma once

#include <string>
#include <vector>

#include "report.h"
#include "result.h"

namespace gbc {

// Formats: "json", "junit", "html" ("console" is rendered by the caller). Returns the written paths in order.
Result<std::vector<std::string>> writeReportFiles(const Report& report, const std::string& dir,
    const std::vector<std::string>& formats);

// Splits "console,json,junit,html" and rejects unknown names with a clear error.
Result<std::vector<std::string>> parseFormats(const std::string& list);

} // namespace gbc

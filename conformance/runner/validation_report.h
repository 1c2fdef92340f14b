// Turns `gbc-conformance validate` results into the canonical report, so validate can use the reports/ writers.
#pragma once

#include <vector>

#include "report.h"
#include "validate.h"

namespace gbc {

// One variant per file (id = its source name), one result per finding with the check's record, and the
// finding's file:line:col plus XPath-like path as the result's location.
Report validationReport(const std::vector<ValidationResult>& results, const std::string& version);

} // namespace gbc

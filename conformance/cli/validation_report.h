// Turns `gbc-conformance validate` results into the canonical report (reports/report.h), the one report.json schema
// that run, validate and merge share; validate writes it through the reports/ writers.
#pragma once

#include <string>
#include <vector>

#include "report.h"
#include "validate.h"

namespace gbc {

// The run.target of every validate report (so that validate reports of different files merge).
inline constexpr const char* kValidateTarget = "ESPI files";

// One variant per file (id = its source name; description "FB ... (inferred|claimed), ENCODING" or "unusable"),
// one result per finding with the check's record, the finding's file:line:col plus XPath-like path as its location;
// an unusable file adds a note (so the report's exit code is 2, as validate's).
Report validationReport(const std::vector<ValidationResult>& results, const std::string& version);

} // namespace gbc

// Markdown summary of a report (grouped failures), for CI job summaries ($GITHUB_STEP_SUMMARY) and PR comments.
#pragma once

#include <string>

#include "report.h"

namespace gbc {

// The verdict line, then a table of failing checks (verdict, check, variants failing/judged, first failure, first
// variant), the same for warnings, stale allowlist entries and run notes.
std::string reportToMarkdown(const Report& report);

} // namespace gbc

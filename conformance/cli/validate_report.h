// Simple writers for validate results (console, JSON, JUnit). Kept in one place so they can later be replaced by the
// canonical report writers in reports/.
#pragma once

#include <string>
#include <vector>

#include "validate.h"

namespace gbc {

// One line per non-PASS finding (all findings with `verbose`), then a summary line per file.
std::string renderConsole(const std::vector<ValidationResult>& results, bool verbose);
// Sorted keys, files sorted by source, findings sorted by check id, line, column and message.
std::string renderJson(const std::vector<ValidationResult>& results);
// One testsuite per file, one testcase per check; FAIL → failure, ERROR → error, SKIP → skipped, WARN → system-out.
std::string renderJunit(const std::vector<ValidationResult>& results);

} // namespace gbc

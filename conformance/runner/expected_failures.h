// The expected-failures (allowlist) file: FAILs known and accepted for a reason; stale entries are reported.
#pragma once

#include <string>
#include <vector>

#include "result.h"

namespace gbc {

struct ExpectedFailure {
    std::string check;   // glob on check ids, e.g. "ES-011" or "TK-*"
    std::string variant; // glob on variant ids, "*" when absent
    std::string reason;  // required: why this failure is accepted
    std::string where;   // file:/pointer of the entry
};

// {"expectedFailures": [{"check": "...", "variant": "...", "reason": "..."}]}
Result<std::vector<ExpectedFailure>> parseExpectedFailures(const std::string& text, const std::string& file);
Result<std::vector<ExpectedFailure>> loadExpectedFailures(const std::string& path);

bool globMatch(const std::string& pattern, const std::string& text);

} // namespace gbc

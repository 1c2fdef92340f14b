// Results grouped by cause: one group per check that failed (or warned), shared by the HTML, console and Markdown views.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "report.h"

namespace gbc {

struct CheckGroup {
    std::string checkId;
    std::vector<const CheckResult*> hits; // in report order (variant order within the check)
    std::size_t ran = 0;                  // results of this check (variants it was judged in)
};

// FAIL (not allow-listed) and ERROR results, or with `failures` false WARN and allow-listed FAIL results, one group
// per check, the check failing in most variants first (then by check id).
std::vector<CheckGroup> groupByCheck(const Report& report, bool failures);

// "FAIL TK-004 in 40/40 variants: <first message> — first: <variant>" (ERROR when the first hit is an ERROR).
std::string groupLine(const CheckGroup& group);

} // namespace gbc

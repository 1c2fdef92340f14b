// JUnit XML rendering of the report: one <testsuite> per variant, one <testcase> per check x variant.
#pragma once

#include <string>

#include "report.h"

namespace gbc {

std::string reportToJunit(const Report& report);

} // namespace gbc

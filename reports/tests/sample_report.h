// A small hand-built report with every verdict, an OAuth exchange and a data series, shared by the report tests.
#pragma once

#include "report.h"

namespace gbc::fixture {

Report sampleReport();

} // namespace gbc::fixture

// The HTML report's usage charts, read from a fetched ESPI document with the validator's document model.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "espi_document.h"
#include "report.h"

namespace gbc {

// One series per UsagePoint that has interval data in `doc`: the readings of its first MeterReading with blocks
// (blocks grouped by their `up` link), scaled by that MeterReading's ReadingType (the `related` link, else the
// document's first ReadingType), titled "UsagePoint ID — KIND (MeterReading ID)" with the ServiceCategory kind
// (electricity, gas, water...), at most `maxPoints` points (evenly thinned), and the DST changes of the document's
// LocalTimeParameters within the points' span. Empty when the document holds no interval data.
std::vector<Series> intervalSeries(const EspiDocument& doc, const std::string& variant, std::size_t maxPoints = 600);

} // namespace gbc

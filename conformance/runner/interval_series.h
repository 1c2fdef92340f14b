// The HTML report's interval chart, read from a fetched ESPI document with the validator's document model.
#pragma once

#include <cstddef>
#include <string>

#include "espi_document.h"
#include "report.h"

namespace gbc {

// Interval readings of the first MeterReading that has blocks in `doc` (the blocks whose `up` link is the first
// block's), scaled by the first ReadingType's powerOfTenMultiplier, at most `maxPoints` points (evenly thinned).
// Empty points when the document holds no interval data.
Series intervalSeries(const EspiDocument& doc, const std::string& variant, std::size_t maxPoints = 600);

} // namespace gbc

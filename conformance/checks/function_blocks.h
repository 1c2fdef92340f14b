// Green Button function blocks a document claims (--fb 1_4_5_15) or, when none are claimed, infers from its content.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "result.h"

namespace gbc {

class EspiDocument;

struct FunctionBlocks {
    std::set<int> ids;
    bool inferred = false; // true when read from the document rather than claimed

    bool has(int fb) const { return ids.count(fb) != 0; }
    std::string toString() const; // "1_4_5_15"
};

// Parses "1_4_5_15" (also "FB=1_4_5_15", commas allowed as separators). Ids are 1..99.
// Errors: code "usage.fb", message naming the bad piece.
Result<FunctionBlocks> parseFunctionBlocks(std::string_view text);

// The FBs a document evidently carries: 1 and 4 always; 5 for electric interval data (an electric UsagePoint or
// ReadingType with accumulation 4), 10 for gas and 11 for water (UsagePoint kind or ReadingType commodity),
// 12 when an IntervalReading carries cost, 15 with a UsageSummary, 16 when a UsageSummary carries bill/cost
// fields, 17 with an ElectricPowerQualitySummary. FBs 6-9, 27, 28 and 29 are only checked when claimed,
// since their only evidence would be the very signature their checks look for.
FunctionBlocks inferFunctionBlocks(const EspiDocument& doc);

} // namespace gbc

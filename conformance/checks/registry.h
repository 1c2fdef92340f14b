// The catalogue of ESPI data checks.
//
// Check id scheme (ids are stable: never renumbered, only retired):
//   ESPI-Dnnn          a GBA data test (D000-D147 in the GBA CMD harness XSLTs), e.g. ESPI-D042 = first reading
//                      starts at the block start, ESPI-D080 = FB 11 water signature. When GBA numbers one rule twice
//                      (D024/D054, D025/D037) the lower number is the id and the reference names both.
//   ESPI-<AREA>-<NAME> a rule without a GBA test id, by area:
//                      XML (well-formedness, namespaces, root), XSD (schema validation, numbered),
//                      ENV (Atom envelope), CERT (certification link), LINK (link graph), RT (ReadingType),
//                      UP (UsagePoint), IB (IntervalBlock), LTP (LocalTimeParameters), TIME (TimeType fields),
//                      US (UsageSummary), PQ (ElectricPowerQualitySummary), COST (amounts),
//                      AUTH (Authorization), AI (ApplicationInformation).
// Level MUST: a violation is FAIL and makes `validate` exit 1. Level SHOULD: a violation is WARN.
// A check tied to function blocks runs only when one of them is claimed (--fb) or inferred; otherwise SKIP.
#pragma once

#include <string_view>
#include <vector>

#include "check_types.h"

namespace gbc {

// Every check, sorted by id.
const std::vector<CheckDef>& checkCatalogue();
// The check with this id, or nullptr.
const CheckDef* findCheck(std::string_view id);

inline constexpr std::string_view kWellFormedCheckId = "ESPI-XML-WELLFORMED";
inline constexpr std::string_view kSchemaCheckId = "ESPI-XSD-001";

} // namespace gbc

// The check families; registry.cpp concatenates them into the catalogue.
#pragma once

#include <vector>

#include "check_types.h"

namespace gbc {

std::vector<CheckDef> documentChecks();     // checks_document.cpp: well-formedness, namespaces, root, XSD
std::vector<CheckDef> envelopeChecks();     // checks_envelope.cpp: Atom ids, titles, dates
std::vector<CheckDef> entryLinkChecks();    // checks_entry_links.cpp: link attributes, self/up, content
std::vector<CheckDef> linkGraphChecks();    // checks_link_graph.cpp: GBA link graph D007-D143
std::vector<CheckDef> readingTypeChecks();  // checks_reading_type.cpp: ReadingType and UsagePoint fields
std::vector<CheckDef> signatureChecks();    // checks_signatures.cpp: per-FB ReadingType signatures
std::vector<CheckDef> intervalBlockChecks();// checks_interval_block.cpp: one block at a time
std::vector<CheckDef> intervalSeriesChecks();// checks_interval_series.cpp: blocks of one MeterReading together
std::vector<CheckDef> localTimeChecks();    // checks_local_time.cpp: LocalTimeParameters, epoch fields
std::vector<CheckDef> summaryChecks();      // checks_summary.cpp: UsageSummary and power quality
std::vector<CheckDef> adminChecks();        // checks_admin.cpp: Authorization and ApplicationInformation
std::vector<CheckDef> codeChecks();         // checks_codes.cpp: unlisted values of extensible code lists

} // namespace gbc

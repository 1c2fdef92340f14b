// JSON rendering of the canonical report (reports/README.md documents the schema) and its strict reader.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "report.h"
#include "result.h"

namespace gbc {

inline constexpr const char* kReportSchema = "gbc-conformance-report/1";

// Ordered, deterministic JSON: apart from "timing", equal reports give byte-identical text.
nlohmann::ordered_json reportToJson(const Report& report);
std::string reportToJsonText(const Report& report);

// Reads a report written by reportToJsonText (used by `gbc-conformance merge`); errors name file and JSON pointer.
Result<Report> reportFromJsonText(const std::string& text, const std::string& file);

} // namespace gbc

// XSD validation by the real xmllint (libxml2): locating the schema and running it on a file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "result.h"

namespace gbc {

// Accepts the espi-schema folder (holding v4.0/all.xsd), the v4.0 folder itself, or an .xsd file.
// Error code "usage.schema" when none of these exists.
Result<std::string> resolveSchemaFile(const std::string& given);

struct SchemaMessage {
    std::size_t line = 0; // 0 when xmllint gave no line
    std::string text;     // xmllint's message without the "file:line: " prefix
};

// Outcome of one xmllint run. `harnessError` non-empty: xmllint could not judge (missing, schema unreadable);
// otherwise `valid` is xmllint's verdict and `messages` its located complaints about the document.
struct SchemaRun {
    bool valid = false;
    std::string harnessError;
    std::vector<SchemaMessage> messages;
};

// Runs `xmllint --noout --nonet --schema xsd file` without a shell and collects its output.
SchemaRun runXmllint(const std::string& xmllint, const std::string& xsd, const std::string& file);

} // namespace gbc

// XSD validation in-process with libxml2: finding the ESPI schema, compiling it once per process, and validating
// document bytes by streaming them through libxml2's SAX parser (no second tree is built).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace gbc {

// Accepts the espi-schema folder (holding v4.0/all.xsd), the v4.0 folder itself, or an .xsd file.
// Error code "usage.schema" when none of these exists.
Result<std::string> resolveSchemaFile(const std::string& given);

// The schema used when none is given (documented in conformance/checks/README.md):
// 1. $GBC_SCHEMA_DIR (resolved like --schema; an error when it is set but holds no schema);
// 2. shared/espi-schema/v4.0/all.xsd in the folder holding the executable or any of its ancestors — that is
//    ../shared/espi-schema/v4.0 beside the source checkout the executable was built in (build/conformance/cli/...).
// Error code "schema.not_found" naming what was tried.
Result<std::string> findDefaultSchema(const std::string& executablePath);

struct SchemaMessage {
    std::size_t line = 0;   // 0 when libxml2 gave no line
    std::size_t column = 0; // 0 when unknown
    std::string text;       // libxml2's message, one line
};

// Outcome of one validation. `harnessError` non-empty: the schema could not be compiled (nothing was judged);
// otherwise `valid` is the verdict and `messages` the located complaints (at most the cap asked for, `dropped` more).
struct SchemaRun {
    bool valid = false;
    std::string harnessError;
    std::vector<SchemaMessage> messages;
    std::size_t dropped = 0;
};

// Validates `bytes` against the schema file `xsd`, compiling it on first use (cached for the process, thread-safe).
SchemaRun validateAgainstSchema(const std::string& xsd, std::string_view bytes, std::size_t maxMessages = 100);

} // namespace gbc

// The validate engine: parse once, run every applicable check, optionally the libxml2 XSD check; located findings.
// This is the entry point the runner calls on each fetched feed.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check.h"
#include "function_blocks.h"
#include "result.h"

namespace gbc {

struct ValidateOptions {
    std::optional<FunctionBlocks> claimed; // nullopt: infer the FBs from the document
    std::string schemaFile;                // an .xsd (resolveSchemaFile, findDefaultSchema); empty: XSD check SKIP
    std::string schemaSkipReason;          // the SKIP reason shown when schemaFile is empty
    bool parallelSchema = true;            // run the libxml2 XSD pass on a second thread beside the semantic checks
    std::size_t maxFindingsPerCheck = 100; // further violations are summarized in one extra finding
};

// A finding with its place in the document. finding.location is "source:line:col" ("source" alone for the
// document as a whole); path is XPath-like (/feed/entry[4]/content/ReadingType/uom).
struct LocatedFinding {
    Finding finding;
    Level level = Level::Must;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string path;
};

struct ValidationResult {
    std::string source;
    bool usable = true;         // false: unreadable, undecodable or not well-formed (CLI exit 2)
    std::string encoding;       // encoding the input arrived in
    FunctionBlocks functionBlocks;
    // Per check in catalogue order: one PASS or SKIP finding, or one FAIL/WARN/ERROR finding per violation.
    std::vector<LocatedFinding> findings;

    bool mustFailed() const;    // some MUST check FAILed
    bool hasError() const;      // some check could not be judged (ERROR verdict)
    std::map<Verdict, int> counts() const;
    // The worst verdict of one check's findings (FAIL > ERROR > WARN > PASS > SKIP), nullopt when it did not run.
    std::optional<Verdict> verdictOf(std::string_view checkId) const;
};

// Validates a document held in memory. `source` names it in locations; `diskPath` is unused (kept for callers).
ValidationResult validateDocument(std::string_view bytes, const ValidateOptions& options,
                                  const std::string& source = "<input>", const std::string& diskPath = {});
// Reads and validates a file; an unreadable file gives usable = false and an ERROR finding.
ValidationResult validateFile(const std::string& path, const ValidateOptions& options);

} // namespace gbc

namespace gbc {

// How `validate` and `run` pick the XSD for the ESPI-XSD-001 check.
enum class SchemaChoice {
    Default,  // findDefaultSchema (GBC_SCHEMA_DIR, then shared/espi-schema/v4.0 above the executable)
    Explicit, // the --schema DIR given (an error when it holds no schema)
    Off,      // --no-schema: the check SKIPs saying so
};

// Sets options.schemaFile (or options.schemaSkipReason). Returns the note to print once on stderr when the default
// search found nothing (empty when a schema is used or the check was turned off); an error for a bad --schema DIR.
Result<std::string> chooseSchema(ValidateOptions& options, SchemaChoice choice, const std::string& dir = {});

} // namespace gbc

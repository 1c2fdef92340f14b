// Helpers shared by the validator tests: environment paths, fixture files and their FB claims.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "validate.h"

namespace gbc::test {

// Value of an environment variable set by meson (GBC_FIXTURES_DIR, GBC_SAMPLES_DIR, GBC_SCHEMA_DIR,
// GBC_CONFORMANCE_EXE); empty when unset.
std::string env(const char* name);
std::string readBytes(const std::string& path);
bool isDirectory(const std::string& path);
// Sorted names of the *.xml files in `dir` starting with `prefix`.
std::vector<std::string> xmlFiles(const std::string& dir, const std::string& prefix);
// The FB list a fixture claims in its "<!-- gbc-fixture: fb=LIST -->" comment, decoded from any encoding.
std::optional<std::string> fixtureClaim(const std::string& bytes);
// The schema file under GBC_SCHEMA_DIR when it exists; empty otherwise.
std::string schemaFileIfUsable();
// Validates a fixture with its claimed FBs (and the schema when `withSchema` and usable).
ValidationResult validateFixture(const std::string& path, bool withSchema);
// Ids of the checks with a FAIL (and, with `includeWarn`, WARN) finding.
std::vector<std::string> nonPassingChecks(const ValidationResult& r, bool includeWarn);

// One gbc-conformance process: exit code (-1 when it did not exit normally) and stdout + stderr together.
struct CliRun {
    int code = -1;
    std::string out;
};
// Runs GBC_CONFORMANCE_EXE with `args` through the shell, after `envPrefix` (e.g. "NAME='value'", may be empty).
CliRun runConformance(const std::string& args, const std::string& envPrefix = {});

} // namespace gbc::test

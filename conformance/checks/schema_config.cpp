// chooseSchema: the --schema / --no-schema / default-search decision shared by `validate` and `run`.
#include "schema_check.h"
#include "validate.h"

namespace gbc {

Result<std::string> chooseSchema(ValidateOptions& options, SchemaChoice choice, const std::string& dir)
{
    options.schemaFile.clear();
    if (choice == SchemaChoice::Off) {
        options.schemaSkipReason = "--no-schema given";
        return std::string();
    }
    if (choice == SchemaChoice::Explicit) {
        Result<std::string> xsd = resolveSchemaFile(dir);
        if (!xsd)
            return xsd.error();
        options.schemaFile = *xsd;
        return std::string();
    }
    Result<std::string> found = findDefaultSchema("/proc/self/exe");
    if (found) {
        options.schemaFile = *found;
        return std::string();
    }
    options.schemaSkipReason = "no schema found: " + found.error().message;
    return "note: " + found.error().message + "; check ESPI-XSD-001 is SKIPped";
}

} // namespace gbc

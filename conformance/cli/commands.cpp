// The subcommand table.
#include "commands.h"

#include "runner_commands.h"

namespace gbc {

const std::vector<Command>& commands()
{
    static const std::vector<Command> table{
        {"validate",
         "validate FILE... [--fb LIST] [--schema DIR] [--format console,json,junit] [--report-dir DIR] [--verbose]",
         runValidateCommand},
        {"list", "list [--json]: every check with id, level, reference and requirement", runListCommand},
        {"run", kRunHelp, runRunCommand},
        {"matrix", kMatrixHelp, runMatrixCommand},
        {"merge", kMergeHelp, runMergeCommand},
    };
    return table;
}

} // namespace gbc

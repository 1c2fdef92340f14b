// The subcommand table, with each subcommand's usage and options, and the shared usage-error printer.
#include "commands.h"

#include <iostream>

#ifndef GBC_VERSION
#define GBC_VERSION "unknown"
#endif

namespace gbc {

const char* toolVersion()
{
    return GBC_VERSION;
}

const std::vector<Command>& commands()
{
    static const std::vector<Command> table{
        {"validate",
         "validate FILE... [--fb LIST] [--schema DIR | --no-schema] [--format console,json,junit,html,markdown] "
         "[--report-dir DIR] [--verbose]",
         "check ESPI XML files (schema and data checks) into the report of run; exit 0 no MUST failed, 1 one failed, "
         "2 unusable input",
         {{"--fb", "--schema", "--format", "--report-dir"}, {}, {"--verbose", "--no-schema"}, {{"-v", "--verbose"}}},
         runValidateCommand},
        {"list", "list [--json]", "every check: the data checks (ESPI-*), then the runner's (AZ/TK/ES/OD/JA/...)",
         {{}, {}, {"--json"}, {}}, runListCommand},
        {"run",
         "run --target FILE | --sim [UTILITY] [--plan full|oauth|oauth-authorize|oauth-token|espi|odr|json-api] "
         "[--filter GLOB] [--exclude GLOB] [--variant GLOB] [--expected-failures FILE] [--report-dir DIR] "
         "[--format console,json,junit,html,markdown] [--full-evidence] [--shard I/N] [--jobs N] [--sim-arg=ARG]... "
         "[--sim-binary PATH] [--schema DIR | --no-schema]\n"
         "  gbc-conformance run --list [--plan NAME] [--filter GLOB] [--exclude GLOB]",
         "play the third party against a Data Custodian (a target file or spawned simulators) and report",
         {{"--target", "--plan", "--filter", "--exclude", "--variant", "--expected-failures", "--report-dir",
              "--format", "--shard", "--jobs", "--sim-arg", "--sim-binary", "--schema"},
             {"--sim"}, {"--list", "--no-schema", "--full-evidence"}, {}},
         runRunCommand},
        {"matrix",
         "matrix --emit github|gitlab|json|github-workflow|gitlab-pipeline [--sim [UTILITY] | --target FILE] "
         "[--variant GLOB] [--shards N]",
         "the variants (or N shards) as a CI matrix, or a complete GitHub workflow / GitLab pipeline around it",
         {{"--emit", "--target", "--variant", "--shards"}, {"--sim"}, {}, {}}, runMatrixCommand},
        {"merge", "merge [--report-dir DIR] [--format json,junit,html,markdown,console] REPORT.json|DIR...",
         "combine report.json files (shards of one run, or validate reports) into one report",
         {{"--report-dir", "--format"}, {}, {}, {}}, runMergeCommand},
    };
    return table;
}

const Command* findCommand(const std::string& name)
{
    for (const Command& c : commands())
        if (name == c.name)
            return &c;
    return nullptr;
}

int usageError(const std::string& command, const Error& error)
{
    std::cerr << "gbc-conformance " << command << ": " << error.describe() << "\n";
    if (const Command* c = findCommand(command))
        std::cerr << "usage: gbc-conformance " << c->usage << "\n";
    return kExitUnusable;
}

} // namespace gbc

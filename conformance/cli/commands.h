// The gbc-conformance subcommand table: {name, usage, summary, options, run}. main.cpp parses every subcommand's
// arguments with the one reader (cmd_options.h), answers --help and reports bad usage; add a subcommand by adding
// one file and one row.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cmd_options.h"
#include "runner_families.h"

namespace gbc {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;        // nothing failed
inline constexpr int kExitFailed = 1;    // a MUST check failed
inline constexpr int kExitUnusable = 2;  // unusable input, bad usage or a harness error

// The version printed by --version and recorded in reports (the meson project version).
const char* toolVersion();

struct Command {
    const char* name;
    const char* usage;   // synopsis after "gbc-conformance ", for `help` and `NAME --help`
    const char* summary; // one sentence for `gbc-conformance --help`
    OptionSpec options;
    int (*run)(const ParsedArgs& args);
};

const std::vector<Command>& commands();
const Command* findCommand(const std::string& name);

// Prints "gbc-conformance NAME: [code] where: message" and the command's usage on stderr; returns kExitUnusable.
int usageError(const std::string& command, const Error& error);

// One function per subcommand file.
int runValidateCommand(const ParsedArgs& args); // cmd_validate.cpp
int runListCommand(const ParsedArgs& args);     // cmd_list.cpp
int runRunCommand(const ParsedArgs& args);      // cmd_run.cpp
int runMatrixCommand(const ParsedArgs& args);   // cmd_matrix.cpp
int runMergeCommand(const ParsedArgs& args);    // cmd_merge.cpp

// One runner check as JSON / as a text line (cmd_list.cpp; `run --list` prints the same lines).
nlohmann::json runnerCheckJson(const RunnerCheck& check);
std::string runnerCheckLine(const RunnerCheck& check);

} // namespace gbc

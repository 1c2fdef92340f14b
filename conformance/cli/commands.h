// The gbc-conformance subcommand table: {name, help, run}. Add a subcommand by adding one file and one row.
#pragma once

#include <string>
#include <vector>

namespace gbc {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;        // nothing failed
inline constexpr int kExitFailed = 1;    // a MUST check failed
inline constexpr int kExitUnusable = 2;  // unusable input, bad usage or a harness error

struct Command {
    const char* name;
    const char* help; // one line for `gbc-conformance help`
    int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();

// One function per subcommand file.
int runValidateCommand(const std::vector<std::string>& args); // cmd_validate.cpp
int runListCommand(const std::vector<std::string>& args);     // cmd_list.cpp

} // namespace gbc

// gbc-conformance: dispatches to a subcommand from the table; exceptions stop here as exit code 2.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

namespace {

void printUsage(std::ostream& out)
{
    out << "usage: gbc-conformance <command> [args]\n\ncommands:\n";
    for (const gbc::Command& c : gbc::commands())
        out << "  " << c.name << "\n      " << c.help << "\n";
    out << "\nexit codes: 0 no MUST check failed, 1 a MUST check failed, 2 unusable input or bad usage\n";
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        printUsage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? gbc::kExitUnusable : gbc::kExitOk;
    }
    for (const gbc::Command& c : gbc::commands()) {
        if (args[0] != c.name)
            continue;
        try {
            return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
        } catch (const std::exception& e) {
            std::cerr << "gbc-conformance " << c.name << ": internal error: " << e.what() << "\n";
            return gbc::kExitUnusable;
        }
    }
    std::cerr << "gbc-conformance: unknown command '" << args[0] << "'\n";
    printUsage(std::cerr);
    return gbc::kExitUnusable;
}

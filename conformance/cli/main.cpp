// gbc-conformance: --version, --help, then one subcommand from the table: its arguments read by the one option
// reader, `NAME --help` answered here; exceptions stop here as exit code 2.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

namespace {

void printUsage(std::ostream& out)
{
    out << "usage: gbc-conformance <command> [args]    (gbc-conformance <command> --help for its options)\n"
           "       gbc-conformance --version | --help\n\ncommands:\n";
    for (const gbc::Command& c : gbc::commands())
        out << "  " << c.name << "\n      " << c.summary << "\n";
    out << "\nexit codes: 0 nothing failed, 1 a MUST check failed, 2 unusable input, bad usage or a harness error\n";
}

int runCommand(const gbc::Command& c, const std::vector<std::string>& args)
{
    gbc::Result<gbc::ParsedArgs> parsed = gbc::parseArgs(args, c.name, c.options);
    if (!parsed)
        return gbc::usageError(c.name, parsed.error());
    if (parsed->has("--help")) {
        std::cout << "usage: gbc-conformance " << c.usage << "\n" << c.summary << "\n";
        return gbc::kExitOk;
    }
    try {
        return c.run(parsed.value());
    } catch (const std::exception& e) {
        std::cerr << "gbc-conformance " << c.name << ": internal error: " << e.what() << "\n";
        return gbc::kExitUnusable;
    }
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(std::cerr);
        return gbc::kExitUnusable;
    }
    if (args[0] == "help" && args.size() == 2 && gbc::findCommand(args[1])) // help NAME = NAME --help
        return runCommand(*gbc::findCommand(args[1]), {"--help"});
    if (args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        printUsage(std::cout);
        return gbc::kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "gbc-conformance " << gbc::toolVersion() << "\n";
        return gbc::kExitOk;
    }
    if (const gbc::Command* c = gbc::findCommand(args[0]))
        return runCommand(*c, std::vector<std::string>(args.begin() + 1, args.end()));
    std::cerr << "gbc-conformance: unknown command '" << args[0] << "'\n";
    printUsage(std::cerr);
    return gbc::kExitUnusable;
}

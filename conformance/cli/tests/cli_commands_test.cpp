// Tests of the gbc-conformance front end: --version, --help, per-subcommand --help, located usage errors, and the
// one option reader every subcommand uses.
#include <gtest/gtest.h>

#include <cstdlib>

#include "commands.h"
#include "tool_runner.h"

namespace gbc {
namespace {

suite::ToolRun cli(const std::vector<std::string>& args)
{
    return suite::runTool(suite::conformanceExe(), args);
}

// Makes sure --version prints the meson project version (given to the test by meson, not by the code) and exits 0.
// Example failure: --version taken for an unknown command (exit 2).
TEST(CliCommands, VersionExitsZero)
{
    const char* version = std::getenv("GBC_VERSION");
    ASSERT_NE(version, nullptr);
    const suite::ToolRun r = cli({"--version"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "gbc-conformance " + std::string(version) + "\n");
    EXPECT_EQ(std::string(toolVersion()), version);
}

// Makes sure --help, -h and help print every subcommand of the table on stdout with exit 0, and no argument at all
// prints the same usage on stderr with exit 2. Example failure: a new subcommand missing from the help text.
TEST(CliCommands, HelpListsEveryCommand)
{
    for (const char* flag : {"--help", "-h", "help"}) {
        const suite::ToolRun r = cli({flag});
        EXPECT_EQ(r.exitCode, 0) << flag << r.err;
        EXPECT_NE(r.out.find("gbc-conformance --version"), std::string::npos) << r.out;
        for (const Command& c : commands())
            EXPECT_NE(r.out.find(std::string("  ") + c.name + "\n      " + c.summary), std::string::npos) << c.name;
    }
    const suite::ToolRun none = cli({});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_TRUE(none.out.empty());
    EXPECT_NE(none.err.find("usage: gbc-conformance <command>"), std::string::npos) << none.err;
}

// Makes sure every subcommand answers --help, -h and `help NAME` with its own usage on stdout and exit 0, also after
// an option that takes an optional value. Example failure: `run --help` refused as an unknown option.
TEST(CliCommands, EverySubcommandHasHelp)
{
    for (const Command& c : commands()) {
        const std::string usage = std::string("usage: gbc-conformance ") + c.usage + "\n";
        for (const std::vector<std::string>& args :
            {std::vector<std::string>{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}}) {
            const suite::ToolRun r = cli(args);
            EXPECT_EQ(r.exitCode, 0) << c.name << r.err;
            EXPECT_EQ(r.out.rfind(usage, 0), 0u) << c.name << "\n" << r.out;
        }
    }
    const suite::ToolRun r = cli({"run", "--sim", "--help"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("usage: gbc-conformance run ", 0), 0u) << r.out;
}

// Makes sure an unknown option is exit 2 with a message naming the subcommand and the option, then the usage.
// Example failure: an unknown option taken for a file name or silently ignored.
TEST(CliCommands, UnknownOptionIsLocatedUsageError)
{
    for (const Command& c : commands()) {
        const suite::ToolRun r = cli({c.name, "--bogus=1"});
        EXPECT_EQ(r.exitCode, 2) << c.name;
        EXPECT_NE(r.err.find(std::string("gbc-conformance ") + c.name + ": [usage] " + c.name + " --bogus: unknown option"),
            std::string::npos) << r.err;
        EXPECT_NE(r.err.find(std::string("usage: gbc-conformance ") + c.usage), std::string::npos) << r.err;
    }
    const suite::ToolRun unknown = cli({"frobnicate"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos) << unknown.err;
}

// Makes sure the option reader takes --flag VALUE, --flag=VALUE, repeats, comma lists, optional values and aliases.
// Example failure: `--sim --plan odr` taking "--plan" as the utility.
TEST(CliCommands, OptionReader)
{
    const OptionSpec spec{{"--filter", "--target"}, {"--sim"}, {"--json"}, {{"-v", "--verbose"}, {"-j", "--json"}}};
    Result<ParsedArgs> a = parseArgs({"--filter", "TK-*,AZ-001", "--filter=ES-*", "--sim", "--json", "x", "-", "--"},
        "demo", spec);
    ASSERT_TRUE(a.ok()) << a.error().describe();
    EXPECT_EQ(a->list("--filter"), (std::vector<std::string>{"TK-*", "AZ-001", "ES-*"}));
    EXPECT_EQ(a->value("--sim", "none"), ""); // present, without a value (the next word is an option)
    EXPECT_TRUE(a->has("--sim"));
    EXPECT_TRUE(a->has("--json"));
    EXPECT_EQ(a->positionals, (std::vector<std::string>{"x", "-", "--"}));
    Result<ParsedArgs> b = parseArgs({"--sim", "EPE", "-j", "-h"}, "demo", spec);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->value("--sim"), "EPE");
    EXPECT_TRUE(b->has("--json"));
    EXPECT_TRUE(b->has("--help"));
}

// Makes sure reader errors name the command and the option: missing value, value on a bare flag, unknown flag.
// Example failure: `--target` at the end of the line read as an empty target.
TEST(CliCommands, OptionReaderErrors)
{
    const OptionSpec spec{{"--target"}, {}, {"--json"}, {}};
    Result<ParsedArgs> missing = parseArgs({"--target"}, "demo", spec);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().where, "demo --target");
    EXPECT_EQ(missing.error().message, "needs a value");
    Result<ParsedArgs> valued = parseArgs({"--json=yes"}, "demo", spec);
    ASSERT_FALSE(valued.ok());
    EXPECT_EQ(valued.error().message, "takes no value");
    Result<ParsedArgs> shortUnknown = parseArgs({"-x"}, "demo", spec);
    ASSERT_FALSE(shortUnknown.ok());
    EXPECT_EQ(shortUnknown.error().where, "demo -x");
}

} // namespace
} // namespace gbc

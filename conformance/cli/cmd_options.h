// The one argument reader of every gbc-conformance subcommand: --flag VALUE, --flag=VALUE, repeatable flags,
// short aliases, positionals; unknown options are errors naming the option.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "result.h"

namespace gbc {

// What a subcommand accepts. `--help` and `-h` are accepted by every subcommand.
struct OptionSpec {
    std::set<std::string> withValue;            // --flag VALUE or --flag=VALUE
    std::set<std::string> optionalValue;        // --flag [VALUE] (e.g. --sim [UTILITY]); a next word starting with - is not taken
    std::set<std::string> bare;                 // --flag without a value
    std::map<std::string, std::string> aliases; // short form -> long form, e.g. "-v" -> "--verbose"
};

struct ParsedArgs {
    std::map<std::string, std::vector<std::string>> values; // flag -> values in order ("" for a bare flag)
    std::vector<std::string> positionals;

    bool has(const std::string& flag) const { return values.count(flag) != 0; }
    std::string value(const std::string& flag, const std::string& fallback = "") const;
    std::vector<std::string> list(const std::string& flag) const; // every value, comma lists split
};

// Reads `args` (the words after the subcommand) against `spec`; the error names the command and the option.
// A lone "-" and "--" are positionals.
Result<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::string& command, const OptionSpec& spec);

} // namespace gbc

// A small argument reader for the runner's subcommands: --flag VALUE, --flag=VALUE, repeatable flags, positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "result.h"

namespace gbc {

struct ParsedArgs {
    std::map<std::string, std::vector<std::string>> values; // flag -> values in order ("" for a bare flag)
    std::vector<std::string> positionals;

    bool has(const std::string& flag) const { return values.count(flag) != 0; }
    std::string value(const std::string& flag, const std::string& fallback = "") const;
    std::vector<std::string> list(const std::string& flag) const; // every value, comma lists split
};

// `withValue`: flags that take a value; `optionalValue`: flags whose value may be omitted (e.g. --sim [UTILITY]);
// `bare`: flags without a value. Anything else starting with "--" is an error naming it.
Result<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::string& command,
    const std::set<std::string>& withValue, const std::set<std::string>& optionalValue,
    const std::set<std::string>& bare);

} // namespace gbc

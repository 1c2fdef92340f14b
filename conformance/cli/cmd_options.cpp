// The one argument reader of every subcommand, with errors naming the command and the option.
#include "cmd_options.h"

namespace gbc {

std::string ParsedArgs::value(const std::string& flag, const std::string& fallback) const
{
    auto it = values.find(flag);
    return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::list(const std::string& flag) const
{
    std::vector<std::string> out;
    auto it = values.find(flag);
    if (it == values.end())
        return out;
    for (const std::string& v : it->second) {
        std::size_t start = 0;
        while (start <= v.size()) {
            const std::size_t comma = v.find(',', start);
            const std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!item.empty())
                out.push_back(item);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
    }
    return out;
}

namespace {

bool isOption(const std::string& a)
{
    return a.size() > 1 && a[0] == '-' && a != "--";
}

} // namespace

Result<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::string& command, const OptionSpec& spec)
{
    ParsedArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!isOption(args[i])) {
            out.positionals.push_back(args[i]);
            continue;
        }
        const std::size_t eq = args[i].find('=');
        std::string flag = args[i].substr(0, eq);
        if (auto alias = spec.aliases.find(flag); alias != spec.aliases.end())
            flag = alias->second;
        const bool inlineValue = eq != std::string::npos;
        if (spec.withValue.count(flag)) {
            if (!inlineValue && i + 1 >= args.size())
                return Error{"usage", command + " " + flag, "needs a value"};
            out.values[flag].push_back(inlineValue ? args[i].substr(eq + 1) : args[++i]);
        } else if (spec.optionalValue.count(flag)) {
            const bool next = !inlineValue && i + 1 < args.size() && args[i + 1].rfind("-", 0) != 0;
            out.values[flag].push_back(inlineValue ? args[i].substr(eq + 1) : (next ? args[++i] : ""));
        } else if ((spec.bare.count(flag) || flag == "--help" || flag == "-h") && !inlineValue) {
            out.values[flag == "-h" ? "--help" : flag].push_back("");
        } else {
            return Error{"usage", command + " " + flag,
                spec.bare.count(flag) ? "takes no value" : "unknown option (see gbc-conformance " + command + " --help)"};
        }
    }
    return out;
}

} // namespace gbc

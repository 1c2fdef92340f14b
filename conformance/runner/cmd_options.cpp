// Argument reading for run/matrix/merge with clear errors for unknown flags and missing values.
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

Result<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::string& command,
    const std::set<std::string>& withValue, const std::set<std::string>& optionalValue,
    const std::set<std::string>& bare)
{
    ParsedArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            out.positionals.push_back(a);
            continue;
        }
        const std::size_t eq = a.find('=');
        const std::string flag = a.substr(0, eq);
        const bool inlineValue = eq != std::string::npos;
        if (withValue.count(flag)) {
            if (!inlineValue && i + 1 >= args.size())
                return Error{"usage", command + " " + flag, "needs a value"};
            out.values[flag].push_back(inlineValue ? a.substr(eq + 1) : args[++i]);
        } else if (optionalValue.count(flag)) {
            const bool next = !inlineValue && i + 1 < args.size() && args[i + 1].rfind("-", 0) != 0;
            out.values[flag].push_back(inlineValue ? a.substr(eq + 1) : (next ? args[++i] : ""));
        } else if (bare.count(flag) && !inlineValue) {
            out.values[flag].push_back("");
        } else {
            return Error{"usage", command + " " + flag, "unknown option (see gbc-conformance help)"};
        }
    }
    return out;
}

} // namespace gbc

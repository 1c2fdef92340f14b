// `gbc-conformance list [--json]`: the check catalogue, as text or as a JSON array sorted by id.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "registry.h"

namespace gbc {

namespace {

nlohmann::json checkJson(const CheckDef& def)
{
    return nlohmann::json{{"id", def.record.id},
                          {"level", toString(def.record.level)},
                          {"reference", def.record.reference},
                          {"requirement", def.record.requirement},
                          {"family", def.record.family},
                          {"functionBlocks", def.functionBlocks}};
}

} // namespace

int runListCommand(const ParsedArgs& args)
{
    if (!args.positionals.empty())
        return usageError("list", Error{"usage", args.positionals.front(), "unexpected argument"});
    if (args.has("--json")) {
        nlohmann::json all = nlohmann::json::array();
        for (const CheckDef& def : checkCatalogue())
            all.push_back(checkJson(def));
        std::cout << all.dump(2) << "\n";
        return kExitOk;
    }
    for (const CheckDef& def : checkCatalogue())
        std::cout << def.record.id << "  " << toString(def.record.level) << "  [" << def.record.reference << "]  "
                  << def.record.requirement << "\n";
    return kExitOk;
}

nlohmann::json runnerCheckJson(const RunnerCheck& check)
{
    return nlohmann::json{{"id", check.record.id}, {"level", toString(check.record.level)},
        {"reference", check.record.reference}, {"requirement", check.record.requirement},
        {"family", check.record.family}, {"plan", check.plan}};
}

std::string runnerCheckLine(const RunnerCheck& check)
{
    return check.record.id + "  " + toString(check.record.level) + "  [" + check.record.reference + "]  " +
        check.record.requirement + "  (plan " + check.plan + ")";
}

} // namespace gbc

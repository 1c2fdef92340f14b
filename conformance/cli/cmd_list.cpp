// `gbc-conformance list [--json]`: every check, the data checks (validate; the runner applies them to every fetched
// ESPI document) then the runner's checks (run), as text sections or one JSON array.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "registry.h"

namespace gbc {

namespace {

nlohmann::json dataCheckJson(const CheckDef& def)
{
    return nlohmann::json{{"id", def.record.id}, {"kind", "data"}, {"level", toString(def.record.level)},
        {"reference", def.record.reference}, {"requirement", def.record.requirement},
        {"family", def.record.family}, {"functionBlocks", def.functionBlocks}};
}

std::string dataCheckLine(const CheckDef& def)
{
    std::string fbs;
    for (int fb : def.functionBlocks)
        fbs += (fbs.empty() ? "" : "_") + std::to_string(fb);
    return def.record.id + "  " + toString(def.record.level) + "  [" + def.record.reference + "]  " +
        def.record.requirement + (fbs.empty() ? "" : "  (FB " + fbs + ")");
}

} // namespace

int runListCommand(const ParsedArgs& args)
{
    if (!args.positionals.empty())
        return usageError("list", Error{"usage", args.positionals.front(), "unexpected argument"});
    if (args.has("--json")) {
        nlohmann::json all = nlohmann::json::array();
        for (const CheckDef& def : checkCatalogue())
            all.push_back(dataCheckJson(def));
        for (const RunnerCheck& check : runnerChecks())
            all.push_back(runnerCheckJson(check));
        std::cout << all.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << "data checks (validate, and run on every ESPI document it fetches): " << checkCatalogue().size() << "\n";
    for (const CheckDef& def : checkCatalogue())
        std::cout << dataCheckLine(def) << "\n";
    std::cout << "\nrunner checks (run): " << runnerChecks().size() << "\n";
    for (const RunnerCheck& check : runnerChecks())
        std::cout << runnerCheckLine(check) << "\n";
    return kExitOk;
}

nlohmann::json runnerCheckJson(const RunnerCheck& check)
{
    return nlohmann::json{{"id", check.record.id}, {"kind", "runner"}, {"level", toString(check.record.level)},
        {"reference", check.record.reference}, {"requirement", check.record.requirement},
        {"family", check.record.family}, {"plan", check.plan}};
}

std::string runnerCheckLine(const RunnerCheck& check)
{
    return check.record.id + "  " + toString(check.record.level) + "  [" + check.record.reference + "]  " +
        check.record.requirement + "  (plan " + check.plan + ")";
}

} // namespace gbc

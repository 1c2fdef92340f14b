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

int runListCommand(const std::vector<std::string>& args)
{
    bool json = false;
    for (const std::string& a : args) {
        if (a == "--json") {
            json = true;
        } else {
            std::cerr << "gbc-conformance list: unknown argument '" << a << "' (usage: list [--json])\n";
            return kExitUnusable;
        }
    }
    if (json) {
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

} // namespace gbc

// `gbc-conformance matrix`: the variants (or N shards) as a CI matrix for GitHub Actions, GitLab CI or plain JSON.
#include "commands.h"

#include <iostream>

#include "catalogue_loader.h"
#include "runner.h"
#include "sim_target.h"

namespace gbc {

namespace {

nlohmann::ordered_json entries(const Target& target, const RunOptions& o, int shards)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    if (shards > 0) {
        for (int i = 1; i <= shards; ++i)
            out.push_back({{"shard", std::to_string(i) + "/" + std::to_string(shards)}});
        return out;
    }
    for (const VariantSpec* v : selectVariants(target, o))
        out.push_back({{"variant", v->id}, {"utility", v->utility}, {"auth", v->auth}, {"scenario", v->scenario}});
    return out;
}

std::string gitlab(const nlohmann::ordered_json& list)
{
    std::string out = "# include in a job: parallel: !reference or paste under the job's `parallel:` key\n"
                      "parallel:\n  matrix:\n";
    for (const auto& item : list) {
        bool first = true;
        for (const auto& [k, v] : item.items()) {
            std::string key = k;
            for (char& c : key)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out += std::string(first ? "    - " : "      ") + key + ": " + nlohmann::json(v).dump() + "\n";
            first = false;
        }
    }
    return out;
}

} // namespace

int runMatrixCommand(const ParsedArgs& a)
{
    const auto usage = [](const Error& e) { return usageError("matrix", e); };
    const std::string emit = a.value("--emit", "json");
    if (emit != "github" && emit != "gitlab" && emit != "json")
        return usage(Error{"usage.emit", "--emit " + emit, "choose github, gitlab or json"});
    const std::string shardsText = a.value("--shards", "0");
    const int shards = shardsText.size() < 4 && shardsText.find_first_not_of("0123456789") == std::string::npos
        ? std::stoi(shardsText) : -1;
    if (shards < 0 || (a.has("--shards") && shards == 0) || !a.positionals.empty() || (a.has("--target") && a.has("--sim")))
        return usage(Error{"usage", "matrix", "bad arguments (--shards N with N >= 1; --target or --sim, not both)"});
    Target target;
    if (a.has("--target")) {
        Result<Target> t = loadTargetFile(a.value("--target"));
        if (!t)
            return usage(t.error());
        target = std::move(t.value());
    } else {
        Result<Catalogue> c = builtinCatalogue();
        Result<Target> t = c ? simulatorTarget(c.value(), "http://127.0.0.1:0", a.value("--sim")) : Result<Target>(c.error());
        if (!t)
            return usage(t.error());
        target = std::move(t.value());
    }
    RunOptions o;
    o.variants = a.list("--variant");
    const nlohmann::ordered_json list = entries(target, o, shards);
    if (emit == "github")
        std::cout << nlohmann::ordered_json{{"include", list}}.dump() << "\n";
    else if (emit == "gitlab")
        std::cout << gitlab(list);
    else
        std::cout << list.dump(2) << "\n";
    return kExitOk;
}

} // namespace gbc

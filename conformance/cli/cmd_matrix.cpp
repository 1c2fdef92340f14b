// `gbc-conformance matrix`: the variants (or N shards) as a CI matrix for GitHub Actions, GitLab CI or plain JSON,
// or a complete GitHub workflow / GitLab pipeline around it. Every entry has a `slug` safe for artifact names.
#include "commands.h"

#include <iostream>

#include "catalogue_loader.h"
#include "ci_files.h"
#include "runner.h"
#include "sim_target.h"

namespace gbc {

namespace {

nlohmann::ordered_json entries(const std::vector<const VariantSpec*>& variants, int shards)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    if (shards > 0) {
        for (int i = 1; i <= shards; ++i)
            out.push_back({{"shard", std::to_string(i) + "/" + std::to_string(shards)},
                {"slug", "shard-" + std::to_string(i) + "-of-" + std::to_string(shards)}});
        return out;
    }
    for (const VariantSpec* v : variants)
        out.push_back({{"variant", v->id}, {"utility", v->utility}, {"auth", v->auth}, {"scenario", v->scenario},
            {"slug", ciSlug(v->id)}});
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

Result<Target> loadTarget(const ParsedArgs& a)
{
    if (a.has("--target"))
        return loadTargetFile(a.value("--target"));
    Result<Catalogue> c = builtinCatalogue();
    return c ? simulatorTarget(c.value(), "http://127.0.0.1:0", a.value("--sim")) : Result<Target>(c.error());
}

// How the emitted CI files name the target and the selection (the same words matrix was given).
CiPlan planOf(const ParsedArgs& a, nlohmann::ordered_json list, bool shards)
{
    CiPlan p;
    p.simulator = !a.has("--target");
    p.targetArgs = p.simulator ? "--sim" + (a.value("--sim").empty() ? "" : " " + a.value("--sim"))
                               : "--target " + a.value("--target");
    for (const std::string& v : a.list("--variant"))
        p.selectArgs += (p.selectArgs.empty() ? "--variant '" : " --variant '") + v + "'";
    p.entries = std::move(list);
    p.shards = shards;
    return p;
}

} // namespace

int runMatrixCommand(const ParsedArgs& a)
{
    const auto usage = [](const Error& e) { return usageError("matrix", e); };
    const std::string emit = a.value("--emit", "json");
    if (emit != "github" && emit != "gitlab" && emit != "json" && emit != "github-workflow" && emit != "gitlab-pipeline")
        return usage(Error{"usage.emit", "--emit " + emit, "choose github, gitlab, json, github-workflow or gitlab-pipeline"});
    const std::string shardsText = a.value("--shards", "0");
    int shards = shardsText.size() < 4 && shardsText.find_first_not_of("0123456789") == std::string::npos
        ? std::stoi(shardsText) : -1;
    if (shards < 0 || (a.has("--shards") && shards == 0) || !a.positionals.empty() || (a.has("--target") && a.has("--sim")))
        return usage(Error{"usage", "matrix", "bad arguments (--shards N with N >= 1; --target or --sim, not both)"});
    Result<Target> target = loadTarget(a);
    if (!target)
        return usage(target.error());
    RunOptions o;
    o.variants = a.list("--variant");
    const std::vector<const VariantSpec*> variants = selectVariants(target.value(), o);
    if (variants.empty())
        return usage(Error{"usage.variant", "--variant", "no variant of the target is selected"});
    if (shards > static_cast<int>(variants.size())) {
        std::cerr << "gbc-conformance matrix: note: " << shards << " shards for " << variants.size()
                  << " variants; using " << variants.size() << " (a shard without a variant has nothing to run)\n";
        shards = static_cast<int>(variants.size());
    }
    if (!a.has("--target") && (emit == "github-workflow" || emit == "gitlab-pipeline"))
        std::cerr << "gbc-conformance matrix: note: against the simulator one job runs the whole plan in seconds; "
                     "a matrix pays against a real Data Custodian whose answers are slow\n";
    const nlohmann::ordered_json list = entries(variants, shards);
    if (emit == "github")
        std::cout << nlohmann::ordered_json{{"include", list}}.dump() << "\n";
    else if (emit == "gitlab")
        std::cout << gitlab(list);
    else if (emit == "github-workflow")
        std::cout << githubWorkflow(planOf(a, list, shards > 0));
    else if (emit == "gitlab-pipeline")
        std::cout << gitlabPipeline(planOf(a, list, shards > 0));
    else
        std::cout << list.dump(2) << "\n";
    return kExitOk;
}

} // namespace gbc

// `gbc-conformance run`: load a target (file or spawned simulators), run the plan, write reports, exit 0/1/2.
#include "commands.h"

#include <algorithm>
#include <iostream>
#include <memory>

#include "catalogue_loader.h"
#include "catalogue_variations.h"
#include "console_report.h"
#include "report_files.h"
#include "runner.h"
#include "sim_process.h"
#include "sim_target.h"
#include "validate.h"

namespace gbc {

namespace {

constexpr int kOk = kExitOk, kUsage = kExitUnusable;

int runUsage(const Error& e)
{
    return usageError("run", e);
}

std::string slug(const std::string& name)
{
    std::string out;
    for (char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
    return out.empty() ? "run" : out;
}

// The catalogue the simulator will serve: --scenarios DIR among the simulator arguments, else the built-in one.
Result<Catalogue> simCatalogue(const std::vector<std::string>& simArgs)
{
    for (std::size_t i = 0; i < simArgs.size(); ++i) {
        if (simArgs[i].rfind("--scenarios=", 0) == 0)
            return loadCatalogueDir(simArgs[i].substr(12));
        if (simArgs[i] == "--scenarios" && i + 1 < simArgs.size())
            return loadCatalogueDir(simArgs[i + 1]);
    }
    return builtinCatalogue();
}

struct Prepared {
    Target target;
    std::vector<std::unique_ptr<SimProcess>> sims;
};

Result<Prepared> prepareSimulators(const ParsedArgs& a, RunOptions& options)
{
    std::vector<std::string> simArgs = {"--quiet"};
    for (const std::string& s : a.values.count("--sim-arg") ? a.values.at("--sim-arg") : std::vector<std::string>{})
        simArgs.push_back(s);
    Result<std::string> binary = findSimBinary(a.value("--sim-binary"));
    if (!binary)
        return binary.error();
    Result<Catalogue> catalogue = simCatalogue(simArgs);
    if (!catalogue)
        return catalogue.error();
    if (simArgsHaveVariation(simArgs, kReservedSecretVariation)) // the secrets gbc-sim will give its clients
        catalogue = withReservedCharSecrets(std::move(catalogue.value()));
    const int jobs = std::stoi(a.value("--jobs", "1"));
    Prepared p;
    for (int j = 0; j < jobs; ++j) {
        Result<std::unique_ptr<SimProcess>> sim = SimProcess::start(binary.value(), simArgs);
        if (!sim)
            return sim.error();
        options.workerOrigins.push_back(sim.value()->url());
        p.sims.push_back(std::move(sim.value()));
    }
    options.workerBase = options.workerOrigins.front();
    Result<Target> target = simulatorTarget(catalogue.value(), options.workerBase, a.value("--sim"));
    if (!target)
        return target.error();
    p.target = std::move(target.value());
    return p;
}

Result<RunOptions> readOptions(const ParsedArgs& a)
{
    RunOptions o;
    o.version = toolVersion();
    o.plan = a.value("--plan", "full");
    bool known = false;
    for (const std::string& p : planNames())
        known = known || p == o.plan;
    if (!known)
        return Error{"usage.plan", "--plan " + o.plan, "unknown plan (full, oauth, oauth-authorize, oauth-token, espi, odr, json-api)"};
    o.filters = a.list("--filter");
    o.excludes = a.list("--exclude");
    o.variants = a.list("--variant");
    if (a.has("--shard")) {
        Result<std::pair<int, int>> shard = parseShard(a.value("--shard"));
        if (!shard)
            return shard.error();
        o.shardIndex = shard->first;
        o.shardCount = shard->second;
    }
    const std::string jobs = a.value("--jobs", "1");
    if (jobs.size() != 1 || jobs[0] < '1' || jobs[0] > '8')
        return Error{"usage.jobs", "--jobs " + jobs, "expected a number from 1 to 8"};
    if (a.has("--expected-failures")) {
        Result<std::vector<ExpectedFailure>> ef = loadExpectedFailures(a.value("--expected-failures"));
        if (!ef)
            return ef.error();
        o.expectedFailures = ef.value();
    }
    if (a.has("--sim") == a.has("--target"))
        return Error{"usage.target", "run", "give exactly one of --target FILE or --sim [UTILITY]"};
    if (a.has("--target") && (a.has("--sim-arg") || jobs != "1"))
        return Error{"usage.target", "run", "--sim-arg and --jobs only apply with --sim"};
    return o;
}

int listSelected(const ParsedArgs& a)
{
    RunOptions o;
    o.plan = a.value("--plan", "full");
    o.filters = a.list("--filter");
    o.excludes = a.list("--exclude");
    const std::vector<const RunnerCheck*> checks = selectChecks(o);
    if (checks.empty())
        return runUsage(Error{"usage.plan", "--plan/--filter", "no check is selected"});
    for (const RunnerCheck* c : checks)
        std::cout << runnerCheckLine(*c) << "\n";
    return kOk;
}

// Runs the plan, stops the simulators, writes the reports and prints the summary; returns the exit code.
// --schema DIR | --no-schema | the default search: every fetched ESPI document also gets the XSD check (ESPI-XSD-001,
// judged within ES-003 and the other data steps); when no schema is found, said once on stderr and the check SKIPs.
Status applySchemaChoice(const ParsedArgs& a, Target& target)
{
    ValidateOptions choice;
    const SchemaChoice how = a.has("--no-schema") ? SchemaChoice::Off
                             : a.has("--schema")  ? SchemaChoice::Explicit
                                                  : SchemaChoice::Default;
    Result<std::string> note = chooseSchema(choice, how, a.value("--schema"));
    if (!note)
        return note.error();
    if (!note->empty())
        std::cerr << "gbc-conformance run: " << *note << "\n";
    for (VariantSpec& v : target.variants) {
        v.config.espi.schemaFile = choice.schemaFile;
        v.config.espi.schemaSkipReason = choice.schemaSkipReason;
    }
    return okStatus();
}

int runAndReport(const ParsedArgs& a, const RunOptions& options, const std::vector<std::string>& formats, Prepared& prepared)
{
    const bool console = std::find(formats.begin(), formats.end(), "console") != formats.end();
    ConsoleProgress progress(std::cerr, isInteractive(2));
    Report report = runTarget(prepared.target, options, console ? &progress : nullptr);
    progress.finish();
    prepared.sims.clear(); // stop the simulators before writing
    const std::string dir = a.value("--report-dir", "reports/out/" + slug(prepared.target.name) +
        (options.shardCount > 1 ? "-shard-" + std::to_string(options.shardIndex) : ""));
    Result<std::vector<std::string>> written = writeReportFiles(report, dir, formats, a.has("--full-evidence"));
    if (!written) {
        std::cerr << "gbc-conformance run: ERROR " << written.error().describe() << "\n";
        return kUsage;
    }
    // Whatever --format says: the verdict, one line per failing check, the report paths.
    std::cout << renderConsoleSummary(report, written.value(), useColour(1)) << std::flush;
    return summarize(report).exitCode;
}

} // namespace

int runRunCommand(const ParsedArgs& a)
{
    if (a.has("--list")) // the checks the plan and filters select, without running anything
        return listSelected(a);
    if (!a.positionals.empty())
        return runUsage(Error{"usage", a.positionals.front(), "unexpected argument"});
    Result<RunOptions> options = readOptions(a);
    if (!options)
        return runUsage(options.error());
    Result<std::vector<std::string>> formats = parseFormats(a.value("--format", "console,json,junit,html"));
    if (!formats)
        return runUsage(formats.error());
    Prepared prepared;
    if (a.has("--sim")) {
        Result<Prepared> p = prepareSimulators(a, options.value());
        if (!p) {
            std::cerr << "gbc-conformance run: ERROR " << p.error().describe() << "\n";
            return kUsage;
        }
        prepared = std::move(p.value());
    } else {
        Result<Target> t = loadTargetFile(a.value("--target"));
        if (!t)
            return runUsage(t.error());
        prepared.target = std::move(t.value());
    }
    if (selectVariants(prepared.target, options.value()).empty())
        return runUsage(Error{"usage.variant", "--variant/--shard", "no variant of the target is selected"});
    if (Status st = applySchemaChoice(a, prepared.target); !st)
        return runUsage(st.error());
    return runAndReport(a, options.value(), formats.value(), prepared);
}

} // namespace gbc

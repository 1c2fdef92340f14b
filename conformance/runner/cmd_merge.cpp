// `gbc-conformance merge`: read shard reports (report.json files or folders holding one) and write the combined report.
#include "runner_commands.h"

#include <filesystem>
#include <iostream>

#include "cmd_options.h"
#include "console_report.h"
#include "json_reader.h"
#include "json_report.h"
#include "report_files.h"
#include "report_merge.h"

namespace gbc {

int runMergeCommand(const std::vector<std::string>& args)
{
    const auto fail = [](const Error& e) {
        std::cerr << "gbc-conformance merge: " << e.describe() << "\nusage: gbc-conformance " << kMergeHelp << "\n";
        return 2;
    };
    Result<ParsedArgs> parsed = parseArgs(args, "merge", {"--report-dir", "--format"}, {}, {});
    if (!parsed)
        return fail(parsed.error());
    if (parsed->positionals.empty())
        return fail(Error{"usage", "merge", "give the shard reports to merge"});
    Result<std::vector<std::string>> formats = parseFormats(parsed->value("--format", "console,json,junit,html"));
    if (!formats)
        return fail(formats.error());
    std::vector<Report> shards;
    for (std::string path : parsed->positionals) {
        if (std::filesystem::is_directory(path))
            path += "/report.json";
        Result<std::string> text = readTextFile(path);
        if (!text)
            return fail(text.error());
        Result<Report> r = reportFromJsonText(text.value(), path);
        if (!r)
            return fail(r.error());
        shards.push_back(std::move(r.value()));
    }
    Result<Report> merged = mergeReports(shards);
    if (!merged)
        return fail(merged.error());
    Result<std::vector<std::string>> written =
        writeReportFiles(merged.value(), parsed->value("--report-dir", "reports/out/merged"), formats.value());
    if (!written)
        return fail(written.error());
    std::cout << renderConsoleSummary(merged.value(), written.value()) << std::flush;
    return summarize(merged.value()).exitCode;
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

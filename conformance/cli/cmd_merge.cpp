// `gbc-conformance merge`: read reports (report.json files or folders holding one) and write the combined report.
#include "commands.h"

#include <filesystem>
#include <iostream>

#include "console_report.h"
#include "json_reader.h"
#include "json_report.h"
#include "report_files.h"
#include "report_merge.h"

namespace gbc {

int runMergeCommand(const ParsedArgs& args)
{
    const auto fail = [](const Error& e) { return usageError("merge", e); };
    if (args.positionals.empty())
        return fail(Error{"usage", "merge", "give the shard reports to merge"});
    Result<std::vector<std::string>> formats = parseFormats(args.value("--format", "console,json,junit,html"));
    if (!formats)
        return fail(formats.error());
    std::vector<Report> shards;
    for (std::string path : args.positionals) {
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
        writeReportFiles(merged.value(), args.value("--report-dir", "reports/out/merged"), formats.value());
    if (!written)
        return fail(written.error());
    std::cout << renderConsoleSummary(merged.value(), written.value(), useColour(1)) << std::flush;
    return summarize(merged.value()).exitCode;
}

} // namespace gbc

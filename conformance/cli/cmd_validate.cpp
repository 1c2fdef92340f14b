// `gbc-conformance validate FILE... [--fb LIST] [--schema DIR | --no-schema] [--format LIST] [--report-dir DIR] [--verbose]`:
// validates, then writes the canonical report through the reports/ writers (the report.json schema of run and merge).
#include <iostream>

#include "commands.h"
#include "console_report.h"
#include "html_report.h"
#include "json_report.h"
#include "junit_report.h"
#include "report_files.h"
#include "validate.h"
#include "validation_report.h"

namespace gbc {

namespace {

struct ValidateArgs {
    std::vector<std::string> files;
    ValidateOptions options;
    std::vector<std::string> formats{"console"};
    std::string reportDir;
    bool verbose = false;
    std::string schemaNote; // said once on stderr when no schema was found
};

Result<ValidateArgs> readArgs(const ParsedArgs& args)
{
    ValidateArgs out;
    out.files = args.positionals;
    out.verbose = args.has("--verbose");
    out.reportDir = args.value("--report-dir");
    if (args.has("--fb")) {
        Result<FunctionBlocks> fbs = parseFunctionBlocks(args.value("--fb"));
        if (!fbs)
            return fbs.error();
        out.options.claimed = *fbs;
    }
    SchemaChoice schema = args.has("--no-schema") ? SchemaChoice::Off
                          : args.has("--schema")  ? SchemaChoice::Explicit
                                                  : SchemaChoice::Default;
    Result<std::string> note = chooseSchema(out.options, schema, args.value("--schema"));
    if (!note)
        return note.error();
    out.schemaNote = *note;
    if (args.has("--format")) {
        Result<std::vector<std::string>> formats = parseFormats(args.value("--format"));
        if (!formats)
            return formats.error();
        out.formats = formats.value();
    }
    if (out.files.empty())
        return Error{"usage.files", "", "no FILE given"};
    return out;
}

// One rendering on stdout (without --report-dir).
std::string render(const std::string& format, const Report& report, bool verbose)
{
    if (format == "json")
        return reportToJsonText(report);
    if (format == "junit")
        return reportToJunit(report);
    if (format == "html")
        return reportToHtml(report);
    return renderConsoleFindings(report, verbose) + verdictLine(report) + "\n";
}

} // namespace

int runValidateCommand(const ParsedArgs& args)
{
    Result<ValidateArgs> parsed = readArgs(args);
    if (!parsed)
        return usageError("validate", parsed.error());
    const ValidateArgs& a = *parsed;
    if (!a.schemaNote.empty())
        std::cerr << "gbc-conformance validate: " << a.schemaNote << "\n";
    std::vector<ValidationResult> results;
    for (const std::string& file : a.files)
        results.push_back(validateFile(file, a.options));
    const Report report = validationReport(results, toolVersion());
    if (a.reportDir.empty()) {
        for (const std::string& f : a.formats)
            std::cout << render(f, report, a.verbose);
    } else {
        Result<std::vector<std::string>> written = writeReportFiles(report, a.reportDir, a.formats);
        if (!written) {
            std::cerr << "gbc-conformance validate: " << written.error().describe() << "\n";
            return kExitUnusable;
        }
        std::cout << render("console", report, a.verbose) << renderReportPaths(written.value());
    }
    return summarize(report).exitCode;
}

} // namespace gbc

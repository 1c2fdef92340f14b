// `gbc-conformance validate FILE... [--fb LIST] [--schema DIR] [--format LIST] [--report-dir DIR] [--verbose]`:
// validates, then writes the canonical report through the reports/ writers (the report.json schema of run and merge).
#include <iostream>

#include "commands.h"
#include "console_report.h"
#include "html_report.h"
#include "json_report.h"
#include "junit_report.h"
#include "report_files.h"
#include "schema_check.h"
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
};

Result<ValidateArgs> readArgs(const ParsedArgs& args)
{
    ValidateArgs out;
    out.files = args.positionals;
    out.verbose = args.has("--verbose");
    out.reportDir = args.value("--report-dir");
    out.options.xmllint = args.value("--xmllint", out.options.xmllint);
    if (args.has("--fb")) {
        Result<FunctionBlocks> fbs = parseFunctionBlocks(args.value("--fb"));
        if (!fbs)
            return fbs.error();
        out.options.claimed = *fbs;
    }
    if (args.has("--schema")) {
        Result<std::string> xsd = resolveSchemaFile(args.value("--schema"));
        if (!xsd)
            return xsd.error();
        out.options.schemaFile = *xsd;
    }
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

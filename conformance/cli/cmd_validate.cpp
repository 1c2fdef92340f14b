// `gbc-conformance validate FILE... [--fb LIST] [--schema DIR] [--format LIST] [--report-dir DIR] [--verbose]`.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "schema_check.h"
#include "validate.h"
#include "utf8_repair.h"
#include "validate_report.h"

namespace gbc {

namespace {

struct ValidateArgs {
    std::vector<std::string> files;
    ValidateOptions options;
    std::vector<std::string> formats{"console"};
    std::string reportDir;
    bool verbose = false;
};

Status applyFormats(ValidateArgs& out, const std::vector<std::string>& list)
{
    if (list.empty())
        return Error{"usage.format", "--format", "no format given (console, json, junit)"};
    out.formats.clear();
    for (const std::string& f : list) {
        if (f != "console" && f != "json" && f != "junit")
            return Error{"usage.format", "--format", "unknown format '" + f + "' (console, json, junit)"};
        out.formats.push_back(f);
    }
    return okStatus();
}

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
    if (args.has("--format"))
        if (Status s = applyFormats(out, args.list("--format")); !s)
            return s.error();
    if (out.files.empty())
        return Error{"usage.files", "", "no FILE given"};
    return out;
}

std::string render(const std::string& format, const std::vector<ValidationResult>& results, bool verbose)
{
    if (format == "json")
        return renderJson(results);
    if (format == "junit")
        return repairUtf8(renderJunit(results)); // file names may be any bytes; XML needs UTF-8
    return renderConsole(results, verbose);
}

Status writeReports(const ValidateArgs& a, const std::vector<ValidationResult>& results)
{
    std::error_code ec;
    std::filesystem::create_directories(a.reportDir, ec);
    for (const std::string& f : a.formats) {
        std::string name = f == "json" ? "validate.json" : f == "junit" ? "validate-junit.xml" : "validate.txt";
        std::ofstream out(std::filesystem::path(a.reportDir) / name, std::ios::binary);
        out << render(f, results, a.verbose);
        if (!out)
            return Error{"report.write", a.reportDir + "/" + name, "cannot write the report"};
    }
    return okStatus();
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
    if (!a.reportDir.empty()) {
        if (Status s = writeReports(a, results); !s) {
            std::cerr << "gbc-conformance validate: " << s.error().describe() << "\n";
            return kExitUnusable;
        }
        std::cout << renderConsole(results, a.verbose);
    } else {
        for (const std::string& f : a.formats)
            std::cout << render(f, results, a.verbose);
    }
    int code = kExitOk;
    for (const ValidationResult& r : results) {
        if (!r.usable || r.hasError())
            return kExitUnusable;
        if (r.mustFailed())
            code = kExitFailed;
    }
    return code;
}

} // namespace gbc

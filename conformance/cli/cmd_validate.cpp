// `gbc-conformance validate FILE... [--fb LIST] [--schema DIR | --no-schema] [--format LIST] [--report-dir DIR] [--verbose]`.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "huge_pages.h"
#include "validate.h"
#include "validate_report.h"

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
    if (args.has("--format"))
        if (Status s = applyFormats(out, args.list("--format")); !s)
            return s.error();
    if (out.files.empty())
        return Error{"usage.files", "", "no FILE given"};
    return out;
}

// The command line that reproduces `args` (for the huge-page relaunch).
std::vector<std::string> selfArgv(const ParsedArgs& args)
{
    std::vector<std::string> argv{"gbc-conformance", "validate"};
    argv.insert(argv.end(), args.positionals.begin(), args.positionals.end());
    for (const auto& [flag, values] : args.values)
        for (const std::string& v : values)
            argv.push_back(flag == "--verbose" || flag == "--no-schema" ? flag : flag + "=" + v);
    return argv;
}

std::string render(const std::string& format, const std::vector<ValidationResult>& results, bool verbose)
{
    if (format == "json")
        return renderJson(results);
    if (format == "junit")
        return renderJunit(results);
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
    relaunchWithHugePagesIfLarge(selfArgv(args), a.files); // returns unless it re-executed
    if (!a.schemaNote.empty())
        std::cerr << "gbc-conformance validate: " << a.schemaNote << "\n";
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

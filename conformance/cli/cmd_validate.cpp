// `gbc-conformance validate FILE... [--fb LIST] [--schema DIR | --no-schema] [--format LIST] [--report-dir DIR] [--verbose]`.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

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
    SchemaChoice schema = SchemaChoice::Default;
    std::string schemaDir;
    std::string schemaNote; // said once on stderr when no schema was found
};

// Splits "--name=value" or takes the next argument as the value; nullopt when the value is missing.
std::optional<std::string> optionValue(const std::vector<std::string>& args, std::size_t& i, const std::string& name)
{
    const std::string& a = args[i];
    if (a.size() > name.size() && a.compare(0, name.size() + 1, name + "=") == 0)
        return a.substr(name.size() + 1);
    if (a != name || i + 1 >= args.size())
        return std::nullopt;
    return args[++i];
}

Status applyFormats(ValidateArgs& out, const std::string& list)
{
    out.formats.clear();
    std::size_t begin = 0;
    while (begin <= list.size()) {
        std::size_t end = list.find(',', begin);
        std::string f = list.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        if (f != "console" && f != "json" && f != "junit")
            return Error{"usage.format", "--format", "unknown format '" + f + "' (console, json, junit)"};
        out.formats.push_back(f);
        if (end == std::string::npos)
            break;
        begin = end + 1;
    }
    return okStatus();
}

// Applies one option at args[i]; errors name the option.
Status applyOption(ValidateArgs& out, const std::vector<std::string>& args, std::size_t& i)
{
    const std::string& a = args[i];
    std::string name = a.substr(0, a.find('='));
    if (name == "--verbose" || name == "-v") {
        out.verbose = true;
        return okStatus();
    }
    if (name == "--no-schema") {
        out.schema = SchemaChoice::Off;
        return okStatus();
    }
    std::optional<std::string> value = optionValue(args, i, name);
    if (!value)
        return Error{"usage.option", name, "unknown option or missing value"};
    if (name == "--fb") {
        Result<FunctionBlocks> fbs = parseFunctionBlocks(*value);
        if (!fbs)
            return fbs.error();
        out.options.claimed = *fbs;
    } else if (name == "--schema") {
        out.schema = SchemaChoice::Explicit;
        out.schemaDir = *value;
    } else if (name == "--format") {
        return applyFormats(out, *value);
    } else if (name == "--report-dir") {
        out.reportDir = *value;
    } else {
        return Error{"usage.option", name, "unknown option"};
    }
    return okStatus();
}

Result<ValidateArgs> parseArgs(const std::vector<std::string>& args)
{
    ValidateArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].size() > 1 && args[i][0] == '-') {
            if (Status s = applyOption(out, args, i); !s)
                return s.error();
        } else {
            out.files.push_back(args[i]);
        }
    }
    if (out.files.empty())
        return Error{"usage.files", "", "no FILE given"};
    Result<std::string> note = chooseSchema(out.options, out.schema, out.schemaDir);
    if (!note)
        return note.error();
    out.schemaNote = *note;
    return out;
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

int runValidateCommand(const std::vector<std::string>& args)
{
    Result<ValidateArgs> parsed = parseArgs(args);
    if (!parsed) {
        std::cerr << "gbc-conformance validate: " << parsed.error().describe() << "\n"
                  << "usage: gbc-conformance validate FILE... [--fb LIST] [--schema DIR | --no-schema] "
                     "[--format console,json,junit] [--report-dir DIR] [--verbose]\n";
        return kExitUnusable;
    }
    const ValidateArgs& a = *parsed;
    std::vector<std::string> self{"gbc-conformance", "validate"};
    self.insert(self.end(), args.begin(), args.end());
    relaunchWithHugePagesIfLarge(self, a.files); // returns unless it re-executed
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

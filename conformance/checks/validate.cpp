// validateDocument: parse → infer or take FBs → run checks in catalogue order → located findings.
#include "validate.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "espi_document.h"
#include "registry.h"
#include "schema_check.h"

namespace gbc {

namespace {

LocatedFinding makeFinding(const CheckRecord& r, Verdict v, std::string message, const std::string& location)
{
    LocatedFinding f;
    f.finding.checkId = r.id;
    f.finding.verdict = v;
    f.finding.message = std::move(message);
    f.finding.location = location;
    f.level = r.level;
    return f;
}

std::string describeFbs(const std::vector<int>& fbs)
{
    std::string out;
    for (int fb : fbs)
        out += (out.empty() ? "FB " : " or FB ") + std::to_string(fb);
    return out;
}

bool applies(const CheckDef& def, const FunctionBlocks& fbs)
{
    if (def.functionBlocks.empty())
        return true;
    for (int fb : def.functionBlocks)
        if (fbs.has(fb))
            return true;
    return false;
}

// Turns a check's violations into findings (FAIL for MUST, WARN for SHOULD), capped with one summary finding.
void addViolations(ValidationResult& result, const CheckRecord& r, const std::vector<Violation>& vs,
                   const EspiDocument& doc, std::size_t cap)
{
    Verdict v = r.level == Level::Must ? Verdict::Fail : Verdict::Warn;
    for (std::size_t i = 0; i < vs.size() && i < cap; ++i) {
        LocatedFinding f = makeFinding(r, v, vs[i].message, result.source);
        f.finding.expected = vs[i].expected;
        f.finding.actual = vs[i].actual;
        if (vs[i].at != kNoElement) {
            TextPosition p = doc.xml().position(vs[i].at);
            f.line = p.line;
            f.column = p.column;
            f.finding.location += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
            f.path = doc.xml().path(vs[i].at);
        }
        result.findings.push_back(std::move(f));
    }
    if (vs.size() > cap)
        result.findings.push_back(makeFinding(r, v, "... and " + std::to_string(vs.size() - cap) +
                                              " more violations of this check", result.source));
}

// The XSD check: xmllint on the file (or a temporary copy of the bytes).
void runSchema(ValidationResult& result, const CheckRecord& r, std::string_view bytes, const ValidateOptions& o,
               const std::string& diskPath)
{
    if (o.schemaFile.empty()) {
        result.findings.push_back(makeFinding(r, Verdict::Skip, "no --schema given", result.source));
        return;
    }
    std::string file = diskPath;
    char tmp[] = "/tmp/gbc-validate-XXXXXX";
    if (file.empty()) {
        int fd = mkstemp(tmp);
        bool written = fd >= 0 && write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
        if (fd >= 0)
            close(fd);
        if (!written) {
            result.findings.push_back(makeFinding(r, Verdict::Error, "cannot write a temporary copy", result.source));
            return;
        }
        file = tmp;
    }
    SchemaRun run = runXmllint(o.xmllint, o.schemaFile, file);
    if (diskPath.empty())
        std::remove(tmp);
    if (!run.harnessError.empty()) {
        result.findings.push_back(makeFinding(r, Verdict::Error, run.harnessError, result.source));
        return;
    }
    if (run.valid) {
        result.findings.push_back(makeFinding(r, Verdict::Pass, "valid against " + o.schemaFile, result.source));
        return;
    }
    std::size_t n = 0;
    for (const SchemaMessage& m : run.messages) {
        if (n++ == o.maxFindingsPerCheck)
            break;
        std::string where = result.source + (m.line ? ":" + std::to_string(m.line) : "");
        LocatedFinding f = makeFinding(r, Verdict::Fail, m.text, where);
        f.line = m.line;
        result.findings.push_back(std::move(f));
    }
    if (run.messages.empty())
        result.findings.push_back(makeFinding(r, Verdict::Fail, "xmllint rejected the document", result.source));
}

void runChecks(ValidationResult& result, const EspiDocument& doc, std::string_view bytes, const ValidateOptions& o,
               const std::string& diskPath)
{
    CheckContext ctx{doc, result.functionBlocks};
    for (const CheckDef& def : checkCatalogue()) {
        const CheckRecord& r = def.record;
        if (r.id == kWellFormedCheckId) {
            result.findings.push_back(makeFinding(r, Verdict::Pass, "well-formed " + result.encoding, result.source));
        } else if (r.id == kSchemaCheckId) {
            runSchema(result, r, bytes, o, diskPath);
        } else if (!applies(def, result.functionBlocks)) {
            result.findings.push_back(makeFinding(r, Verdict::Skip, describeFbs(def.functionBlocks) + " not " +
                                                  (result.functionBlocks.inferred ? "inferred" : "claimed"),
                                                  result.source));
        } else if (def.run) {
            CheckOutput out = def.run(ctx);
            if (!out.skipped.empty())
                result.findings.push_back(makeFinding(r, Verdict::Skip, out.skipped, result.source));
            else if (out.violations.empty())
                result.findings.push_back(makeFinding(r, Verdict::Pass, "", result.source));
            else
                addViolations(result, r, out.violations, doc, o.maxFindingsPerCheck);
        }
    }
}

} // namespace

ValidationResult validateDocument(std::string_view bytes, const ValidateOptions& options, const std::string& source,
                                  const std::string& diskPath)
{
    ValidationResult result;
    result.source = source;
    Result<EspiDocument> doc = EspiDocument::parse(bytes);
    if (!doc) {
        result.usable = false;
        const CheckDef* wf = findCheck(kWellFormedCheckId);
        LocatedFinding f = makeFinding(wf->record, Verdict::Fail, doc.error().message,
                                       source + ":" + doc.error().where);
        std::sscanf(doc.error().where.c_str(), "%zu:%zu", &f.line, &f.column);
        result.findings.push_back(std::move(f));
        return result;
    }
    result.encoding = doc->xml().sourceEncoding();
    result.functionBlocks = options.claimed ? *options.claimed : inferFunctionBlocks(*doc);
    runChecks(result, *doc, bytes, options, diskPath);
    return result;
}

namespace {

// The whole file, or an error message (missing, a directory, unreadable).
Result<std::string> readWholeFile(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Error{"input.unreadable", path, "is a directory"};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"input.unreadable", path, std::string("cannot open: ") + std::strerror(errno)};
    std::string bytes;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0)
        bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        return Error{"input.unreadable", path, "read error"};
    return bytes;
}

} // namespace

ValidationResult validateFile(const std::string& path, const ValidateOptions& options)
{
    Result<std::string> bytes = readWholeFile(path);
    if (!bytes) {
        ValidationResult result;
        result.source = path;
        result.usable = false;
        const CheckDef* wf = findCheck(kWellFormedCheckId);
        result.findings.push_back(makeFinding(wf->record, Verdict::Error, bytes.error().message, path));
        return result;
    }
    return validateDocument(*bytes, options, path, path);
}

bool ValidationResult::mustFailed() const
{
    for (const LocatedFinding& f : findings)
        if (f.finding.verdict == Verdict::Fail && f.level == Level::Must)
            return true;
    return false;
}

bool ValidationResult::hasError() const
{
    for (const LocatedFinding& f : findings)
        if (f.finding.verdict == Verdict::Error)
            return true;
    return false;
}

std::map<Verdict, int> ValidationResult::counts() const
{
    std::map<Verdict, int> out{{Verdict::Pass, 0}, {Verdict::Fail, 0}, {Verdict::Warn, 0}, {Verdict::Skip, 0},
                               {Verdict::Error, 0}};
    for (const LocatedFinding& f : findings)
        ++out[f.finding.verdict];
    return out;
}

std::optional<Verdict> ValidationResult::verdictOf(std::string_view checkId) const
{
    static constexpr int rank[] = {2, 5, 3, 1, 4}; // Pass, Fail, Warn, Skip, Error
    std::optional<Verdict> worst;
    for (const LocatedFinding& f : findings)
        if (f.finding.checkId == checkId &&
            (!worst || rank[static_cast<int>(f.finding.verdict)] > rank[static_cast<int>(*worst)]))
            worst = f.finding.verdict;
    return worst;
}

} // namespace gbc

// validateDocument: start the XSD pass → parse → infer or take FBs → run checks in catalogue order → located findings.
#include "validate.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>

#include "espi_document.h"
#include "huge_pages.h"
#include "registry.h"
#include "schema_check.h"
#include "utf8_handover.h"

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

// The XSD check: libxml2's verdict (computed by the caller, possibly on another thread), located by line.
void addSchemaFindings(ValidationResult& result, const CheckRecord& r, const ValidateOptions& o, const SchemaRun& run)
{
    if (!run.harnessError.empty()) {
        result.findings.push_back(makeFinding(r, Verdict::Error, run.harnessError, result.source));
        return;
    }
    if (run.valid) {
        result.findings.push_back(makeFinding(r, Verdict::Pass, "valid against " + o.schemaFile, result.source));
        return;
    }
    for (const SchemaMessage& m : run.messages) {
        std::string where = result.source + (m.line ? ":" + std::to_string(m.line) : "");
        LocatedFinding f = makeFinding(r, Verdict::Fail, m.text, where);
        f.line = m.line;
        f.column = m.column;
        result.findings.push_back(std::move(f));
    }
    if (run.dropped > 0)
        result.findings.push_back(makeFinding(r, Verdict::Fail, "... and " + std::to_string(run.dropped) +
                                              " more violations of this check", result.source));
}

// The XSD pass, started before the document is parsed: on a second thread when allowed, else run on demand.
class SchemaPass {
public:
    SchemaPass(std::string_view bytes, const ValidateOptions& o) : bytes_(bytes), o_(o)
    {
        if (!o.schemaFile.empty() && o.parallelSchema)
            future_ = std::async(std::launch::async, [this] { return validateAgainstSchema(o_.schemaFile, bytes_,
                                                                                            o_.maxFindingsPerCheck); });
    }
    ~SchemaPass()
    {
        if (future_.valid())
            future_.wait();
    }
    SchemaRun get()
    {
        return future_.valid() ? future_.get() : validateAgainstSchema(o_.schemaFile, bytes_, o_.maxFindingsPerCheck);
    }

private:
    std::string_view bytes_;
    const ValidateOptions& o_;
    std::future<SchemaRun> future_;
};

void runSchema(ValidationResult& result, const CheckRecord& r, const ValidateOptions& o, SchemaPass& pass)
{
    if (o.schemaFile.empty()) {
        std::string why = o.schemaSkipReason.empty() ? "no schema given (--schema DIR or GBC_SCHEMA_DIR)"
                                                     : o.schemaSkipReason;
        result.findings.push_back(makeFinding(r, Verdict::Skip, why, result.source));
        return;
    }
    addSchemaFindings(result, r, o, pass.get());
}

void runChecks(ValidationResult& result, const EspiDocument& doc, const ValidateOptions& o, SchemaPass& schema)
{
    CheckContext ctx{doc, result.functionBlocks};
    for (const CheckDef& def : checkCatalogue()) {
        const CheckRecord& r = def.record;
        if (r.id == kWellFormedCheckId) {
            result.findings.push_back(makeFinding(r, Verdict::Pass, "well-formed " + result.encoding, result.source));
        } else if (r.id == kSchemaCheckId) {
            runSchema(result, r, o, schema);
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
                                  const std::string& /*diskPath*/)
{
    ValidationResult result;
    result.source = source;
    SchemaPass schema(bytes, options);
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
    runChecks(result, *doc, options, schema);
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
    std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > 0) { // one read straight into the final buffer (no growth, no intermediate copies)
        bytes.reserve(static_cast<std::size_t>(size));
        adviseHugePages(bytes.data(), static_cast<std::size_t>(size));
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), static_cast<std::streamsize>(size));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
    }
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) // the rest (a pipe, or a file that grew)
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
    const bool xsdReadsBytes = !options.schemaFile.empty(); // the XSD pass streams the original bytes
    std::optional<Utf8Handover> handover;
    if (!xsdReadsBytes)
        handover.emplace(bytes.value());
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

// libxml2 XSD validation: a process-wide cache of compiled schemas and SAX stream validation with located errors.
#include "schema_check.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace gbc {

Result<std::string> resolveSchemaFile(const std::string& given)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const fs::path& p : {fs::path(given) / "v4.0" / "all.xsd", fs::path(given) / "all.xsd"})
        if (fs::is_regular_file(p, ec))
            return p.string();
    if (fs::is_regular_file(given, ec) && fs::path(given).extension() == ".xsd")
        return given;
    return Error{"usage.schema", given, "no schema here: expected DIR/v4.0/all.xsd, DIR/all.xsd or an .xsd file"};
}

Result<std::string> findDefaultSchema(const std::string& executablePath)
{
    namespace fs = std::filesystem;
    if (const char* dir = std::getenv("GBC_SCHEMA_DIR"); dir && *dir) {
        Result<std::string> r = resolveSchemaFile(dir);
        if (!r)
            return Error{"schema.not_found", "GBC_SCHEMA_DIR", r.error().message};
        return r;
    }
    std::error_code ec;
    fs::path exe = fs::weakly_canonical(fs::path(executablePath), ec);
    for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        fs::path candidate = dir / "shared" / "espi-schema" / "v4.0" / "all.xsd";
        if (fs::is_regular_file(candidate, ec))
            return candidate.string();
        if (dir == dir.root_path())
            break;
    }
    return Error{"schema.not_found", executablePath,
                 "no ESPI schema: GBC_SCHEMA_DIR is unset and no shared/espi-schema/v4.0/all.xsd lies in a folder "
                 "above the executable (give --schema DIR)"};
}

namespace {

struct Collector {
    std::vector<SchemaMessage>* messages = nullptr;
    std::size_t cap = 0;
    std::size_t dropped = 0;
};

std::string oneLine(const char* text)
{
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    for (char& c : s)
        c = c == '\n' ? ' ' : c;
    return s;
}

#if LIBXML_VERSION >= 21200
void collect(void* ctx, const xmlError* e)
#else
void collect(void* ctx, xmlErrorPtr e)
#endif
{
    auto* c = static_cast<Collector*>(ctx);
    if (!e || e->level == XML_ERR_WARNING || !c->messages)
        return;
    if (c->messages->size() >= c->cap) {
        ++c->dropped;
        return;
    }
    c->messages->push_back(SchemaMessage{static_cast<std::size_t>(e->line > 0 ? e->line : 0),
                                         static_cast<std::size_t>(e->int2 > 0 ? e->int2 : 0), oneLine(e->message)});
}

struct CompiledSchema {
    xmlSchemaPtr schema = nullptr;
    std::string error;
};

// Compiles `xsd` once per process; later callers get the same compiled schema (or the same error).
const CompiledSchema& compiled(const std::string& xsd)
{
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<CompiledSchema>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<CompiledSchema>& slot = cache[xsd];
    if (slot)
        return *slot;
    slot = std::make_unique<CompiledSchema>();
    xmlInitParser();
    std::vector<SchemaMessage> problems;
    Collector c{&problems, 1, 0};
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd.c_str());
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, collect, &c);
        xmlSetStructuredErrorFunc(&c, collect);
        slot->schema = xmlSchemaParse(pc);
        xmlSetStructuredErrorFunc(nullptr, nullptr);
        xmlSchemaFreeParserCtxt(pc);
    }
    if (!slot->schema)
        slot->error = "cannot compile the schema " + xsd + (problems.empty() ? "" : ": " + problems.front().text);
    return *slot;
}

} // namespace

SchemaRun validateAgainstSchema(const std::string& xsd, std::string_view bytes, std::size_t maxMessages)
{
    SchemaRun run;
    const CompiledSchema& s = compiled(xsd);
    if (!s.schema) {
        run.harnessError = s.error;
        return run;
    }
    Collector c{&run.messages, maxMessages, 0};
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s.schema);
    // A copy (CreateMem): libxml2 2.9 misreads a static (CreateStatic) buffer once the encoding declaration
    // switches the input, garbling tags; the copy costs a few ms on 16 MB.
    xmlParserInputBufferPtr input =
        xmlParserInputBufferCreateMem(bytes.data(), static_cast<int>(bytes.size()), XML_CHAR_ENCODING_NONE);
    if (!vc || !input) {
        run.harnessError = "libxml2 could not allocate a validation context";
        if (vc)
            xmlSchemaFreeValidCtxt(vc);
        return run;
    }
    xmlSchemaSetValidStructuredErrors(vc, collect, &c);
    xmlSetStructuredErrorFunc(&c, collect); // parser (well-formedness) errors of this thread
    int rc = xmlSchemaValidateStream(vc, input, XML_CHAR_ENCODING_NONE, nullptr, nullptr); // consumes `input`
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlSchemaFreeValidCtxt(vc);
    run.dropped = c.dropped;
    run.valid = rc == 0;
    if (rc < 0 && run.messages.empty())
        run.harnessError = "libxml2 failed internally while validating";
    else if (rc != 0 && run.messages.empty())
        run.messages.push_back(SchemaMessage{0, 0, "the document does not validate against " + xsd});
    return run;
}

} // namespace gbc

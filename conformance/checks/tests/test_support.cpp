// Shared test helpers (see test_support.h).
#include "test_support.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "schema_check.h"
#include "xml_text.h"

namespace gbc::test {

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

bool isDirectory(const std::string& path)
{
    std::error_code ec;
    return !path.empty() && std::filesystem::is_directory(path, ec);
}

std::vector<std::string> xmlFiles(const std::string& dir, const std::string& prefix)
{
    std::vector<std::string> out;
    if (!isDirectory(dir))
        return out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        std::string name = e.path().filename().string();
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0 && name.rfind(prefix, 0) == 0)
            out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::string> fixtureClaim(const std::string& bytes)
{
    Result<Utf8Text> text = toUtf8(bytes);
    std::string t = text ? text->text : bytes;
    std::smatch m;
    static const std::regex re("gbc-fixture: fb=([0-9_]+)");
    if (std::regex_search(t, m, re))
        return m[1].str();
    return std::nullopt;
}

std::string schemaFileIfUsable()
{
    Result<std::string> xsd = resolveSchemaFile(env("GBC_SCHEMA_DIR"));
    return xsd ? *xsd : std::string();
}

ValidationResult validateFixture(const std::string& path, bool withSchema)
{
    ValidateOptions o;
    if (auto claim = fixtureClaim(readBytes(path)))
        o.claimed = *parseFunctionBlocks(*claim);
    if (withSchema)
        o.schemaFile = schemaFileIfUsable();
    return validateFile(path, o);
}

std::vector<std::string> nonPassingChecks(const ValidationResult& r, bool includeWarn)
{
    std::set<std::string> ids;
    for (const LocatedFinding& f : r.findings)
        if (f.finding.verdict == Verdict::Fail || f.finding.verdict == Verdict::Error ||
            (includeWarn && f.finding.verdict == Verdict::Warn))
            ids.insert(f.finding.checkId);
    return {ids.begin(), ids.end()};
}

CliRun runConformance(const std::string& args, const std::string& envPrefix)
{
    const std::string cmd = envPrefix + " '" + env("GBC_CONFORMANCE_EXE") + "' " + args + " 2>&1";
    CliRun r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p)
        return r;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
        r.out.append(buf, n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace gbc::test

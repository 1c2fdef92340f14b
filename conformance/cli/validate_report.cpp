// Console, JSON and JUnit renderings of validate results.
#include "validate_report.h"

#include <algorithm>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "registry.h"

namespace gbc {

namespace {

std::vector<LocatedFinding> sortedFindings(const ValidationResult& r)
{
    std::vector<LocatedFinding> out = r.findings;
    std::stable_sort(out.begin(), out.end(), [](const LocatedFinding& a, const LocatedFinding& b) {
        return std::tie(a.finding.checkId, a.line, a.column, a.finding.message) <
               std::tie(b.finding.checkId, b.line, b.column, b.finding.message);
    });
    return out;
}

std::string fileSummary(const ValidationResult& r)
{
    auto n = r.counts();
    std::string verdict = !r.usable ? "UNUSABLE" : r.hasError() ? "ERROR" : r.mustFailed() ? "FAIL" : "PASS";
    std::ostringstream out;
    out << r.source << ": " << verdict << " (" << n[Verdict::Fail] << " FAIL, " << n[Verdict::Warn] << " WARN, "
        << n[Verdict::Error] << " ERROR, " << n[Verdict::Pass] << " PASS, " << n[Verdict::Skip] << " SKIP)";
    if (r.usable)
        out << " FB " << r.functionBlocks.toString() << (r.functionBlocks.inferred ? " (inferred)" : " (claimed)");
    return out.str();
}

} // namespace

std::string renderConsole(const std::vector<ValidationResult>& results, bool verbose)
{
    std::ostringstream out;
    for (const ValidationResult& r : results) {
        for (const LocatedFinding& lf : r.findings) {
            const Finding& f = lf.finding;
            if (!verbose && (f.verdict == Verdict::Pass || f.verdict == Verdict::Skip))
                continue;
            out << f.checkId << " " << toString(f.verdict) << " " << f.location;
            if (!lf.path.empty())
                out << " " << lf.path;
            out << ": " << f.message;
            if (!f.expected.empty() || !f.actual.empty())
                out << " (expected " << f.expected << "; actual " << f.actual << ")";
            out << "\n";
        }
        out << fileSummary(r) << "\n";
    }
    return out.str();
}

std::string renderJson(const std::vector<ValidationResult>& results)
{
    std::vector<const ValidationResult*> order;
    for (const ValidationResult& r : results)
        order.push_back(&r);
    std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->source < b->source; });
    nlohmann::json files = nlohmann::json::array();
    for (const ValidationResult* r : order) {
        nlohmann::json findings = nlohmann::json::array();
        for (const LocatedFinding& lf : sortedFindings(*r))
            findings.push_back({{"check", lf.finding.checkId}, {"level", toString(lf.level)},
                                {"verdict", toString(lf.finding.verdict)}, {"location", lf.finding.location},
                                {"line", lf.line}, {"column", lf.column}, {"path", lf.path},
                                {"message", lf.finding.message}, {"expected", lf.finding.expected},
                                {"actual", lf.finding.actual}});
        nlohmann::json counts = nlohmann::json::object();
        for (auto [v, n] : r->counts())
            counts[toString(v)] = n;
        files.push_back({{"source", r->source}, {"usable", r->usable}, {"encoding", r->encoding},
                         {"functionBlocks", r->functionBlocks.toString()},
                         {"functionBlocksInferred", r->functionBlocks.inferred}, {"mustFailed", r->mustFailed()},
                         {"counts", counts}, {"findings", findings}});
    }
    nlohmann::json doc{{"tool", "gbc-conformance"}, {"command", "validate"}, {"files", files}};
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; // file names may be any bytes
}

namespace {

// The findings of one check in one file, as one JUnit testcase.
void addTestcase(pugi::xml_node suite, const std::string& id, const std::vector<const LocatedFinding*>& fs,
                 std::map<std::string, int>& totals)
{
    const CheckDef* def = findCheck(id);
    pugi::xml_node tc = suite.append_child("testcase");
    tc.append_attribute("classname") = def ? def->record.family.c_str() : "espi";
    tc.append_attribute("name") = id.c_str();
    std::string details, warnings;
    Verdict worst = Verdict::Pass;
    for (const LocatedFinding* f : fs) {
        std::string line = f->finding.location + " " + f->path + ": " + f->finding.message + "\n";
        if (f->finding.verdict == Verdict::Fail || f->finding.verdict == Verdict::Error)
            details += line;
        if (f->finding.verdict == Verdict::Warn)
            warnings += line;
        if (f->finding.verdict == Verdict::Fail || (f->finding.verdict == Verdict::Error && worst != Verdict::Fail) ||
            (f->finding.verdict == Verdict::Skip && worst == Verdict::Pass))
            worst = f->finding.verdict;
    }
    ++totals["tests"];
    const char* tag = worst == Verdict::Fail ? "failure" : worst == Verdict::Error ? "error" : nullptr;
    if (tag) {
        ++totals[worst == Verdict::Fail ? "failures" : "errors"];
        pugi::xml_node n = tc.append_child(tag);
        n.append_attribute("message") = fs.front()->finding.message.c_str();
        n.append_attribute("type") = def ? toString(def->record.level) : "MUST";
        n.text().set(details.c_str());
    } else if (worst == Verdict::Skip) {
        ++totals["skipped"];
        tc.append_child("skipped").append_attribute("message") = fs.front()->finding.message.c_str();
    }
    if (!warnings.empty())
        tc.append_child("system-out").text().set(warnings.c_str());
}

} // namespace

std::string renderJunit(const std::vector<ValidationResult>& results)
{
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("testsuites");
    root.append_attribute("name") = "gbc-conformance validate";
    std::map<std::string, int> all;
    for (const ValidationResult& r : results) {
        pugi::xml_node suite = root.append_child("testsuite");
        suite.append_attribute("name") = r.source.c_str();
        std::map<std::string, std::vector<const LocatedFinding*>> byCheck;
        for (const LocatedFinding& f : r.findings)
            byCheck[f.finding.checkId].push_back(&f);
        std::map<std::string, int> totals;
        for (const auto& [id, fs] : byCheck)
            addTestcase(suite, id, fs, totals);
        for (const char* k : {"tests", "failures", "errors", "skipped"}) {
            suite.append_attribute(k) = totals[k];
            all[k] += totals[k];
        }
    }
    for (const char* k : {"tests", "failures", "errors", "skipped"})
        root.append_attribute(k) = all[k];
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

} // namespace gbc

// JUnit XML writer (pugixml) shaped for CI test views: one suite per variant, testcase "CHECK — requirement" in class
// PLAN; FAIL -> <failure message="expected ...; actual ...">, ERROR -> <error>, SKIP -> <skipped>, WARN -> passed with a
// <system-out> note; the evidence requests in <system-out>.
#include "junit_report.h"

#include "utf8_repair.h"

#include <map>
#include <sstream>

#include <pugixml.hpp>

namespace gbc {

namespace {

struct SuiteCounts {
    int tests = 0, failures = 0, errors = 0, skipped = 0;
};

std::string oneLine(const std::string& text, std::size_t max)
{
    std::string out;
    for (char c : text)
        out += (c == '\n' || c == '\r') ? ' ' : c;
    return out.size() > max ? out.substr(0, max - 3) + "..." : out;
}

// "expected X; actual Y" when the check stated both, else its message (else the requirement).
std::string shortMessage(const CheckResult& r)
{
    if (!r.expected.empty() || !r.actual.empty())
        return oneLine("expected " + r.expected + "; actual " + r.actual, 300);
    return oneLine(r.message.empty() ? r.requirement : r.message, 300);
}

std::string detailText(const CheckResult& r)
{
    std::ostringstream out;
    out << "requirement: " << r.requirement << " (" << r.reference << ", " << toString(r.level) << ")\n";
    if (!r.message.empty())
        out << "message: " << r.message << "\n";
    if (!r.expected.empty() || !r.actual.empty())
        out << "expected: " << r.expected << "\nactual: " << r.actual << "\n";
    if (!r.location.empty())
        out << "location: " << r.location << "\n";
    return out.str();
}

std::string evidenceText(const CheckResult& r, const std::map<std::string, const HttpExchange*>& byId)
{
    std::ostringstream out;
    for (const std::string& id : r.evidence) {
        auto it = byId.find(id);
        if (it == byId.end())
            continue;
        const HttpExchange& e = *it->second;
        out << "evidence " << id << " (" << e.step << "): " << e.method << " " << e.url << " -> ";
        if (e.status != 0)
            out << e.status << " (" << e.responseBytes << " bytes)\n";
        else
            out << "no answer (" << e.error << ")\n";
    }
    return out.str();
}

void addCase(pugi::xml_node suite, const CheckResult& r, const std::map<std::string, const HttpExchange*>& byId,
    SuiteCounts& counts)
{
    pugi::xml_node tc = suite.append_child("testcase");
    tc.append_attribute("name") = (r.checkId + " — " + oneLine(r.requirement, 90)).c_str();
    tc.append_attribute("classname") = (r.plan.empty() ? std::string("checks") : r.plan).c_str();
    tc.append_attribute("time") = "0";
    ++counts.tests;
    std::string out = r.verdict == Verdict::Pass || r.verdict == Verdict::Skip ? "" : evidenceText(r, byId);
    switch (r.verdict) {
    case Verdict::Fail:
        if (!r.allowedBy.empty()) {
            out = "expected failure (" + r.allowedBy + "): " + shortMessage(r) + "\n" + out;
            break;
        }
        [[fallthrough]];
    case Verdict::Error: {
        const bool error = r.verdict == Verdict::Error;
        pugi::xml_node f = tc.append_child(error ? "error" : "failure");
        f.append_attribute("message") = shortMessage(r).c_str();
        f.append_attribute("type") = error ? "harness" : r.checkId.c_str();
        f.text() = detailText(r).c_str();
        ++(error ? counts.errors : counts.failures);
        break;
    }
    case Verdict::Skip:
        tc.append_child("skipped").append_attribute("message") = oneLine(r.message, 300).c_str();
        ++counts.skipped;
        break;
    case Verdict::Warn:
        out = "WARN (" + std::string(toString(r.level)) + "): " + shortMessage(r) + "\n" + detailText(r) + out;
        break;
    case Verdict::Pass:
        break;
    }
    if (!out.empty())
        tc.append_child("system-out").text() = out.c_str();
}

void setCounts(pugi::xml_node node, const SuiteCounts& c)
{
    node.attribute("tests").set_value(c.tests);
    node.attribute("failures").set_value(c.failures);
    node.attribute("errors").set_value(c.errors);
    node.attribute("skipped").set_value(c.skipped);
}

pugi::xml_node addCountedNode(pugi::xml_node parent, const char* tag, const std::string& name)
{
    pugi::xml_node n = parent.append_child(tag);
    n.append_attribute("name") = name.c_str();
    for (const char* a : {"tests", "failures", "errors", "skipped"})
        n.append_attribute(a) = 0;
    return n;
}

// Stale expected-failures entries as failing testcases of one "expected-failures" suite.
void addStaleSuite(pugi::xml_node root, const Report& report, SuiteCounts& total)
{
    if (report.stale.empty())
        return;
    pugi::xml_node suite = addCountedNode(root, "testsuite", "expected-failures");
    for (const StaleEntry& s : report.stale) {
        pugi::xml_node tc = suite.append_child("testcase");
        tc.append_attribute("classname") = "gbc.expected-failures";
        tc.append_attribute("name") = ("stale " + s.check + " [" + s.variant + "]").c_str();
        pugi::xml_node f = tc.append_child("failure");
        f.append_attribute("message") = "expected failure no longer fails: remove the entry";
        f.append_attribute("type") = "stale";
        f.text() = s.reason.c_str();
    }
    const int n = static_cast<int>(report.stale.size());
    setCounts(suite, SuiteCounts{n, n, 0, 0});
    total.tests += n;
    total.failures += n;
}

} // namespace

std::string reportToJunit(const Report& report)
{
    std::map<std::string, const HttpExchange*> byId;
    for (const HttpExchange& e : report.exchanges)
        byId[e.id] = &e;
    std::map<std::string, std::vector<const CheckResult*>> byVariant;
    for (const CheckResult& r : report.results)
        byVariant[r.variant].push_back(&r);

    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = addCountedNode(doc, "testsuites", "gbc-conformance " + report.run.plan);
    SuiteCounts total;
    for (const auto& [variant, results] : byVariant) {
        pugi::xml_node suite = addCountedNode(root, "testsuite", variant);
        auto ms = report.timing.variantMs.find(variant);
        suite.append_attribute("time") = ms == report.timing.variantMs.end() ? 0.0 : ms->second / 1000.0;
        SuiteCounts counts;
        for (const CheckResult* r : results)
            addCase(suite, *r, byId, counts);
        setCounts(suite, counts);
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.errors += counts.errors;
        total.skipped += counts.skipped;
    }
    addStaleSuite(root, report, total);
    setCounts(root, total);
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return repairUtf8(out.str()); // markup is ASCII: only quoted target bytes change
}

} // namespace gbc

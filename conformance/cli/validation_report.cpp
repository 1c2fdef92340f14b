// Validation results -> Report: validate shares the JSON/JUnit/HTML/console writers and the merge reader with run.
#include "validation_report.h"

#include "registry.h"

namespace gbc {

namespace {

CheckResult resultOf(const ValidationResult& r, const LocatedFinding& f)
{
    CheckResult c;
    c.checkId = f.finding.checkId;
    c.variant = r.source;
    c.plan = "validate";
    c.level = f.level;
    c.verdict = f.finding.verdict;
    if (const CheckDef* def = findCheck(f.finding.checkId)) {
        c.family = def->record.family;
        c.reference = def->record.reference;
        c.requirement = def->record.requirement;
    }
    c.message = f.finding.message;
    c.expected = f.finding.expected;
    c.actual = f.finding.actual;
    c.location = f.finding.location + (f.path.empty() ? "" : " " + f.path);
    return c;
}

} // namespace

Report validationReport(const std::vector<ValidationResult>& results, const std::string& version)
{
    Report report;
    report.run.version = version;
    report.run.command = "validate";
    report.run.target = kValidateTarget;
    report.run.plan = "validate";
    for (const ValidationResult& r : results) {
        report.variants.push_back({r.source, "", "", "", !r.usable ? "unusable" : "FB " + r.functionBlocks.toString() +
            (r.functionBlocks.inferred ? " (inferred)" : " (claimed)") + (r.encoding.empty() ? "" : ", " + r.encoding)});
        if (!r.usable)
            report.notes.push_back(r.source + ": unusable input (unreadable, undecodable or not well-formed)");
        for (const LocatedFinding& f : r.findings)
            report.results.push_back(resultOf(r, f));
    }
    normalize(report);
    return report;
}

} // namespace gbc

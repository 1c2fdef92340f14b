// Validation results -> Report: the bridge that lets validate share the JSON/JUnit/HTML/console writers.
#include "validation_report.h"

#include "registry.h"

namespace gbc {

Report validationReport(const std::vector<ValidationResult>& results, const std::string& version)
{
    Report report;
    report.run.version = version;
    report.run.command = "validate";
    report.run.target = std::to_string(results.size()) + " file" + (results.size() == 1 ? "" : "s");
    report.run.plan = "validate";
    for (const ValidationResult& r : results) {
        report.variants.push_back({r.source, "", "", "", "FB " + r.functionBlocks.toString() +
            (r.functionBlocks.inferred ? " (inferred)" : " (claimed)") + ", " + r.encoding});
        for (const LocatedFinding& f : r.findings) {
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
            report.results.push_back(std::move(c));
        }
    }
    normalize(report);
    return report;
}

} // namespace gbc

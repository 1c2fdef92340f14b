// Client grading: apply the CL catalogue to a journal snapshot and shape the outcome as a runner report.
#include "client_grade.h"

#include <set>

#include "client_checks.h"
#include "time_format.h"

namespace gbc {

namespace {

std::string exchangeId(const JournalSnapshot& j, std::uint64_t seq) { return j.clientId + "#" + std::to_string(seq); }

HttpExchange toExchange(const JournalSnapshot& j, const JournalEntry& e)
{
    HttpExchange x;
    x.id = exchangeId(j, e.seq);
    x.variant = j.clientId;
    x.step = toString(e.kind);
    x.method = e.method;
    x.url = e.path + (e.query.empty() ? "" : "?" + e.query);
    x.requestHeaders = e.headers;
    x.status = e.status;
    x.error = e.fact("error");
    for (const auto& [k, v] : e.facts)
        if (k != "error")
            x.responseHeaders.emplace_back("x-journal-" + k, v);
    x.responseHeaders.emplace_back("x-journal-time", formatIso8601(e.simTime) + " (wall " + std::to_string(e.wallMs) + " ms)");
    return x;
}

CheckResult judge(const ClientCheck& check, const JournalSnapshot& j, ClientOutcome outcome)
{
    if (outcome.verdict == Verdict::Fail && check.record.level == Level::Should)
        outcome.verdict = Verdict::Warn;
    CheckResult r;
    r.checkId = check.record.id;
    r.variant = j.clientId;
    r.plan = "client";
    r.family = check.record.family;
    r.reference = check.record.reference;
    r.requirement = check.record.requirement;
    r.level = check.record.level;
    r.verdict = outcome.verdict;
    r.message = outcome.message;
    r.expected = outcome.expected;
    r.actual = outcome.actual;
    for (std::uint64_t seq : outcome.evidence)
        r.evidence.push_back(exchangeId(j, seq));
    return r;
}

} // namespace

Report gradeClient(const JournalSnapshot& journal, const std::string& version)
{
    Report report;
    report.run.tool = "gbc-sim";
    report.run.version = version;
    report.run.command = "grade";
    report.run.target = journal.clientId;
    report.run.plan = "client";
    // The journal's bounds go in the description: report notes mean harness faults (exit 2) to the writers.
    report.variants.push_back(VariantInfo{journal.clientId, journal.utilityId, "", "",
        "third-party client " + journal.clientId + " of " + journal.utilityId + "; journal: " +
        std::to_string(journal.entries.size()) + " entries kept of " + std::to_string(journal.seen) +
        " recorded in this grading window, cap " + std::to_string(journal.cap.entries) + " entries / " +
        std::to_string(journal.cap.bytes) + " bytes, " + std::to_string(journal.dropped) + " oldest dropped" +
        (journal.dropped ? " (checks judged only what the journal still holds)" : "")});
    std::set<std::uint64_t> cited;
    for (const ClientCheck& check : clientChecks()) {
        CheckResult r = judge(check, journal, check.run(journal));
        report.results.push_back(std::move(r));
    }
    for (const CheckResult& r : report.results)
        for (const std::string& id : r.evidence)
            cited.insert(std::stoull(id.substr(id.rfind('#') + 1)));
    for (const JournalEntry& e : journal.entries)
        if (cited.count(e.seq))
            report.exchanges.push_back(toExchange(journal, e));
    report.timing.startedAt = journal.entries.empty() ? formatIso8601(journal.simNow) : formatIso8601(journal.entries.front().simTime);
    report.timing.finishedAt = formatIso8601(journal.simNow);
    normalize(report);
    return report;
}

} // namespace gbc

// Console progress and summary rendering of the report model.
#include "console_report.h"

#include <cstdlib>
#include <map>
#include <sstream>

#include <unistd.h>

namespace gbc {

namespace {

std::string countsText(const std::vector<CheckResult>& results)
{
    std::map<Verdict, int> c;
    for (const CheckResult& r : results)
        ++c[r.verdict];
    return std::to_string(c[Verdict::Pass]) + " PASS, " + std::to_string(c[Verdict::Fail]) + " FAIL, " +
        std::to_string(c[Verdict::Warn]) + " WARN, " + std::to_string(c[Verdict::Skip]) + " SKIP, " +
        std::to_string(c[Verdict::Error]) + " ERROR";
}

std::string oneLine(const std::string& s)
{
    std::string out;
    for (char c : s)
        out += (c == '\n' || c == '\r') ? ' ' : c;
    return out.size() > 300 ? out.substr(0, 297) + "..." : out;
}

} // namespace

void ConsoleProgress::variantStarted(const std::string& variant, int total)
{
    std::lock_guard<std::mutex> lock(mutex_);
    total_ = total;
    if (live_)
        out_ << "\r\033[K[" << done_ << "/" << total << "] running " << variant << std::flush;
}

void ConsoleProgress::variantFinished(const std::string& variant, const std::vector<CheckResult>& results)
{
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    if (live_)
        out_ << "\r\033[K";
    for (const CheckResult& r : results)
        if ((r.verdict == Verdict::Fail && r.allowedBy.empty()) || r.verdict == Verdict::Error) {
            ++failures_;
            out_ << toString(r.verdict) << " " << r.checkId << " [" << variant << "]: " << oneLine(r.message) << "\n";
        }
    if (live_)
        out_ << "[" << done_ << "/" << total_ << "] " << failures_ << " failing so far, last: " << variant
             << std::flush;
    else
        out_ << "[" << done_ << "/" << total_ << "] " << variant << ": " << countsText(results) << "\n" << std::flush;
}

void ConsoleProgress::finish()
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (live_)
        out_ << "\r\033[K" << std::flush;
}

std::string renderReportPaths(const std::vector<std::string>& reportPaths)
{
    std::ostringstream out;
    const auto isHtml = [](const std::string& p) { return p.size() >= 5 && p.compare(p.size() - 5, 5, ".html") == 0; };
    for (const std::string& p : reportPaths) // the HTML report first: it is what a person opens
        if (isHtml(p))
            out << "  HTML report: " << p << "\n";
    for (const std::string& p : reportPaths)
        if (!isHtml(p))
            out << "  report: " << p << "\n";
    return out.str();
}

std::string renderConsoleSummary(const Report& report, const std::vector<std::string>& reportPaths)
{
    std::ostringstream out;
    out << verdictLine(report) << "\n" << renderReportPaths(reportPaths);
    for (const std::string& note : report.notes)
        out << "ERROR " << oneLine(note) << "\n";
    for (const CheckResult& r : report.results) {
        if (!((r.verdict == Verdict::Fail && r.allowedBy.empty()) || r.verdict == Verdict::Error))
            continue;
        out << toString(r.verdict) << " " << r.checkId << " [" << r.variant << "] " << r.reference << "\n";
        out << "    requirement: " << oneLine(r.requirement) << "\n";
        if (r.verdict == Verdict::Error || r.expected.empty()) {
            out << "    message:     " << oneLine(r.message) << "\n";
            continue;
        }
        out << "    expected:    " << oneLine(r.expected) << "\n";
        out << "    actual:      " << oneLine(r.actual) << "\n";
        if (!r.location.empty())
            out << "    location:    " << oneLine(r.location) << "\n";
    }
    for (const StaleEntry& s : report.stale)
        out << "STALE expected failure " << s.check << " [" << s.variant << "] no longer fails (" << oneLine(s.reason)
            << ")\n";
    return out.str();
}

std::string renderConsoleFindings(const Report& report, bool verbose)
{
    std::ostringstream out;
    for (const VariantInfo& v : report.variants) {
        std::vector<CheckResult> mine;
        for (const CheckResult& r : report.results) {
            if (r.variant != v.id)
                continue;
            mine.push_back(r);
            if (!verbose && (r.verdict == Verdict::Pass || r.verdict == Verdict::Skip))
                continue;
            out << r.checkId << " " << toString(r.verdict) << " " << r.location << ": " << oneLine(r.message);
            if (!r.expected.empty() || !r.actual.empty())
                out << " (expected " << oneLine(r.expected) << "; actual " << oneLine(r.actual) << ")";
            out << "\n";
        }
        out << v.id << ": " << countsText(mine) << (v.description.empty() ? "" : "; " + v.description) << "\n";
    }
    for (const std::string& note : report.notes)
        out << "ERROR " << oneLine(note) << "\n";
    return out.str();
}

bool isInteractive(int fd)
{
    const char* term = std::getenv("TERM");
    const char* ci = std::getenv("CI");
    return isatty(fd) && (term == nullptr || std::string(term) != "dumb") && (ci == nullptr || *ci == '\0');
}

} // namespace gbc

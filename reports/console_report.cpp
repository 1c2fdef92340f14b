// Console progress and summary rendering of the report model.
#include "console_report.h"

#include <cstdlib>
#include <algorithm>
#include <map>
#include <sstream>

#include <unistd.h>

#include "report_groups.h"

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
    for (const CheckResult& r : results) // each failure is summed up per check at the end, not printed here
        if ((r.verdict == Verdict::Fail && r.allowedBy.empty()) || r.verdict == Verdict::Error)
            ++failures_;
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
    const auto isHtml = [](const std::string& p) { return p.size() >= 10 && p.compare(p.size() - 10, 10, "index.html") == 0; };
    for (const std::string& p : reportPaths) // the HTML report first: it is what a person opens
        if (isHtml(p))
            out << "  HTML report: " << p << "\n";
    for (const std::string& p : reportPaths)
        if (!isHtml(p))
            out << "  report: " << p << "\n";
    return out.str();
}

std::string paint(const std::string& word, bool colour)
{
    if (!colour)
        return word;
    const std::string head = word.substr(0, word.find(' '));
    const char* code = head == "FAIL" ? "31;1" : head == "ERROR" ? "35;1" : head == "WARN" ? "33" : head == "PASS" ? "32" : "2";
    return std::string("\033[") + code + "m" + word + "\033[0m";
}

std::string renderConsoleSummary(const Report& report, const std::vector<std::string>& reportPaths, bool colour)
{
    std::ostringstream out;
    const std::string line = verdictLine(report);
    const std::size_t colon = line.find(':');
    out << paint(line.substr(0, colon), colour) << line.substr(colon) << "\n";
    for (const CheckGroup& g : groupByCheck(report, true)) {
        const std::string text = groupLine(g);
        const std::size_t space = text.find(' ');
        out << paint(text.substr(0, space), colour) << text.substr(space) << "\n";
    }
    for (const std::string& note : report.notes)
        out << paint("ERROR", colour) << " " << oneLine(note) << "\n";
    for (const StaleEntry& s : report.stale)
        out << "STALE expected failure " << s.check << " [" << s.variant << "] no longer fails (" << oneLine(s.reason)
            << ")\n";
    return out.str() + renderReportPaths(reportPaths);
}

namespace {

std::string findingLine(const CheckResult& r)
{
    std::string out = r.checkId + " " + toString(r.verdict) + " " + r.location + ": " + oneLine(r.message);
    if (!r.expected.empty() || !r.actual.empty())
        out += " (expected " + oneLine(r.expected) + "; actual " + oneLine(r.actual) + ")";
    return out + "\n";
}

// One line per check: its worst verdict among non-PASS results, how many, and the first location.
std::string checkLines(const Report& report, const std::vector<std::string>& stated, bool colour)
{
    struct Line {
        const CheckResult* first = nullptr;
        int count = 0, skips = 0, total = 0;
    };
    std::map<std::string, Line> lines;
    for (const CheckResult& r : report.results) {
        Line& l = lines[r.checkId];
        ++l.total;
        if (r.verdict == Verdict::Skip && ++l.skips == 1 && !l.first)
            l.first = &r;
        if (r.verdict == Verdict::Pass || r.verdict == Verdict::Skip)
            continue;
        if (l.count++ == 0 || (r.verdict == Verdict::Fail && l.first->verdict != Verdict::Fail))
            l.first = &r;
    }
    std::ostringstream out;
    for (const auto& [id, l] : lines) {
        if (l.count > 0) {
            out << paint(toString(l.first->verdict), colour) << " " << id << " " << l.count << "× — first at "
                << l.first->location << ": " << oneLine(l.first->message) << "\n";
        } else if (l.skips == l.total && std::find(stated.begin(), stated.end(), id) != stated.end()) {
            out << paint("SKIP", colour) << " " << id << " — " << oneLine(l.first->message) << "\n";
        }
    }
    return out.str();
}

} // namespace

std::string renderConsoleFindings(const Report& report, bool verbose, const std::vector<std::string>& stated, bool colour)
{
    std::ostringstream out;
    if (verbose) {
        for (const CheckResult& r : report.results)
            out << findingLine(r);
    } else {
        out << checkLines(report, stated, colour);
    }
    for (const VariantInfo& v : report.variants) {
        std::vector<CheckResult> mine;
        for (const CheckResult& r : report.results)
            if (r.variant == v.id)
                mine.push_back(r);
        out << v.id << ": " << countsText(mine) << (v.description.empty() ? "" : "; " + v.description) << "\n";
    }
    for (const std::string& note : report.notes)
        out << paint("ERROR", colour) << " " << oneLine(note) << "\n";
    return out.str();
}

bool isInteractive(int fd)
{
    const char* term = std::getenv("TERM");
    const char* ci = std::getenv("CI");
    return isatty(fd) && (term == nullptr || std::string(term) != "dumb") && (ci == nullptr || *ci == '\0');
}

} // namespace gbc

namespace gbc {

bool useColour(int fd)
{
    const char* term = std::getenv("TERM");
    const char* noColour = std::getenv("NO_COLOR");
    return isatty(fd) && (term == nullptr || std::string(term) != "dumb") && (noColour == nullptr || *noColour == '\0');
}

} // namespace gbc

// Console rendering: live progress (one rewritten line on a terminal, plain lines in CI) and the closing summary.
#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "report.h"

namespace gbc {

class ConsoleProgress {
public:
    // `live` rewrites one status line (terminal); otherwise one plain line per finished variant.
    ConsoleProgress(std::ostream& out, bool live) : out_(out), live_(live) {}

    void variantStarted(const std::string& variant, int total);
    void variantFinished(const std::string& variant, const std::vector<CheckResult>& results);
    void finish(); // clears the live line

private:
    std::ostream& out_;
    bool live_;
    std::mutex mutex_;
    int done_ = 0;
    int total_ = 0;
    int failures_ = 0;
};

// The closing summary; its first line is the verdict line, then the report paths, then each FAIL/ERROR.
std::string renderConsoleSummary(const Report& report, const std::vector<std::string>& reportPaths);

// The report paths, the HTML report first ("  HTML report: PATH", then "  report: PATH" lines).
std::string renderReportPaths(const std::vector<std::string>& reportPaths);

// Per variant, one line per result that is not PASS or SKIP (every result with `verbose`):
// "CHECK VERDICT LOCATION: message (expected ...; actual ...)", then "VARIANT: counts; description"; then the notes.
// For reports with many located results per check (validate: one variant per file, one result per finding).
std::string renderConsoleFindings(const Report& report, bool verbose);

// True when `fd` is a terminal and TERM is not "dumb" and CI is unset.
bool isInteractive(int fd);

} // namespace gbc

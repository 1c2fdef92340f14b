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

// The closing summary: the verdict line, one line per failing check ("FAIL TK-004 in 40/40 variants: ... — first:
// VARIANT"), the run notes and stale allowlist entries, then the report paths. `colour` paints the verdict words.
std::string renderConsoleSummary(const Report& report, const std::vector<std::string>& reportPaths, bool colour = false);

// The report paths, the HTML report first ("  HTML report: PATH", then "  report: PATH" lines).
std::string renderReportPaths(const std::vector<std::string>& reportPaths);

// For reports with many located results per check (validate: one variant per file, one result per finding).
// One line per check that is not PASS, across all files, with its count and first location
// ("WARN ESPI-ENV-ID-VERSION 203× — first at file.xml:55:5 /feed/id: message"); a check SKIPped everywhere is listed
// only when `stated` names it (e.g. the XSD check without a schema). With `verbose`, every finding instead:
// "CHECK VERDICT LOCATION: message (expected ...; actual ...)". Then "FILE: counts; description" and the notes.
std::string renderConsoleFindings(const Report& report, bool verbose, const std::vector<std::string>& stated = {},
    bool colour = false);

// True when `fd` is a terminal and TERM is not "dumb" and CI is unset.
bool isInteractive(int fd);

// True when `fd` is a terminal, TERM is not "dumb" and NO_COLOR is unset or empty.
bool useColour(int fd);

// `word` painted in its verdict's colour (FAIL red, ERROR magenta, WARN yellow, PASS green, SKIP dim) when `colour`.
std::string paint(const std::string& word, bool colour);

} // namespace gbc

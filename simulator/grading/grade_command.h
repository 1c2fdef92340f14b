// `gbc-sim grade --url URL --client ID [--report-dir DIR] [--format LIST]`: fetch a client's graded report, write it.
#pragma once

#include <string>

namespace gbc {

struct GradeCommand {
    std::string url;        // simulator origin, e.g. http://127.0.0.1:8080
    std::string client;     // client id
    std::string reportDir;  // empty: reports/out/grade-<client>
    std::string formats = "console,json,junit,html";
    std::string adminToken; // sent as Bearer when /__sim needs one
};

// Exit status like gbc-conformance run: 0 no FAIL, 1 a FAIL, 2 the report could not be fetched or written.
int runGradeCommand(const GradeCommand& command);

} // namespace gbc

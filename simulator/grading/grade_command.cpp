// gbc-sim grade: GET /__sim/clients/{id}/grade from a running simulator, then the runner's report writers.
#include "grade_command.h"

#include <httplib.h>

#include <iostream>

#include "console_report.h"
#include "json_report.h"
#include "outbound_http.h"
#include "report_files.h"

namespace gbc {

namespace {

int harnessFault(const std::string& message)
{
    std::cerr << "gbc-sim grade: " << message << "\n";
    return 2;
}

} // namespace

int runGradeCommand(const GradeCommand& command)
{
    auto formats = parseFormats(command.formats);
    if (!formats)
        return harnessFault(formats.error().describe());
    const auto [origin, rest] = splitUrl(command.url);
    if (origin.empty())
        return harnessFault("--url: expected http(s)://HOST:PORT, got '" + command.url + "'");
    httplib::Client client(origin);
    client.enable_server_certificate_verification(false); // the simulator's own self-signed certificate
    client.set_read_timeout(30, 0);
    httplib::Headers headers;
    if (!command.adminToken.empty())
        headers.emplace("Authorization", "Bearer " + command.adminToken);
    auto res = client.Get("/__sim/clients/" + command.client + "/grade", headers);
    if (!res)
        return harnessFault("no answer from " + origin + " (" + httplib::to_string(res.error()) + ")");
    if (res->status != 200)
        return harnessFault("GET /__sim/clients/" + command.client + "/grade answered " + std::to_string(res->status) +
                            ": " + res->body.substr(0, 300));
    auto report = reportFromJsonText(res->body, "grade");
    if (!report)
        return harnessFault(report.error().describe());
    std::vector<std::string> files;
    for (const std::string& f : *formats)
        if (f != "console")
            files.push_back(f);
    const std::string dir = command.reportDir.empty() ? "reports/out/grade-" + command.client : command.reportDir;
    auto written = writeReportFiles(*report, dir, files);
    if (!written)
        return harnessFault(written.error().describe());
    std::cout << renderConsoleSummary(*report, *written);
    return summarize(*report).exitCode;
}

} // namespace gbc

// Report folder writer: one file per requested format, created atomically enough for CI artifact upload.
#include "report_files.h"

#include <filesystem>
#include <fstream>

#include "html_report.h"
#include "json_report.h"
#include "junit_report.h"
#include "markdown_report.h"

namespace gbc {

namespace {

Status writeFile(const std::string& path, const std::string& content)
{
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error{"report.write", path, "cannot open the file for writing"};
        out << content;
        if (!out)
            return Error{"report.write", path, "writing the file failed"};
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        return Error{"report.write", path, "cannot rename the temporary file: " + ec.message()};
    return okStatus();
}

} // namespace

Result<std::vector<std::string>> writeReportFiles(const Report& report, const std::string& dir,
    const std::vector<std::string>& formats, bool fullEvidence)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return Error{"report.write", dir, "cannot create the report folder: " + ec.message()};
    std::vector<std::string> written;
    for (const std::string& f : formats) {
        std::string path, content;
        if (f == "json") {
            path = dir + "/report.json";
            content = reportToJsonText(report);
        } else if (f == "junit") {
            path = dir + "/junit.xml";
            content = reportToJunit(report);
        } else if (f == "html") {
            if (fullEvidence) {
                if (Status st = writeFile(dir + "/evidence.html", evidenceToHtml(report)); !st)
                    return st.error();
                written.push_back(dir + "/evidence.html");
            }
            path = dir + "/index.html";
            content = reportToHtml(report, HtmlOptions{fullEvidence ? "evidence.html" : ""});
        } else if (f == "markdown") {
            path = dir + "/summary.md";
            content = reportToMarkdown(report);
        } else {
            continue;
        }
        Status st = writeFile(path, content);
        if (!st)
            return st.error();
        written.push_back(path);
    }
    return written;
}

Result<std::vector<std::string>> parseFormats(const std::string& list)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos)
            comma = list.size();
        const std::string item = list.substr(start, comma - start);
        if (item != "console" && item != "json" && item != "junit" && item != "html" && item != "markdown")
            return Error{"usage.format", "--format " + list,
                "unknown format '" + item + "' (choose from console, json, junit, html, markdown)"};
        out.push_back(item);
        start = comma + 1;
    }
    return out;
}

} // namespace gbc

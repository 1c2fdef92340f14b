// Unit tests: the runner's input files (target, expected failures, shard reports for merge) reject hostile numbers
// and keys with a location, and the report writers survive a target's non-UTF-8 bytes (issue 13).
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "expected_failures.h"
#include "json_report.h"
#include "report_files.h"
#include "target.h"
#include "variant_outcome.h"

using namespace gbc;

namespace {

const char* kTarget = R"({"name": "t", "oauth": {"authorizeUrl": "https://u.example/a", "tokenUrl": "https://u.example/t",
  "clientId": "c", "clientSecret": "s", "scope": "FB=4"}, "http": {"timeoutSeconds": 5}, "espi": {"resourceBase": "https://u.example/espi", "windowDays": 30},
  "login": [{"open": "authorize"}], "variants": [{"id": "v"}]})";

std::string patched(std::string text, const std::string& from, const std::string& to)
{
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

Error targetError(const std::string& text)
{
    Result<Target> t = parseTarget(text, "t.json");
    EXPECT_FALSE(t.ok()) << "accepted";
    return t.ok() ? Error{} : t.error();
}

} // namespace

// Makes sure the target file's numbers are range-checked before any narrowing, and huge ones are located errors.
// Example failure: windowDays 4294967297 truncated to 1 and accepted; 1e400 an unlocated "internal error".
TEST(StrictRunnerInputs, TargetNumbers)
{
    ASSERT_TRUE(parseTarget(kTarget, "t.json").ok()) << parseTarget(kTarget, "t.json").error().describe();
    Error e = targetError(patched(kTarget, "\"windowDays\": 30", "\"windowDays\": 4294967297"));
    EXPECT_EQ(e.code, "json.out_of_range");
    EXPECT_EQ(e.where, "t.json:/espi/windowDays");
    e = targetError(patched(kTarget, "\"timeoutSeconds\": 5", "\"timeoutSeconds\": 1e400"));
    EXPECT_EQ(e.code, "json.number_out_of_range");
    EXPECT_EQ(e.where.rfind("t.json:byte ", 0), 0u) << e.where;
    e = targetError(patched(kTarget, "\"timeoutSeconds\": 5", "\"timeoutSeconds\": 18446744073709551615"));
    EXPECT_EQ(e.where, "t.json:/http/timeoutSeconds");
    e = targetError(patched(kTarget, "\"name\": \"t\"", "\"name\": \"t\", \"name\": \"u\""));
    EXPECT_EQ(e.code, "json.duplicate_key");
    EXPECT_EQ(e.where, "t.json:/name");
}

// Makes sure the expected-failures file rejects duplicate keys and huge numbers with a location.
// Example failure: {"check": "TK-001", "check": "TK-*"} silently widening the allowlist.
TEST(StrictRunnerInputs, ExpectedFailuresFile)
{
    auto r = parseExpectedFailures(R"({"expectedFailures": [{"check": "TK-001", "check": "TK-*", "reason": "x"}]})", "x.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "json.duplicate_key");
    EXPECT_EQ(r.error().where, "x.json:/expectedFailures/0/check");
    r = parseExpectedFailures(R"({"expectedFailures": [)" + std::string(401, '7') + "]}", "x.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "json.number_out_of_range");
    const std::string fifo = ::testing::TempDir() + "/gbc-xf-fifo-" + std::to_string(::getpid());
    std::filesystem::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    r = loadExpectedFailures(fifo);
    ASSERT_FALSE(r.ok()) << "a FIFO must not be opened (it would hang)";
    EXPECT_EQ(r.error().code, "file.not_regular");
    std::filesystem::remove(fifo);
}

// Makes sure a shard report read by merge rejects out-of-range numbers with a location.
// Example failure: a negative "bytes" wrapping to 2^64-1, or "status": 1e400 aborting merge.
TEST(StrictRunnerInputs, MergeShardNumbers)
{
    Report r;
    r.run.target = "t";
    HttpExchange e;
    e.id = "v#1";
    e.status = 200;
    r.exchanges.push_back(e);
    const std::string text = reportToJsonText(r);
    ASSERT_TRUE(reportFromJsonText(text, "s.json").ok()) << reportFromJsonText(text, "s.json").error().describe();
    const std::string negative = patched(text, "\"bytes\": 0", "\"bytes\": -5");
    auto back = reportFromJsonText(negative, "s.json");
    ASSERT_FALSE(back.ok());
    EXPECT_EQ(back.error().code, "json.out_of_range");
    EXPECT_EQ(back.error().where, "s.json:/exchanges/0/response/bytes");
    back = reportFromJsonText(patched(text, "\"status\": 200", "\"status\": 1e400"), "s.json");
    ASSERT_FALSE(back.ok());
    EXPECT_EQ(back.error().code, "json.number_out_of_range");
}

// Makes sure every report format is written and well-formed when evidence holds invalid UTF-8.
// Example failure: one 0xE9 from a Latin-1 login page → nlohmann type_error.316, exit 2, no report at all.
TEST(StrictRunnerInputs, ReportsSurviveInvalidUtf8)
{
    Report r;
    r.run.target = "latin1-\xe9.json";
    HttpExchange e;
    e.id = "v#1";
    e.status = 200;
    e.responseBody = "<p>Caf\xe9</p>";
    e.responseHeaders.emplace_back("X-Name", "\xff\xfe");
    r.exchanges.push_back(e);
    const std::string dir = ::testing::TempDir() + "/gbc-utf8-report-" + std::to_string(::getpid());
    std::filesystem::remove_all(dir);
    auto written = writeReportFiles(r, dir, {"json", "junit", "html"});
    ASSERT_TRUE(written.ok()) << written.error().describe();
    std::ifstream in(dir + "/report.json");
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(json.find("Caf\xef\xbf\xbd"), std::string::npos) << "U+FFFD in place of 0xE9";
    EXPECT_TRUE(reportFromJsonText(json, "report.json").ok());
    pugi::xml_document junit;
    EXPECT_TRUE(junit.load_file((dir + "/junit.xml").c_str()));
    std::ifstream html(dir + "/index.html");
    const std::string page((std::istreambuf_iterator<char>(html)), std::istreambuf_iterator<char>());
    EXPECT_EQ(page.find('\xe9'), std::string::npos);
    std::filesystem::remove_all(dir);
}

// Makes sure redacting only a window around the kept part hides exactly what redacting the whole body hides,
// also for a secret cut by the window and when redaction shrinks the window. Example failure: the first half of
// an access token at the end of the kept 8 KiB because the window cut it before redaction.
TEST(EvidenceBodies, WindowedRedactionMatchesWhole)
{
    Redactor redactor;
    const std::string secret = "tok_0123456789abcdefghijklmnopqrstuvwxyz"; // 40 characters
    redactor.addSecret(secret, "access_token");
    auto whole = [&](const std::string& body) {
        std::string all = redactor.apply(body);
        return all.substr(0, std::min(all.size(), kEvidenceBodyLimit));
    };
    const std::string tail(2'000'000, 'z');
    for (std::size_t at : {kEvidenceBodyLimit - 20, kEvidenceBodyLimit - 1, kEvidenceBodyLimit + 30, kEvidenceBodyLimit + 140}) {
        const std::string body = std::string(at, 'a') + secret + tail;
        const std::string kept = keptEvidenceBody(body, redactor);
        EXPECT_EQ(kept, whole(body)) << at;
        EXPECT_EQ(kept.find("tok_0123"), std::string::npos) << at;
        EXPECT_EQ(kept.size(), kEvidenceBodyLimit);
    }
    std::string dense; // secrets back to back: redaction shrinks the window below the kept size
    while (dense.size() < 3 * kEvidenceBodyLimit)
        dense += secret + " ";
    EXPECT_EQ(keptEvidenceBody(dense + tail, redactor), whole(dense + tail));
    EXPECT_EQ(keptEvidenceBody("short " + secret, redactor), "short [redacted:access_token#1]");
}

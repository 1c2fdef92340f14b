// Tests of the strict input layer every loader shares: JSON parsing, file reading, UTF-8 repair, durations.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "json_reader.h"
#include "time_format.h"
#include "utf8_repair.h"

using namespace gbc;

namespace {

// A fresh directory under the test's temporary folder, removed afterwards.
class TempDir {
public:
    TempDir() : path_(std::filesystem::temp_directory_path() / ("gbc-strict-" + std::to_string(::getpid())))
    {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

} // namespace

// Makes sure duplicate keys name their pointer, also inside arrays and with '/' and '~' in keys.
// Example failure: {"a": 1, "a": 2} read as {"a": 2}.
TEST(StrictJson, DuplicateKeysLocated)
{
    auto r = parseJsonText(R"({"list": [{"x": 1}, {"y/~": 1, "y/~": 2}]})", "f.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "json.duplicate_key");
    EXPECT_EQ(r.error().where, "f.json:/list/1/y~1~0");
    EXPECT_TRUE(parseJsonText(R"({"a": {"k": 1}, "b": {"k": 1}, "c": [1, {"k": 2}]})", "f.json").ok());
}

// Makes sure syntax errors and numbers out of range are values with a byte offset, never exceptions.
// Example failure: nlohmann::json::out_of_range (406) escaping parseJsonText for 1e400.
TEST(StrictJson, BadNumbersAndSyntaxLocated)
{
    auto r = parseJsonText(R"({"n": 1e400})", "f.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "json.number_out_of_range");
    EXPECT_EQ(r.error().where.rfind("f.json:byte 1", 0), 0u) << r.error().where; // byte 11 or 12: after "1e400"
    r = parseJsonText("[" + std::string(401, '1') + "]", "f.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "json.number_out_of_range");
    r = parseJsonText(R"({"n": )", "f.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "json.syntax");
    EXPECT_EQ(parseJsonText("[18446744073709551615, -9223372036854775808, 1e308]", "f.json").value().size(), 3u);
}

// Makes sure integers beyond int64 and outside a declared range are rejected with their pointer.
// Example failure: 18446744073709551615 read as -1.
TEST(StrictJson, IntegerRanges)
{
    const nlohmann::json doc = parseJsonText(R"({"big": 18446744073709551615, "n": 5})", "f.json").value();
    const JsonReader r(doc, "f.json");
    try {
        r.integer("big");
        ADD_FAILURE() << "accepted 2^64-1";
    } catch (const JsonReadError& e) {
        EXPECT_EQ(e.error.code, "json.out_of_range");
        EXPECT_EQ(e.error.where, "f.json:/big");
    }
    EXPECT_EQ(r.integerIn("n", 0, 5), 5);
    EXPECT_EQ(r.integerIn("absent", 7, 0, 5), 7);
    try {
        r.integerIn("n", 6, 10);
        ADD_FAILURE() << "accepted 5 outside 6..10";
    } catch (const JsonReadError& e) {
        EXPECT_EQ(e.error.where, "f.json:/n");
        EXPECT_NE(e.error.message.find("from 6 to 10"), std::string::npos) << e.error.message;
    }
}

// Makes sure only regular files are read, with a size cap. Example failure: a FIFO hanging the loader,
// /dev/zero (through a symlink) read until memory runs out (issue 13).
TEST(StrictFiles, OnlyRegularFilesWithinTheCap)
{
    TempDir dir;
    const std::string fifo = dir.file("fifo.json"), zero = dir.file("zero.json"), big = dir.file("big.json");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::filesystem::create_symlink("/dev/zero", zero);
    const auto t0 = std::chrono::steady_clock::now();
    for (const std::string& path : {fifo, zero, dir.file("")}) {
        const auto r = readTextFile(path);
        ASSERT_FALSE(r.ok()) << path;
        EXPECT_EQ(r.error().code, "file.not_regular") << path;
        EXPECT_EQ(r.error().where, path);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
    std::ofstream(big) << std::string(1000, 'x');
    EXPECT_EQ(readTextFile(big, 999).error().code, "file.too_large");
    EXPECT_EQ(readTextFile(big, 1000).value().size(), 1000u);
    EXPECT_EQ(readTextFile(dir.file("missing.json")).error().code, "file.unreadable");
}

// Makes sure invalid UTF-8 becomes U+FFFD and valid text is untouched. Example failure: a Latin-1 0xE9 kept,
// making nlohmann's dump throw type_error.316 and the runner write no report (issue 13).
TEST(Utf8Repair, ReplacesIllFormedSequences)
{
    EXPECT_EQ(repairUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    EXPECT_EQ(repairUtf8("caf\xe9!"), "caf\xef\xbf\xbd!");
    EXPECT_EQ(repairUtf8("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");        // overlong
    EXPECT_EQ(repairUtf8("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); // surrogate
    EXPECT_EQ(repairUtf8("\xe2\x82"), "\xef\xbf\xbd");                  // cut multi-byte character
    EXPECT_EQ(repairUtf8("\xf4\x90\x80\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    EXPECT_FALSE(isValidUtf8("\xf4\x90\x80\x80")); // above U+10FFFF
    EXPECT_TRUE(isValidUtf8(repairUtf8("\xff\xfe a \xe9")));
}

// Makes sure huge durations are errors, not overflow or an exception. Example failure: /__sim/clock with
// P99999999999999999999D answering 500 or wrapping the clock to year -219,238,499 (issue 13).
TEST(TimeFormat, HugeDurationsRejected)
{
    for (const char* bad : {"P99999999999999999999D", "P9999999999999W", "PT99999999999999999S", "P400000D"})
        EXPECT_EQ(parseIsoDuration(bad).error().code, "time.duration_too_long") << bad;
    EXPECT_EQ(*parseIsoDuration("P365000D"), 365000LL * 86400);
}

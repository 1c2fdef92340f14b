// Encoding detection and conversion to UTF-8, and line:col lookup.
#include <gtest/gtest.h>

#include "xml_text.h"

namespace gbc {
namespace {

std::string utf16le(const std::u16string& s, bool bom)
{
    std::string out = bom ? std::string("\xFF\xFE", 2) : std::string();
    for (char16_t c : s) {
        out += static_cast<char>(c & 0xFF);
        out += static_cast<char>(c >> 8);
    }
    return out;
}

std::string utf16be(const std::u16string& s)
{
    std::string out("\xFE\xFF", 2);
    for (char16_t c : s) {
        out += static_cast<char>(c >> 8);
        out += static_cast<char>(c & 0xFF);
    }
    return out;
}

// Makes sure plain UTF-8 passes through unchanged and a UTF-8 BOM is dropped.
// Example failure: the BOM bytes reach pugixml and the root element is reported at column 2.
TEST(ToUtf8, Utf8PassesThroughAndBomIsDropped)
{
    auto plain = toUtf8("<a>caf\xC3\xA9</a>");
    ASSERT_TRUE(plain) << plain.error().describe();
    EXPECT_EQ(plain->text, "<a>caf\xC3\xA9</a>");
    EXPECT_EQ(plain->sourceEncoding, "UTF-8");
    auto bom = toUtf8("\xEF\xBB\xBF<a/>");
    ASSERT_TRUE(bom);
    EXPECT_EQ(bom->text, "<a/>");
}

// Makes sure UTF-16 with a BOM (both byte orders) becomes UTF-8, including a surrogate pair.
// Example failure: the GBA XSLT-style UTF-16 file is rejected as "invalid UTF-8".
TEST(ToUtf8, Utf16WithBomIsConverted)
{
    std::u16string doc = u"<a>\u00e9\U0001F600</a>";
    auto le = toUtf8(utf16le(doc, true));
    ASSERT_TRUE(le) << le.error().describe();
    EXPECT_EQ(le->text, "<a>\xC3\xA9\xF0\x9F\x98\x80</a>");
    EXPECT_EQ(le->sourceEncoding, "UTF-16LE");
    auto be = toUtf8(utf16be(doc));
    ASSERT_TRUE(be);
    EXPECT_EQ(be->text, le->text);
    EXPECT_EQ(be->sourceEncoding, "UTF-16BE");
}

// Makes sure UTF-16 without a BOM is recognised from its leading '<'.
// Example failure: the NUL bytes are reported as forbidden control characters.
TEST(ToUtf8, Utf16WithoutBomIsDetected)
{
    auto r = toUtf8(utf16le(u"<a/>", false));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->text, "<a/>");
}

// Makes sure broken UTF-16 gives a located error instead of garbage.
// Example failure: an odd trailing byte is silently dropped.
TEST(ToUtf8, BrokenUtf16IsRejected)
{
    auto odd = toUtf8(utf16le(u"<a/>", true) + "x");
    ASSERT_FALSE(odd);
    EXPECT_EQ(odd.error().code, "xml.encoding");
    auto lone = toUtf8(utf16le(u"<a>\n", true) + std::string("\x00\xD8", 2));
    ASSERT_FALSE(lone);
    EXPECT_EQ(lone.error().where, "2:1");
}

// Makes sure an invalid UTF-8 byte and a forbidden control character are located by line and column.
// Example failure: the error says only "bad encoding" with no position.
TEST(ToUtf8, InvalidBytesAreLocated)
{
    auto bad = toUtf8("<a>\n  x\xFFy</a>");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, "2:4");
    EXPECT_NE(bad.error().message.find("UTF-8"), std::string::npos);
    auto ctl = toUtf8(std::string("<a>\x01</a>"));
    ASSERT_FALSE(ctl);
    EXPECT_NE(ctl.error().message.find("U+0001"), std::string::npos);
    EXPECT_FALSE(toUtf8("\xC0\xAF"));     // overlong
    EXPECT_FALSE(toUtf8("\xED\xA0\x80")); // encoded surrogate
}

// Makes sure a Latin-1 declaration is honoured and an unknown one is refused with its name.
// Example failure: "caf\xE9" declared ISO-8859-1 is rejected as invalid UTF-8.
TEST(ToUtf8, DeclaredEncodings)
{
    auto latin = toUtf8("<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xE9</a>");
    ASSERT_TRUE(latin);
    EXPECT_NE(latin->text.find("caf\xC3\xA9"), std::string::npos);
    auto sjis = toUtf8("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>");
    ASSERT_FALSE(sjis);
    EXPECT_NE(sjis.error().message.find("shift_jis"), std::string::npos);
}

// Makes sure columns count characters, not bytes, and lines start at 1.
// Example failure: a column after "é" is off by one.
TEST(LineIndexTest, CountsCharacters)
{
    std::string text = "ab\n\xC3\xA9x\nz";
    LineIndex idx(text);
    EXPECT_EQ(idx.at(0).line, 1u);
    EXPECT_EQ(idx.at(0).column, 1u);
    EXPECT_EQ(idx.at(5).line, 2u);
    EXPECT_EQ(idx.at(5).column, 2u);
    EXPECT_EQ(idx.at(7).line, 3u);
    EXPECT_EQ(idx.at(1000).line, 3u);
}

} // namespace
} // namespace gbc

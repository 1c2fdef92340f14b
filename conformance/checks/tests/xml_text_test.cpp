// Encoding detection and conversion to UTF-8, and line:col lookup.
#include <gtest/gtest.h>

#include "huge_pages.h"
#include "utf8_handover.h"
#include "xml_text.h"
#include "xml_view.h"

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
// Makes sure a handed-over buffer is taken over (same bytes in memory, owner emptied) only by the decoding of exactly
// those bytes, and that any other input is still copied. Example failure: validate copying a 16 MB file once more.
TEST(ToUtf8, HandedOverBufferIsMovedNotCopied)
{
    std::string owner = "<a>handed over, long enough not to fit a short-string buffer</a>";
    const std::string other = owner;
    const char* where = owner.data();
    {
        Utf8Handover handover(owner);
        Result<Utf8Text> copied = toUtf8(other); // equal bytes elsewhere: a copy
        ASSERT_TRUE(copied);
        EXPECT_NE(copied->text.data(), where);
        EXPECT_EQ(owner, other);
        Result<Utf8Text> moved = toUtf8(owner);
        ASSERT_TRUE(moved);
        EXPECT_EQ(moved->text.data(), where);
        EXPECT_EQ(moved->text, other);
        EXPECT_TRUE(owner.empty());
    }
    std::string again = other;
    Result<Utf8Text> after = toUtf8(again); // no handover alive: a copy
    ASSERT_TRUE(after);
    EXPECT_NE(after->text.data(), again.data());
}

// Makes sure a document above the huge-page threshold parses the same through the huge-page arena, twice in a row
// (the first arena released, the second one fresh). Example failure: pugixml nodes freed into the wrong allocator.
TEST(HugePages, LargeDocumentParsesThroughTheArena)
{
    std::string doc = "<r>";
    while (doc.size() < kHugePagesFrom + 1024)
        doc += "<v a=\"1\">12345</v>";
    doc += "</r>";
    for (int round = 0; round < 2; ++round) {
        Result<XmlView> view = XmlView::parse(Utf8Text{doc, "UTF-8"});
        ASSERT_TRUE(view) << view.error().message;
        EXPECT_EQ(view->size(), 1 + (doc.size() - 7) / 18);
        EXPECT_EQ(view->text(1), "12345");
        EXPECT_EQ(view->attribute(view->size() - 1, "a"), "1");
    }
}

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

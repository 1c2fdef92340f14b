// XmlView: namespace resolution by URI, well-formedness errors with locations, paths and positions.
#include <gtest/gtest.h>

#include "xml_view.h"

namespace gbc {
namespace {

Result<XmlView> parseText(const std::string& s) { return XmlView::parse(Utf8Text{s, "UTF-8"}); }

// Makes sure the same ESPI element is recognised whatever prefix or default namespace carries it.
// Example failure: a parser that matches "espi:UsagePoint" misses PG&E's "ns1:UsagePoint".
TEST(XmlViewTest, ResolvesNamespacesByUri)
{
    for (const char* doc :
         {"<feed xmlns='http://www.w3.org/2005/Atom' xmlns:espi='http://naesb.org/espi'><espi:UsagePoint/></feed>",
          "<ns0:feed xmlns:ns0='http://www.w3.org/2005/Atom'><ns1:UsagePoint xmlns:ns1='http://naesb.org/espi'/></ns0:feed>",
          "<feed xmlns='http://www.w3.org/2005/Atom'><UsagePoint xmlns='http://naesb.org/espi'/></feed>"}) {
        auto v = parseText(doc);
        ASSERT_TRUE(v) << v.error().describe();
        EXPECT_TRUE(v->is(v->root(), XmlNs::Atom, "feed")) << doc;
        EXPECT_NE(v->child(v->root(), XmlNs::Espi, "UsagePoint"), kNoElement) << doc;
        EXPECT_TRUE(v->namespaceProblems().empty());
    }
}

// Makes sure a prefix is only as good as its declaration: no declaration → Unbound and a recorded problem;
// xmlns="" undeclares the default namespace; xml: is always bound.
// Example failure: <espi:kind> without xmlns:espi is taken as ESPI because of its prefix.
TEST(XmlViewTest, UndeclaredPrefixesAreRecorded)
{
    auto v = parseText("<a xmlns='urn:x' xml:lang='en'><espi:kind/><b xmlns=''/><c foo:bar='1'/></a>");
    ASSERT_TRUE(v);
    std::uint32_t kind = (*v)[v->root()].firstChild;
    EXPECT_EQ((*v)[kind].ns, XmlNs::Unbound);
    std::uint32_t b = (*v)[kind].nextSibling;
    EXPECT_EQ((*v)[b].ns, XmlNs::None);
    ASSERT_EQ(v->namespaceProblems().size(), 2u);
    EXPECT_EQ(v->namespaceProblems()[0].prefix, "espi");
    EXPECT_EQ(v->namespaceProblems()[1].usedOn, "foo:bar");
}

// Makes sure malformed documents are refused with line:col, including the cases pugixml alone accepts.
// Example failure: "<a/><b/>" is accepted because pugixml keeps both roots.
TEST(XmlViewTest, RejectsMalformedDocumentsWithLocation)
{
    struct Case {
        const char* text;
        const char* where;
        const char* words;
    };
    for (Case c : {Case{"<a>\n  <b></a>", "2:8", "mismatch"}, Case{"<a/><b/>", "1:5", "second root"},
                   Case{"<a/>junk", "1:", "text outside"}, Case{"<a x='1' x='2'/>", "1:1", "duplicate attribute"},
                   Case{"<a><!-- x -- y --></a>", "1:", "inside a comment"}, Case{"", "1:1", "no root"},
                   Case{"<a", "1:", "tag"}}) {
        auto v = parseText(c.text);
        ASSERT_FALSE(v) << c.text;
        EXPECT_EQ(v.error().code, "xml.not_well_formed");
        EXPECT_EQ(v.error().where.rfind(c.where, 0), 0u) << c.text << " at " << v.error().where;
        EXPECT_NE(v.error().message.find(c.words), std::string::npos) << v.error().message;
    }
}

// Makes sure paths number only repeated siblings and positions point at the element's '<'.
// Example failure: every reading is reported as /feed/entry/content/IntervalBlock/IntervalReading.
TEST(XmlViewTest, PathsAndPositions)
{
    auto v = parseText("<feed>\n <entry/>\n <entry><title>t</title><x/><x/></entry>\n</feed>");
    ASSERT_TRUE(v);
    std::uint32_t second = (*v)[(*v)[v->root()].firstChild].nextSibling;
    std::uint32_t title = (*v)[second].firstChild;
    std::uint32_t x2 = (*v)[(*v)[title].nextSibling].nextSibling;
    EXPECT_EQ(v->path(title), "/feed/entry[2]/title");
    EXPECT_EQ(v->path(x2), "/feed/entry[2]/x[2]");
    EXPECT_EQ(v->position(second).line, 3u);
    EXPECT_EQ(v->position(second).column, 2u);
    EXPECT_EQ(v->text(title), "t");
}

// Makes sure a pathologically deep document neither overflows the stack nor takes quadratic time to index.
// Example failure: a recursive walk crashes on 100000 nested elements.
TEST(XmlViewTest, DeepNestingIsHandled)
{
    std::string doc;
    for (int i = 0; i < 100000; ++i)
        doc += "<a>";
    for (int i = 0; i < 100000; ++i)
        doc += "</a>";
    auto v = parseText(doc);
    ASSERT_TRUE(v) << v.error().describe();
    EXPECT_EQ(v->size(), 100000u);
}

// Makes sure text is trimmed and attributes read without prefixes.
// Example failure: "\n  1330578000 \n" fails integer parsing because of the whitespace.
TEST(XmlViewTest, TextIsTrimmed)
{
    auto v = parseText("<a rel='self'>\n  1330578000 \n</a>");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->text(v->root()), "1330578000");
    EXPECT_EQ(v->attribute(v->root(), "rel"), "self");
    EXPECT_TRUE(v->hasAttribute(v->root(), "rel"));
    EXPECT_FALSE(v->hasAttribute(v->root(), "href"));
}

} // namespace
} // namespace gbc

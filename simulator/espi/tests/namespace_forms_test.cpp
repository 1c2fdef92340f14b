// Tests of the namespace variations: the same elements in the same namespaces, spelled with other prefixes.
#include "namespace_forms.h"

#include <gtest/gtest.h>

using namespace gbc;

namespace {

const std::string kDoc =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<id>x</id>\n"
    "<link rel=\"self\" href=\"a?b=1&amp;c=&lt;2&gt;\"/>\n<entry>\n<content><UsagePoint xmlns=\"http://naesb.org/espi\">"
    "<ServiceCategory><kind>0</kind></ServiceCategory></UsagePoint></content>\n</entry>\n"
    "<entry><content><Customer xmlns=\"http://naesb.org/espi/customer\"><name>a &lt;b&gt;</name></Customer></content></entry>\n"
    "</feed>\n";

} // namespace

// Makes sure espi: prefixes ESPI names only, declared on the root, with text and attributes untouched.
// Example failure: <espi:link>, or the &amp; in an href decoded.
TEST(NamespaceForms, EspiPrefix)
{
    const std::string out = rewriteNamespaces(kDoc, NamespaceForm::EspiPrefix);
    EXPECT_NE(out.find("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:espi=\"http://naesb.org/espi\" "
                       "xmlns:cust=\"http://naesb.org/espi/customer\">"), std::string::npos) << out;
    EXPECT_NE(out.find("<content><espi:UsagePoint><espi:ServiceCategory><espi:kind>0</espi:kind></espi:ServiceCategory>"
                       "</espi:UsagePoint></content>"), std::string::npos) << out;
    EXPECT_NE(out.find("<cust:Customer><cust:name>a &lt;b&gt;</cust:name></cust:Customer>"), std::string::npos) << out;
    EXPECT_NE(out.find("<link rel=\"self\" href=\"a?b=1&amp;c=&lt;2&gt;\"/>"), std::string::npos) << out;
    EXPECT_EQ(out.find("xmlns=\"http://naesb.org/espi\""), std::string::npos) << out;
}

// Makes sure ns0:/ns1: prefix every element, Atom ones included. Example failure: an unprefixed <entry>.
TEST(NamespaceForms, Ns0Ns1)
{
    const std::string out = rewriteNamespaces(kDoc, NamespaceForm::Ns0Ns1);
    EXPECT_NE(out.find("<ns0:feed xmlns:ns0=\"http://www.w3.org/2005/Atom\" xmlns:ns1=\"http://naesb.org/espi\""),
              std::string::npos) << out;
    EXPECT_NE(out.find("<ns0:entry>\n<ns0:content><ns1:UsagePoint><ns1:ServiceCategory>"), std::string::npos) << out;
    EXPECT_NE(out.find("</ns0:feed>"), std::string::npos) << out;
    EXPECT_EQ(out.find("<entry"), std::string::npos) << out;
}

// Makes sure ESPI becomes the default namespace with atom: prefixed. Example failure: xmlns="Atom" kept.
TEST(NamespaceForms, EspiDefault)
{
    const std::string out = rewriteNamespaces(kDoc, NamespaceForm::EspiDefault);
    EXPECT_NE(out.find("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns=\"http://naesb.org/espi\""),
              std::string::npos) << out;
    EXPECT_NE(out.find("<atom:content><UsagePoint><ServiceCategory><kind>0</kind>"), std::string::npos) << out;
    EXPECT_EQ(rewriteNamespaces(kDoc, NamespaceForm::AsWritten), kDoc);
}

// Unit tests for the tolerant HTML scanner on canned login and consent pages.
#include <gtest/gtest.h>

#include "html_scan.h"

using namespace gbc;

namespace {

const char* kLastbill = R"(<!DOCTYPE html><html><head><title>Essex &amp; Co - Verify</title>
<style>form{color:red}</style><script>var x = "<form action='/evil'>";</script></head><body>
<!-- <form action="/commented"> -->
<form method=POST action="/DataCustodian/essex/oauth/verify" id=verify>
  <input type="hidden" name="flow" value="f-123">
  <label>Account <input name="account_number"></label>
  <input name='bill_amount' value=''>
  <input type="date" name="bill_date">
  <select name="region"><option value="n">North<option value="s" selected>South</select>
  <textarea name="note">hello &lt;world&gt;</textarea>
  <input type="checkbox" name="remember" value="yes">
  <button type="submit">Continue</button>
</form>
<p id="sandbox-otp" data-otp="123456">Your code: <b>123456</b></p>
</body></html>)";

const char* kConsent = R"(<form method="post" action="consent">
<input type=checkbox name=service value="E1" checked><input type=checkbox name=service value="W1" checked>
<input type="checkbox" name="service" value="G1">
<button name="decision" value="approve">Share</button><button name="decision" value="decline">Cancel</button>
</form><div id="error" data-error="customer_not_found">Customer not found</div>)";

} // namespace

// Makes sure forms, controls and ids are found while comments, scripts and styles are ignored.
// Example failure: a form inside a <script> string picked as the login form.
TEST(HtmlScan, LoginPageFormsAndIds)
{
    const HtmlPage page = scanHtml(kLastbill);
    EXPECT_EQ(page.title, "Essex & Co - Verify");
    ASSERT_EQ(page.forms.size(), 1u);
    const HtmlForm& f = page.forms[0];
    EXPECT_EQ(f.method, "post");
    EXPECT_EQ(f.action, "/DataCustodian/essex/oauth/verify");
    EXPECT_EQ(f.id, "verify");
    EXPECT_TRUE(f.hasControl("account_number"));
    EXPECT_TRUE(f.hasControl("bill_date"));
    EXPECT_FALSE(f.hasControl("evil"));
    const HtmlElement* otp = page.element("sandbox-otp");
    ASSERT_NE(otp, nullptr);
    EXPECT_EQ(otp->text, "Your code: 123456");
    EXPECT_EQ(otp->attributes.at("data-otp"), "123456");
    EXPECT_TRUE(page.looksLikeLogin());
}

// Makes sure a submission carries hidden fields, fills, the selected option and textarea text, not unchecked boxes.
// Example failure: the hidden flow id dropped, so the server loses the login session.
TEST(HtmlScan, SubmissionLikeABrowser)
{
    const HtmlPage page = scanHtml(kLastbill);
    const Params p = formSubmission(page.forms[0], {{"account_number", "111111111-1"}, {"bill_amount", "100.0"}}, nullptr);
    EXPECT_EQ(findParam(p, "flow").value(), "f-123");
    EXPECT_EQ(findParam(p, "account_number").value(), "111111111-1");
    EXPECT_EQ(findParam(p, "bill_amount").value(), "100.0");
    EXPECT_EQ(findParam(p, "region").value(), "s");
    EXPECT_EQ(findParam(p, "note").value(), "hello <world>");
    EXPECT_FALSE(findParam(p, "remember").has_value());
}

// Makes sure the consent decision button is found by name and value and sent with the checked services.
// Example failure: "decline" clicked when the script chose "approve".
TEST(HtmlScan, ConsentButtonsAndErrorElement)
{
    const HtmlPage page = scanHtml(kConsent);
    ASSERT_EQ(page.forms.size(), 1u);
    const HtmlControl* approve = page.forms[0].findButton("decision", "approve");
    ASSERT_NE(approve, nullptr);
    EXPECT_EQ(approve->value, "approve");
    EXPECT_EQ(page.forms[0].findButton("decision", "maybe"), nullptr);
    const Params p = formSubmission(page.forms[0], {}, approve);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].second, "E1");
    EXPECT_EQ(p[1].second, "W1");
    EXPECT_EQ(p[2], std::make_pair(std::string("decision"), std::string("approve")));
    ASSERT_NE(page.element("error"), nullptr);
    EXPECT_EQ(page.element("error")->attributes.at("data-error"), "customer_not_found");
}

// Makes sure broken markup never crashes and still yields what can be recognised.
// Example failure: an unterminated attribute quote making the scanner loop or read past the end.
TEST(HtmlScan, BrokenMarkupIsTolerated)
{
    const HtmlPage a = scanHtml("<form action='x><input name=a");
    EXPECT_EQ(a.forms.size(), 1u);
    const HtmlPage b = scanHtml("<<<>>><input name=orphan><p id=x>t</p");
    EXPECT_TRUE(b.forms.empty());
    EXPECT_NE(b.element("x"), nullptr);
    EXPECT_EQ(scanHtml("").forms.size(), 0u);
    EXPECT_EQ(decodeEntities("&#65;&#x42;&amp;&bogus;&"), "AB&&bogus;&");
}

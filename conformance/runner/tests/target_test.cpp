// Unit tests for the target-file loader: a complete file, variant overrides, and each located rejection.
#include <gtest/gtest.h>

#include "target.h"

using namespace gbc;

namespace {

const char* kGood = R"({
  "name": "Essex sandbox",
  "oauth": {"authorizeUrl": "https://greenbutton.essexpowerlines.ca/oauth/authorize",
            "tokenUrl": "https://greenbutton.essexpowerlines.ca/oauth/token",
            "clientId": "ESSEX_ccccccccc", "clientSecret": "sandbox_secret", "scope": "FB=4_5_15"},
  "espi": {"resourceBase": "https://utilityapi.com/DataCustodian/espi/1_1/resource"},
  "tls": {"caFile": "ca.pem", "insecure": true},
  "http": {"timeoutSeconds": 5},
  "login": [{"open": "authorize"}, {"fill": {"account_number": "${account}"}}, {"submit": {}},
            {"choose": {"decision": "${decision}"}}],
  "variants": [
    {"id": "res", "utility": "ESSEX", "auth": "lastbill", "scenario": "residential", "vars": {"account": "111111111-1"}},
    {"id": "bad", "expect": "no_code", "oauth": {"scope": "FB=4"}, "odr": {"url": "https://x/odr"},
     "login": [{"open": "authorize"}, {"fillFromElement": {"field": "otp", "element": "sandbox-otp"}}, {"submit": {"form": "f"}}]}
  ]
})";

Error loadError(const std::string& text)
{
    Result<Target> t = parseTarget(text, "t.json");
    EXPECT_FALSE(t.ok());
    return t.ok() ? Error{} : t.error();
}

std::string patched(const std::string& from, const std::string& to)
{
    std::string s = kGood;
    const std::size_t pos = s.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return pos == std::string::npos ? s : s.replace(pos, from.size(), to);
}

} // namespace

// Makes sure a complete target file loads with defaults applied and variant overrides on top.
// Example failure: a variant's scope override leaking into the next variant.
TEST(TargetFile, LoadsDefaultsAndOverrides)
{
    Result<Target> t = parseTarget(kGood, "t.json");
    ASSERT_TRUE(t.ok()) << t.error().describe();
    ASSERT_EQ(t->variants.size(), 2u);
    const VariantSpec& res = t->variants[0];
    EXPECT_EQ(res.config.oauth.scope, "FB=4_5_15");
    EXPECT_EQ(res.config.timeoutMs, 5000);
    EXPECT_TRUE(res.config.insecure);
    EXPECT_EQ(res.config.login.size(), 4u);
    EXPECT_EQ(res.config.login[1].action, LoginAction::Fill);
    EXPECT_EQ(res.config.login[1].where, "t.json:/login/1");
    EXPECT_EQ(res.vars.at("account"), "111111111-1");
    EXPECT_EQ(res.config.odr.url, "");
    const VariantSpec& bad = t->variants[1];
    EXPECT_EQ(bad.expect, Expectation::NoCode);
    EXPECT_EQ(bad.config.oauth.scope, "FB=4");
    EXPECT_EQ(bad.config.oauth.clientId, "ESSEX_ccccccccc");
    EXPECT_EQ(bad.config.odr.url, "https://x/odr");
    ASSERT_EQ(bad.config.login.size(), 3u);
    EXPECT_EQ(bad.config.login[1].elementId, "sandbox-otp");
    EXPECT_EQ(bad.config.login[2].formId, "f");
}

// Makes sure unknown keys, wrong types and bad URLs are rejected with file and JSON pointer.
// Example failure: a misspelled "tokenUri" silently ignored, then every token check ERRORs.
TEST(TargetFile, RejectsWithLocation)
{
    Error e = loadError(patched("\"tokenUrl\"", "\"tokenUri\""));
    EXPECT_EQ(e.code, "json.unknown_key");
    EXPECT_EQ(e.where, "t.json:/oauth/tokenUri");
    e = loadError(patched("\"timeoutSeconds\": 5", "\"timeoutSeconds\": \"5\""));
    EXPECT_EQ(e.where, "t.json:/http/timeoutSeconds");
    e = loadError(patched("\"https://x/odr\"", "\"x/odr\""));
    EXPECT_EQ(e.code, "target.bad_url");
    EXPECT_EQ(e.where, "t.json:/variants/1/odr/url");
    e = loadError(patched("\"timeoutSeconds\": 5", "\"timeoutSeconds\": 0"));
    EXPECT_EQ(e.code, "json.out_of_range");
    e = loadError(patched("\"expect\": \"no_code\"", "\"expect\": \"maybe\""));
    EXPECT_EQ(e.where, "t.json:/variants/1/expect");
}

// Makes sure bad login steps are located: unknown action, two actions in one step, unsupported open.
// Example failure: {"click": ...} accepted and skipped, so the flow stops on the login page.
TEST(TargetFile, RejectsBadLoginSteps)
{
    Error e = loadError(patched("{\"submit\": {}}", "{\"click\": {}}"));
    EXPECT_EQ(e.where, "t.json:/login/2/click");
    e = loadError(patched("{\"submit\": {}}", "{\"submit\": {}, \"open\": \"authorize\"}"));
    EXPECT_EQ(e.code, "target.login_step");
    EXPECT_EQ(e.where, "t.json:/login/2");
    e = loadError(patched("{\"open\": \"authorize\"}, {\"fill\"", "{\"open\": \"home\"}, {\"fill\""));
    EXPECT_EQ(e.where, "t.json:/login/0/open");
}

// Makes sure incomplete variants, duplicate ids, syntax errors and missing files are rejected.
// Example failure: a variant without clientSecret reaching the token endpoint and being blamed for the 401.
TEST(TargetFile, RejectsIncompleteAndDuplicate)
{
    Error e = loadError(patched("\"clientSecret\": \"sandbox_secret\", ", ""));
    EXPECT_EQ(e.code, "target.incomplete");
    EXPECT_EQ(e.where, "t.json:/variants/0");
    EXPECT_NE(e.message.find("oauth.clientSecret"), std::string::npos);
    e = loadError(patched("\"id\": \"bad\"", "\"id\": \"res\""));
    EXPECT_EQ(e.code, "target.duplicate");
    EXPECT_EQ(e.where, "t.json:/variants/1/id");
    e = loadError("{\"name\": ");
    EXPECT_EQ(e.code, "json.syntax");
    Result<Target> missing = loadTargetFile("/no/such/target.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "file.unreadable");
}

// Makes sure ${var} substitution replaces known names and leaves unknown ones visible.
// Example failure: an unknown ${acount} silently becoming "", submitting an empty account number.
TEST(TargetFile, SubstituteVars)
{
    EXPECT_EQ(substituteVars("a=${x};b=${y};c=${", {{"x", "1"}}), "a=1;b=${y};c=${");
}

// Tests of URL codecs, redirect-URI matching, base64 and the CSPRNG/constant-time helpers.
#include "client_auth.h"
#include "html.h"
#include "secure_random.h"
#include "url_codec.h"

#include <gtest/gtest.h>

#include <set>

using namespace gbc;

// Makes sure percent-decoding is strict and '+' handling is selectable. Example failure: "%zz" passed through.
TEST(UrlCodec, PercentDecoding)
{
    EXPECT_EQ(*percentDecode("a%20b+c", true), "a b c");
    EXPECT_EQ(*percentDecode("a%20b+c", false), "a b+c");
    EXPECT_EQ(*percentDecode("%E2%9C%93", false), "\xE2\x9C\x93");
    for (const char* bad : {"%", "%2", "%zz", "a%g0"}) {
        auto r = percentDecode(bad, true);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, "bad_encoding");
    }
    EXPECT_EQ(percentEncode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

// Makes sure forms keep repeated keys and report the parameter with bad encoding. Example failure: error without a name.
TEST(UrlCodec, FormParsing)
{
    auto f = parseUrlEncoded("service=0&service=1&flow=ab&empty=&bare", "body");
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->count("service"), 2u);
    EXPECT_EQ(f->find("empty")->second, "");
    EXPECT_EQ(f->find("bare")->second, "");
    auto bad = parseUrlEncoded("a=1&scope=FB%3", "query");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().where, "query parameter 'scope'");
    EXPECT_TRUE(parseUrlEncoded("", "query")->empty());
    EXPECT_EQ(appendQuery("http://h/cb?x=1", {{"code", "a b"}}), "http://h/cb?x=1&code=a%20b");
    EXPECT_EQ(appendQuery("http://h/cb", {{"state", "s"}}), "http://h/cb?state=s");
}

// Makes sure redirect URIs match exactly except for the port of loopback http URIs (RFC 8252 §7.3).
// Example failure: https://app.example:444/cb accepted for https://app.example/cb, or a path prefix accepted.
TEST(UrlCodec, RedirectMatching)
{
    EXPECT_TRUE(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:53124/callback"));
    EXPECT_TRUE(redirectUriMatches("http://localhost/callback", "http://localhost:8000/callback"));
    EXPECT_TRUE(redirectUriMatches("http://[::1]/cb", "http://[::1]:9000/cb"));
    EXPECT_TRUE(redirectUriMatches("https://app.example/cb", "https://app.example/cb"));
    EXPECT_FALSE(redirectUriMatches("https://app.example/cb", "https://app.example:444/cb"));
    EXPECT_FALSE(redirectUriMatches("https://app.example/cb", "https://app.example/cb/extra"));
    EXPECT_FALSE(redirectUriMatches("https://app.example/cb", "https://app.example/cb?x=1"));
    EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:53124/callbackx"));
    EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.2:53124/callback"));
    EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/callback", "http://localhost:53124/callback"));
    EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:80x/callback"));
    EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/cb#f", "http://127.0.0.1/cb#f"));
    EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1@evil.example/callback"));
}

// Makes sure a loopback redirect_uri with a written port needs a real one (1-65535).
// Example failure: http://127.0.0.1:/callback or :65536 accepted as "any port" (issue 13).
TEST(UrlCodec, LoopbackRedirectNeedsValidPort)
{
    EXPECT_TRUE(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:65535/callback"));
    EXPECT_TRUE(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:1/callback"));
    for (const char* bad : {"http://127.0.0.1:/callback", "http://127.0.0.1:65536/callback", "http://127.0.0.1:0/callback",
                            "http://127.0.0.1:999999/callback", "http://127.0.0.1:00000000080/callback"})
        EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/callback", bad)) << bad;
}

// Makes sure base64 is strict and base64url matches RFC 7636 Appendix B. Example failure: padding in the middle accepted.
TEST(Base64, DecodeAndPkceExample)
{
    EXPECT_EQ(*decodeBase64("RVNTRVhfY2NjY2NjY2NjOnNhbmRib3hfc2VjcmV0"), "ESSEX_ccccccccc:sandbox_secret");
    EXPECT_EQ(*decodeBase64("YQ=="), "a");
    EXPECT_EQ(*decodeBase64("YWI="), "ab");
    for (const char* bad : {"YQ=", "Y===", "YQ==YQ==", "Y!==", "YQ"})
        EXPECT_FALSE(decodeBase64(bad).has_value()) << bad;
    EXPECT_EQ(encodeBase64Url(sha256Raw("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
              "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

// Makes sure secrets are long, distinct and compared by value; OTP digits are digits. Example failure: a fixed token.
TEST(SecureRandom, SecretsAndComparison)
{
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(randomHex(16));
    EXPECT_EQ(seen.size(), 100u);
    EXPECT_EQ(randomHex(16).size(), 32u);
    const std::string otp = randomDigits(6);
    EXPECT_EQ(otp.size(), 6u);
    EXPECT_EQ(otp.find_first_not_of("0123456789"), std::string::npos);
    EXPECT_TRUE(constantTimeEquals("abc", "abc"));
    EXPECT_FALSE(constantTimeEquals("abc", "abd"));
    EXPECT_FALSE(constantTimeEquals("abc", "abcd"));
    EXPECT_TRUE(constantTimeEquals("", ""));
    EXPECT_EQ(redactSecret("0123456789abcdef"), "012345…");
    EXPECT_EQ(redactSecret("short"), "…");
}

// Makes sure echoed text cannot open tags or attributes. Example failure: a state value injecting <script>.
TEST(Html, Escaping)
{
    EXPECT_EQ(escapeHtml("<script>\"x\"&'y'</script>"), "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;");
}

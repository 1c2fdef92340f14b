// Unit tests for the runner's URL helpers: parsing, resolution, encoding and query access.
#include <gtest/gtest.h>

#include "url.h"

using namespace gbc;

// Makes sure absolute URLs split into scheme, host, port, path and query, and bad ones are rejected.
// Example failure: "http://h:99999/" accepted, or "ftp://" treated as http.
TEST(Url, ParseAndReject)
{
    Result<Url> u = parseUrl("http://127.0.0.1:4000/DataCustodian/essex/oauth/authorize?a=1&b=2#frag");
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->host, "127.0.0.1");
    EXPECT_EQ(u->port, 4000);
    EXPECT_EQ(u->path, "/DataCustodian/essex/oauth/authorize");
    EXPECT_EQ(u->query, "a=1&b=2");
    EXPECT_EQ(u->origin(), "http://127.0.0.1:4000");
    EXPECT_TRUE(u->isLoopback());
    EXPECT_EQ(parseUrl("https://example.com")->origin(), "https://example.com");
    EXPECT_EQ(parseUrl("https://example.com")->path, "/");
    EXPECT_FALSE(parseUrl("ftp://example.com/").ok());
    EXPECT_FALSE(parseUrl("/relative").ok());
    EXPECT_FALSE(parseUrl("http://h:99x/").ok());
    EXPECT_FALSE(parseUrl("http://user:pw@h/").ok());
}

// Makes sure form actions and Location headers resolve like a browser would.
// Example failure: "../consent" resolving against the wrong folder, losing the login session.
TEST(Url, Resolve)
{
    const std::string base = "http://h:1/a/b/page?x=1";
    EXPECT_EQ(resolveUrl(base, "https://o/p"), "https://o/p");
    EXPECT_EQ(resolveUrl(base, "/root"), "http://h:1/root");
    EXPECT_EQ(resolveUrl(base, "next"), "http://h:1/a/b/next");
    EXPECT_EQ(resolveUrl(base, "../up"), "http://h:1/a/up");
    EXPECT_EQ(resolveUrl(base, "?y=2"), "http://h:1/a/b/page?y=2");
    EXPECT_EQ(resolveUrl(base, ""), "http://h:1/a/b/page?x=1");
    EXPECT_EQ(resolveUrl(base, "//other/x"), "http://other/x");
}

// Makes sure encoding round-trips scope strings with ';', '=' and spaces.
// Example failure: "FB=4_5;IntervalDuration=900" sent unencoded and split by the server.
TEST(Url, EncodeDecodeAndQuery)
{
    EXPECT_EQ(percentEncode("FB=4_5;K=a b"), "FB%3D4_5%3BK%3Da%20b");
    EXPECT_EQ(*percentDecode("a%20b+c", true), "a b c");
    EXPECT_FALSE(percentDecode("a+b%2", false));
    EXPECT_EQ(*findParam(parseQuery("x=a%2&y=%41+b"), "x"), "a%2"); // kept as written
    EXPECT_EQ(*findParam(parseQuery("x=a%2&y=%41+b"), "y"), "A b");
    const std::string url = withParams("http://h/cb", {{"code", "x y"}, {"state", "s&t"}});
    EXPECT_EQ(url, "http://h/cb?code=x%20y&state=s%26t");
    EXPECT_EQ(queryParam(url, "state").value(), "s&t");
    EXPECT_FALSE(queryParam(url, "error").has_value());
    EXPECT_EQ(withParams("http://h/cb?a=1", {{"b", "2"}}), "http://h/cb?a=1&b=2");
    EXPECT_EQ(stripQuery("http://h/cb?a=1#f"), "http://h/cb");
    Params p = parseQuery("a=1&&b=&c");
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[1], std::make_pair(std::string("b"), std::string()));
    EXPECT_EQ(findParam(p, "c").value(), "");
}

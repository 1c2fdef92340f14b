// Unit tests for evidence redaction: secrets, credential headers, token fields in forms/JSON, volatile aliases.
#include <gtest/gtest.h>

#include "redactor.h"

using namespace gbc;

// Makes sure a registered secret is replaced everywhere with a stable numbered label.
// Example failure: an access token printed whole in a report attached to a ticket.
TEST(Redactor, KnownSecretsGetStableLabels)
{
    Redactor r;
    r.addSecret("abcdef0123456789", "access_token");
    r.addSecret("fedcba9876543210", "access_token");
    EXPECT_EQ(r.apply("x abcdef0123456789 y fedcba9876543210"),
        "x [redacted:access_token#1] y [redacted:access_token#2]");
    r.addSecret("abc", "short"); // too short to redact safely
    EXPECT_EQ(r.apply("abc"), "abc");
}

// Makes sure a short secret (a one-time code) is redacted where it stands alone but not inside other numbers.
// Example failure: code 716094 turning the epoch 1716094800 in a feed into "1[redacted:otp#1]800".
TEST(Redactor, ShortSecretsOnlyWhereTheyStandAlone)
{
    Redactor r;
    r.addSecret("716094", "otp");
    EXPECT_EQ(r.apply("otp=716094&x=1 <start>1716094800</start> <b>716094</b>"),
        "otp=[redacted:otp#1]&x=1 <start>1716094800</start> <b>[redacted:otp#1]</b>");
    r.addSecret("0123456789abcdef0123", "access_token"); // long: redacted even inside other text
    EXPECT_EQ(r.apply("x0123456789abcdef0123y"), "x[redacted:access_token#1]y");
}

// Makes sure token-like fields are masked even when their values were never registered.
// Example failure: a refresh_token from an unexpected response leaking into evidence.
TEST(Redactor, FieldsMaskedInFormsQueriesAndJson)
{
    Redactor r;
    EXPECT_EQ(r.apply("grant_type=authorization_code&code=XYZ123&redirect_uri=a"),
        "grant_type=authorization_code&code=[redacted:code]&redirect_uri=a");
    EXPECT_EQ(r.apply("http://h/cb?code=Q1w2E3&state=s"), "http://h/cb?code=[redacted:code]&state=s");
    EXPECT_EQ(r.apply(R"({"access_token" : "t0k3n", "token_type":"Bearer"})"),
        R"({"access_token" : "[redacted:access_token]", "token_type":"Bearer"})");
    EXPECT_EQ(r.apply("encode=1&barcode=2"), "encode=1&barcode=2");
}

// Makes sure Authorization and cookie headers never show credentials, and aliases replace volatile origins.
// Example failure: "Authorization: Basic <base64 of client:secret>" in the JUnit output.
TEST(Redactor, HeadersAndAliases)
{
    Redactor r;
    r.addAlias("http://127.0.0.1:40123", "{sim}");
    r.addSecret("c2VjcmV0OnNlY3JldA==", "client_basic");
    HttpExchange e;
    e.url = "http://127.0.0.1:40123/oauth/token";
    e.requestHeaders = {{"Authorization", "Basic c2VjcmV0OnNlY3JldA=="}, {"Cookie", "sid=1"}};
    e.responseHeaders = {{"Authorization", "Bearer unknownvalue"}, {"Location", "http://127.0.0.1:40123/x"}};
    r.apply(e);
    EXPECT_EQ(e.url, "{sim}/oauth/token");
    EXPECT_EQ(e.requestHeaders[0].second, "Basic [redacted:client_basic#1]");
    EXPECT_EQ(e.requestHeaders[1].second, "[redacted:cookie]");
    EXPECT_EQ(e.responseHeaders[0].second, "Bearer [redacted:credentials]");
    EXPECT_EQ(e.responseHeaders[1].second, "{sim}/x");
}

// Unit tests of webhook signing against independently computed SHA-256 values, and of the BatchList body.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "batch_list.h"
#include "webhook_signing.h"

namespace gbc {
namespace {

// Makes sure the digest is SHA-256 of exactly "<secret>.<salt>.<body>": with secret "a", salt "b" and body "c" the
// hashed text is "a.b.c" (digest from Python hashlib). Example failure: digest upper-case, truncated or of other text.
TEST(WebhookSigning, DigestOfJoinedText)
{
    EXPECT_EQ(webhookSignature("a", "b", "c"), "845e30448809e2bc8958eb025bfc795235d13b077a53d0c3abbd2385170dc9b8");
}

// Makes sure the body is {"events": [...], "next": null} with 4-space indentation and "key": value spacing.
// Example failure: compact JSON, which a receiver re-pretty-printing before hashing would not match.
TEST(WebhookSigning, BodyIsFourSpacePretty)
{
    const std::string body = webhookBody(nlohmann::json::array({{{"uid", "1"}, {"type", "ping"}}}));
    EXPECT_EQ(body, "{\n    \"events\": [\n        {\n            \"type\": \"ping\",\n            \"uid\": \"1\"\n        }\n    ],\n"
                    "    \"next\": null\n}");
}

// Makes sure the signature is sha256hex("<secret>.<salt>.<body>"), checked against a value computed with Python hashlib.
// Example failure: the salt and secret swapped, or the dots left out.
TEST(WebhookSigning, SignatureMatchesIndependentDigest)
{
    const std::string body = webhookBody(nlohmann::json::array({{{"uid", "1"}, {"type", "ping"}}}));
    EXPECT_EQ(webhookSignature("whsec_test", "0a1b2c", body),
              "9aa578f88924af4cbec9cd45c14ff12cceeb6c5fc4b1e99227dde5bffdcb1805");
    const auto headers = webhookHeaders("whsec_test", "0a1b2c", body);
    ASSERT_EQ(headers.size(), 2u);
    EXPECT_EQ(headers[0].first, "X-UtilityAPI-Webhook-Salt");
    EXPECT_EQ(headers[0].second, "0a1b2c");
    EXPECT_EQ(headers[1].first, "X-UtilityAPI-Webhook-Signature");
    EXPECT_EQ(headers[1].second, "9aa578f88924af4cbec9cd45c14ff12cceeb6c5fc4b1e99227dde5bffdcb1805");
}

// Makes sure verification accepts the right signature and rejects a changed body, salt or secret.
// Example failure: any 64-hex string accepted.
TEST(WebhookSigning, VerifyRejectsTampering)
{
    const std::string sig = webhookSignature("s", "salt", "body");
    EXPECT_TRUE(verifyWebhookSignature("s", "salt", "body", sig));
    EXPECT_FALSE(verifyWebhookSignature("s", "salt", "body!", sig));
    EXPECT_FALSE(verifyWebhookSignature("s", "salt2", "body", sig));
    EXPECT_FALSE(verifyWebhookSignature("t", "salt", "body", sig));
    EXPECT_FALSE(verifyWebhookSignature("s", "salt", "body", sig.substr(1)));
}

// Makes sure salts are random hex of the asked length.
// Example failure: a constant salt.
TEST(WebhookSigning, SaltsAreRandomHex)
{
    const std::string a = newWebhookSalt(), b = newWebhookSalt();
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(a, b);
}

// Makes sure a BatchList is <BatchList xmlns="http://naesb.org/espi"> with one <resources> per URI, in order, escaped.
// Example failure: the URIs in one element, or '&' left unescaped so the XML does not parse.
TEST(BatchList, ListsEveryUriInOrder)
{
    const std::string xml = batchListXml({"https://h/a?x=1&y=2", "https://h/b"});
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
    pugi::xml_node root = doc.document_element();
    EXPECT_STREQ(root.name(), "BatchList");
    EXPECT_STREQ(root.attribute("xmlns").value(), "http://naesb.org/espi");
    std::vector<std::string> uris;
    for (pugi::xml_node r : root.children("resources"))
        uris.emplace_back(r.text().get());
    EXPECT_EQ(uris, (std::vector<std::string>{"https://h/a?x=1&y=2", "https://h/b"}));
    EXPECT_NE(xml.find("&amp;"), std::string::npos);
}

} // namespace
} // namespace gbc

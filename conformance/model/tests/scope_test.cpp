// Tests of the scope grammar: function blocks, parameters, AdditionalScope and auth hints, errors.
#include "scope.h"

#include <gtest/gtest.h>

using namespace gbc;

// Makes sure the documented example parses into its parts. Example failure: FB 51 lost or HistoryLength ignored.
TEST(Scope, ParsesFullExample)
{
    auto s = parseScope("FB=4_16_51;IntervalDuration=900_3600;HistoryLength=34128000;AdditionalScope=meters-all_noedit");
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_EQ(s->functionBlocks, (std::vector<int>{4, 16, 51}));
    EXPECT_TRUE(s->hasFunctionBlock(51));
    EXPECT_FALSE(s->hasFunctionBlock(5));
    EXPECT_EQ(s->param("IntervalDuration"), "900_3600");
    EXPECT_EQ(s->historyLengthSeconds, 34128000);
    EXPECT_EQ(s->additionalScope, (std::vector<std::string>{"meters-all", "noedit"}));
    EXPECT_TRUE(s->authHints.empty());
    EXPECT_FALSE(s->param("AdditionalScope").has_value());
}

// Makes sure a scope without HistoryLength reports none and falls back to 13 months. Example failure: 2 years.
TEST(Scope, HistoryLengthDefault)
{
    auto s = parseScope("FB=4");
    ASSERT_TRUE(s.ok());
    EXPECT_FALSE(s->historyLengthSeconds.has_value());
    EXPECT_EQ(s->historyLengthOrDefault(), 395 * 86400);
    EXPECT_EQ(parseScope("FB=4;HistoryLength=0")->historyLengthOrDefault(), 0);
}

// Makes sure the seed pages' hint examples give the right type and decoded value.
// Example failure: auth-lastbill-111111111-1 read as type "lastbill" value "111111111".
TEST(Scope, AuthHintsFromSeedPages)
{
    struct Case {
        const char* scope;
        const char* type;
        const char* value;
        bool hasValue;
    };
    const Case cases[] = {
        {"FB=4_16_51;AdditionalScope=auth-lastbill-111111111-1", "lastbill", "111111111-1", true},
        {"FB=4_16_51;AdditionalScope=auth-test-test_residential", "test", "test_residential", true},
        {"FB=4_16_51;AdditionalScope=auth-email-joe%40example.com", "email", "joe@example.com", true},
        {"FB=4_16_51;AdditionalScope=auth-address-123%20Main%20St%2C%20Anytown%2C%20CA%2012345", "address",
         "123 Main St, Anytown, CA 12345", true},
        {"FB=4_16_51;AdditionalScope=auth-phone-5554443333", "phone", "5554443333", true},
        {"FB=4_16_51;AdditionalScope=auth-sso", "sso", "", false},
        {"FB=4_16_51;AdditionalScope=auth-address-111 ANYWHERE ST, ANYTOWN, NY 12345", "address",
         "111 ANYWHERE ST, ANYTOWN, NY 12345", true},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.scope);
        auto s = parseScope(c.scope);
        ASSERT_TRUE(s.ok()) << s.error().describe();
        ASSERT_TRUE(s->authHint().has_value());
        EXPECT_EQ(s->authHint()->type, c.type);
        EXPECT_EQ(s->authHint()->value, c.value);
        EXPECT_EQ(s->authHint()->hasValue, c.hasValue);
    }
}

// Makes sure a test account name with '_' stays whole next to other items, and combined hints are all kept.
// Example failure: auth-test-test_commercial split into auth-test-test and commercial.
TEST(Scope, AuthHintGluesUnderscorePieces)
{
    auto s = parseScope("FB=4;AdditionalScope=historical-2y_auth-test-test_commercial_meters-all_noedit");
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_EQ(s->additionalScope,
              (std::vector<std::string>{"historical-2y", "auth-test-test_commercial", "meters-all", "noedit"}));
    EXPECT_EQ(s->authHint()->value, "test_commercial");
    auto both = parseScope("FB=4;AdditionalScope=auth-utility-nyseg_auth-phone-5554443333");
    ASSERT_TRUE(both.ok());
    ASSERT_EQ(both->authHints.size(), 2u);
    EXPECT_EQ(both->authHints[0], (AuthHint{"utility", "nyseg", true}));
    EXPECT_EQ(both->authHints[1], (AuthHint{"phone", "5554443333", true}));
}

// Makes sure the once-more percent-encoded form from the seed pages is accepted.
// Example failure: "FB%3D4_16_51%3B..." rejected as having no '='.
TEST(Scope, AcceptsEncodedForm)
{
    auto s = parseScope("FB%3D4_16_51%3BAdditionalScope%3Dauth-test-test_residential");
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_EQ(s->functionBlocks, (std::vector<int>{4, 16, 51}));
    EXPECT_EQ(s->authHint()->value, "test_residential");
    auto email = parseScope("FB%3D4%3BAdditionalScope%3Dauth-email-joe%2540example.com");
    ASSERT_TRUE(email.ok()) << email.error().describe();
    EXPECT_EQ(email->authHint()->value, "joe@example.com");
}

// Makes sure toString is canonical and round-trips. Example failure: AdditionalScope printed before FB.
TEST(Scope, PrintsCanonicalAndRoundTrips)
{
    auto s = parseScope("HistoryLength=100;AdditionalScope=auth-email-joe%40example.com_noedit;FB=51_4;BlockDuration=daily");
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_EQ(s->toString(), "FB=51_4;HistoryLength=100;BlockDuration=daily;AdditionalScope=auth-email-joe%40example.com_noedit");
    auto again = parseScope(s->toString());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *s);
    EXPECT_EQ(parseScope("FB=4_16_51;")->toString(), "FB=4_16_51");
}

// Makes sure each malformed scope is rejected with invalid_scope and a message naming the problem.
// Example failure: "FB=4;;HistoryLength=1" accepted, or a missing FB accepted.
TEST(Scope, RejectsMalformed)
{
    struct Bad {
        const char* scope;
        const char* mentions;
    };
    const Bad cases[] = {
        {"", "empty"},
        {"HistoryLength=5", "FB is required"},
        {"FB=", "FB item ''"},
        {"FB=4_x", "FB item 'x'"},
        {"FB=4__16", "FB item ''"},
        {"FB=0", "FB item '0'"},
        {"FB=4_4", "twice"},
        {"FB=4;;HistoryLength=1", "parameter 2"},
        {"FB=4;HistoryLength", "'HistoryLength' is not Key=Value"},
        {"FB=4;HistoryLength=abc", "HistoryLength 'abc'"},
        {"FB=4;HistoryLength=-1", "HistoryLength '-1'"},
        {"FB=4;FB=5", "'FB' appears twice"},
        {"FB=4;AdditionalScope=a__b", "empty item"},
        {"FB=4;AdditionalScope=auth-", "auth-"},
        {"FB=4;AdditionalScope=auth-Email-x", "auth-Email-x"},
        {"FB=4;AdditionalScope=auth-email-joe%4", "malformed"},
        {"FB=4;AdditionalScope=auth-email-", "empty value"},
        {"FB%3D4%3", "malformed percent-encoding"},
        {"FB=4;Bad Key=1", "parameter 2"},
        {"FB=4\n", "control character"},
    };
    for (const Bad& c : cases) {
        SCOPED_TRACE(c.scope);
        auto s = parseScope(c.scope);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().code, "invalid_scope");
        EXPECT_EQ(s.error().where, "scope");
        EXPECT_NE(s.error().message.find(c.mentions), std::string::npos) << s.error().message;
    }
}

// Unit tests of JSON API list plumbing: filter parsing errors and next/after pagination.
#include <gtest/gtest.h>

#include "list_query.h"

namespace gbc {
namespace {

HttpRequest requestWith(std::multimap<std::string, std::string> query)
{
    HttpRequest r;
    r.method = "GET";
    r.path = "/api/v2/events";
    r.host = "127.0.0.1:5000";
    r.query = std::move(query);
    return r;
}

std::vector<nlohmann::json> items(int n)
{
    std::vector<nlohmann::json> out;
    for (int i = n; i >= 1; --i) // newest first
        out.push_back({{"uid", std::to_string(i)}});
    return out;
}

// Makes sure limit accepts 1..1000 and rejects the rest with invalid_param naming "limit".
// Example failure: limit=0 or limit=5000 silently accepted.
TEST(ListQuery, LimitBounds)
{
    EXPECT_EQ(parseLimit(requestWith({})).value(), 1000u);
    EXPECT_EQ(parseLimit(requestWith({{"limit", "1"}})).value(), 1u);
    EXPECT_EQ(parseLimit(requestWith({{"limit", "1000"}})).value(), 1000u);
    for (const char* bad : {"0", "1001", "-1", "abc", "", "10x", "99999999999"}) {
        auto r = parseLimit(requestWith({{"limit", bad}}));
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, "invalid_param");
        EXPECT_EQ(r.error().where, "limit");
    }
}

// Makes sure boolean filters take exactly true/false.
// Example failure: is_test=yes treated as false and returning the wrong objects.
TEST(ListQuery, BoolFilter)
{
    EXPECT_FALSE(parseBoolFilter(requestWith({}), "is_test").value().has_value());
    EXPECT_TRUE(*parseBoolFilter(requestWith({{"is_test", "true"}}), "is_test").value());
    EXPECT_FALSE(*parseBoolFilter(requestWith({{"is_test", "false"}}), "is_test").value());
    auto bad = parseBoolFilter(requestWith({{"is_test", "yes"}}), "is_test");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, "is_test");
}

// Makes sure uid lists split on commas, merge repeats, and reject empty items.
// Example failure: "1,,2" accepted as three uids.
TEST(ListQuery, UidList)
{
    auto r = parseUidList(requestWith({{"uids", "1,2"}, {"uids", "3"}}), "uids");
    ASSERT_TRUE(r);
    EXPECT_EQ(r.value(), (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_TRUE(parseUidList(requestWith({}), "uids").value().empty());
    EXPECT_FALSE(parseUidList(requestWith({{"uids", "1,,2"}}), "uids"));
    EXPECT_FALSE(parseUidList(requestWith({{"uids", ""}}), "uids"));
}

// Makes sure time filters accept ISO instants and local dates and reject other text.
// Example failure: start=01/02/2024 accepted and ignored.
TEST(ListQuery, TimeFilter)
{
    TimeZoneRules denver;
    denver.tzOffset = -25200;
    denver.dstOffset = 3600;
    denver.dstStartRule = 0x360E2000;
    denver.dstEndRule = 0xB40E2000;
    auto iso = parseTimeFilter(requestWith({{"start", "2024-01-02T00:00:00+00:00"}}), "start", denver);
    ASSERT_TRUE(iso);
    EXPECT_EQ(**iso, 1704153600);
    auto date = parseTimeFilter(requestWith({{"start", "2024-01-02"}}), "start", denver);
    ASSERT_TRUE(date);
    EXPECT_EQ(**date, 1704153600 + 25200); // local midnight at UTC-7 (standard time)
    auto summer = parseTimeFilter(requestWith({{"start", "2024-07-02"}}), "start", denver);
    ASSERT_TRUE(summer);
    EXPECT_EQ(**summer, 1719878400 + 21600); // local midnight at UTC-6 (daylight time)
    auto bad = parseTimeFilter(requestWith({{"start", "01/02/2024"}}), "start", denver);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, "invalid_param");
    EXPECT_EQ(bad.error().where, "start");
}

// Makes sure pages hold at most `limit` items and link the next page with after=<last uid>, keeping other filters.
// Example failure: next is null although more items exist, or the next page repeats the last item.
TEST(ListQuery, PaginatesWithAfter)
{
    auto all = items(5);
    auto first = paginate(all, requestWith({{"limit", "2"}, {"is_test", "true"}}));
    ASSERT_TRUE(first);
    ASSERT_EQ(first->items.size(), 2u);
    EXPECT_EQ(first->items[0]["uid"], "5");
    EXPECT_EQ(first->items[1]["uid"], "4");
    ASSERT_TRUE(first->next);
    EXPECT_EQ(*first->next, "http://127.0.0.1:5000/api/v2/events?is_test=true&limit=2&after=4");
    auto last = paginate(all, requestWith({{"limit", "2"}, {"after", "2"}}));
    ASSERT_TRUE(last);
    ASSERT_EQ(last->items.size(), 1u);
    EXPECT_EQ(last->items[0]["uid"], "1");
    EXPECT_FALSE(last->next);
    const nlohmann::json body = pageBody("events", last.value());
    EXPECT_TRUE(body["next"].is_null());
    EXPECT_EQ(body["events"].size(), 1u);
}

// Makes sure an unknown after uid is a located invalid_param error, and the default page size is 1000.
// Example failure: an unknown after returns the whole list again.
TEST(ListQuery, AfterMustNameAnItem)
{
    auto bad = paginate(items(3), requestWith({{"after", "99"}}));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, "after");
    auto big = paginate(items(1500), requestWith({}));
    ASSERT_TRUE(big);
    EXPECT_EQ(big->items.size(), 1000u);
    EXPECT_TRUE(big->next.has_value());
}

// Makes sure query values are percent-encoded in next links and the access token is never copied into them.
// Example failure: the API token leaks into a next URL that clients log.
TEST(ListQuery, NextLinkEncodesAndDropsToken)
{
    auto page = paginate(items(3), requestWith({{"limit", "1"}, {"utility", "A B&C"}, {"access_token", "secret"}}));
    ASSERT_TRUE(page);
    ASSERT_TRUE(page->next);
    EXPECT_EQ(page->next->find("secret"), std::string::npos);
    EXPECT_NE(page->next->find("utility=A%20B%26C"), std::string::npos);
}

} // namespace
} // namespace gbc

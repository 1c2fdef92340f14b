// Unit tests of run-time client registration: validation with JSON pointers, duplicates, lookups, concurrency.
#include "client_registration.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "catalogue_loader.h"

using namespace gbc;

namespace {

Result<ClientRegistration> read(const std::string& text)
{
    return readRegistration(nlohmann::json::parse(text), "body");
}

Catalogue withRegistries()
{
    Catalogue c = builtinCatalogue().value();
    attachRegistries(c);
    return c;
}

const char* kGood = R"({"utility": "ESSEX", "clientId": "my-app", "clientSecret": "s", "mode": "live",
                        "redirectUris": ["http://localhost:3000/auth/callback"], "webhookUrl": "http://localhost:3000/hook"})";

} // namespace

// Makes sure a good registration reads with generated tokens, and each bad value is located by its JSON pointer
// with the catalogue's own rules. Example failure: "javascript:" accepted as a redirect URI.
TEST(ClientRegistration, ValidatesWithPointers)
{
    auto good = read(kGood);
    ASSERT_TRUE(good.ok()) << good.error().describe();
    EXPECT_EQ(good->client.mode, ClientMode::Live);
    EXPECT_EQ(good->client.apiToken.size(), 32u);
    EXPECT_FALSE(good->client.webhookSecret.empty()) << "a webhook URL gets a signing secret";
    EXPECT_EQ(read(R"({"utility": "ESSEX", "clientId": "a", "redirectUris": ["http://x/cb"]})")->client.clientSecret.size(), 32u);
    EXPECT_EQ(read(R"({"utility": "ESSEX", "clientId": "a b", "redirectUris": ["http://x/cb"]})").error().where, "body:/clientId");
    EXPECT_EQ(read(R"({"utility": "ESSEX", "clientId": "a", "redirectUris": ["http://x/cb", "javascript:1"]})").error().where,
              "body:/redirectUris/1");
    EXPECT_EQ(read(R"({"utility": "ESSEX", "clientId": "a", "redirectUris": []})").error().where, "body:/redirectUris");
    EXPECT_EQ(read(R"({"utility": "ESSEX", "clientId": "a", "redirectUris": ["http://x/cb"], "mode": "prod"})").error().where,
              "body:/mode");
    EXPECT_EQ(read(R"({"utility": "ESSEX", "clientId": "a", "redirectUris": ["http://x/cb"], "notifyUri": "ftp://x"})").error().where,
              "body:/notifyUri");
    EXPECT_EQ(read(R"({"utility": "ESSEX", "clientId": "a", "redirectUris": ["http://x/cb"], "apiToken": "t"})").error().where,
              "body:/apiToken");
    EXPECT_EQ(read(R"({"clientId": "a", "redirectUris": ["http://x/cb"]})").error().where, "body:/utility");
}

// Makes sure a registered client is found through the utility like a catalogue one, and a duplicate id (of a
// catalogue or registered client, in any utility) or an unknown utility is refused.
// Example failure: the same id registered under two utilities.
TEST(ClientRegistration, RegistersOnceAcrossUtilities)
{
    const Catalogue cat = withRegistries();
    auto stored = registerClient(cat, read(kGood).value());
    ASSERT_TRUE(stored.ok()) << stored.error().describe();
    EXPECT_EQ(cat.findUtility("ESSEX")->findClient("my-app"), *stored);
    EXPECT_EQ(cat.findUtility("ESSEX")->allClients().back(), *stored);
    ClientRegistration other = read(kGood).value();
    other.utilityId = "EPE";
    EXPECT_EQ(registerClient(cat, other).error().code, "registration.duplicate_client");
    other.client.clientId = cat.findUtility("ESSEX")->clients.front().clientId;
    EXPECT_EQ(registerClient(cat, other).error().code, "registration.duplicate_client");
    other.utilityId = "NOPE";
    other.client.clientId = "fresh";
    EXPECT_EQ(registerClient(cat, other).error().where, "/utility");
}

// Makes sure a copy gets registries of its own: registering in the copy leaves the source untouched.
// Example failure: two simulators built from one catalogue seeing each other's registrations.
TEST(ClientRegistration, CopiesDoNotShare)
{
    const Catalogue source = withRegistries();
    ASSERT_TRUE(registerClient(source, read(kGood).value()).ok());
    Catalogue copy = source;
    attachRegistries(copy);
    EXPECT_NE(copy.findUtility("ESSEX")->findClient("my-app"), nullptr) << "earlier registrations are carried over";
    ClientRegistration later = read(kGood).value();
    later.client.clientId = "later";
    ASSERT_TRUE(registerClient(copy, later).ok());
    EXPECT_EQ(source.findUtility("ESSEX")->findClient("later"), nullptr);
}

// Makes sure concurrent registrations of one id let exactly one through while readers keep their pointers.
// Example failure: two 201s for one client id under contention.
TEST(ClientRegistration, ConcurrentRegistrationsOfOneId)
{
    const Catalogue cat = withRegistries();
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                ClientRegistration r = read(kGood).value();
                r.client.clientId = "app-" + std::to_string(i);
                r.utilityId = t % 2 ? "ESSEX" : "EPE";
                if (registerClient(cat, r).ok())
                    ++ok;
                (void)cat.findUtility("ESSEX")->allClients();
            }
        });
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(ok.load(), 50);
}

// Makes sure the --clients file is an array and its errors carry the file and the item's pointer.
// Example failure: the error naming "/clientId" without the item index.
TEST(ClientRegistration, FileErrorsAreLocated)
{
    EXPECT_EQ(readRegistrationFile("{}", "c.json").error().where, "c.json:/");
    EXPECT_EQ(readRegistrationFile(std::string("[") + kGood + R"(, {"utility": "ESSEX"}])", "c.json").error().where,
              "c.json:/1/clientId");
    const Catalogue cat = withRegistries();
    auto both = readRegistrationFile(std::string("[") + kGood + "," + kGood + "]", "c.json");
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(registerAll(cat, *both, "c.json").error().where, "c.json:/1/clientId");
}

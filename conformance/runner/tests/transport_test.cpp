// Unit tests for the httplib transport against a local server: recording, no redirect following, timeouts.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <httplib.h>

#include "transport.h"

using namespace gbc;

namespace {

class LocalServer : public ::testing::Test {
protected:
    void SetUp() override
    {
        server_.Get("/redirect", [](const httplib::Request&, httplib::Response& res) {
            res.status = 302;
            res.set_header("Location", "/elsewhere");
        });
        server_.Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content(req.body + "|" + req.get_header_value("Content-Type"), "text/plain");
        });
        server_.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            res.set_content("late", "text/plain");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    void TearDown() override
    {
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
};

} // namespace

// Makes sure a redirect is recorded as such (the runner follows redirects itself) and bodies travel both ways.
// Example failure: the transport following Location, hiding the redirect_uri the checks must inspect.
TEST_F(LocalServer, RecordsWithoutFollowingRedirects)
{
    auto t = makeHttpTransport({});
    const HttpExchange r = t->send({"GET", url("/redirect"), {}, "", ""});
    EXPECT_EQ(r.status, 302);
    EXPECT_EQ(responseHeader(r, "location"), "/elsewhere");
    const HttpExchange e = t->send({"POST", url("/echo"), {{"X-Test", "1"}}, "a=1", "application/x-www-form-urlencoded"});
    EXPECT_EQ(e.status, 200);
    EXPECT_EQ(e.responseBody, "a=1|application/x-www-form-urlencoded");
    EXPECT_EQ(e.requestHeaders.back().first, "Content-Type");
}

// Makes sure a server that does not answer in time becomes a transport error, not a hang or a verdict.
// Example failure: the run blocking forever on a stuck Data Custodian.
TEST_F(LocalServer, TimeoutIsATransportError)
{
    auto t = makeHttpTransport(TransportOptions{"", false, 300});
    const auto t0 = std::chrono::steady_clock::now();
    const HttpExchange e = t->send({"GET", url("/slow"), {}, "", ""});
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(1200));
    EXPECT_EQ(e.status, 0);
    EXPECT_NE(e.error.find("transport"), std::string::npos) << e.error;
}

// Makes sure a target that stopped answering is not waited for again and again.
// Example failure: a black-holed Data Custodian making one variant take minutes of timeouts.
TEST_F(LocalServer, FailsFastAfterRepeatedTimeouts)
{
    auto t = makeHttpTransport(TransportOptions{"", false, 200});
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(t->send({"GET", url("/slow"), {}, "", ""}).status, 0);
    const auto t0 = std::chrono::steady_clock::now();
    const HttpExchange e = t->send({"GET", url("/redirect"), {}, "", ""});
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(100));
    EXPECT_EQ(e.status, 0);
    EXPECT_NE(e.error.find("did not answer the last 3 requests"), std::string::npos) << e.error;
}

// Makes sure refused connections and bad URLs are errors carried in the exchange.
// Example failure: an exception escaping the transport and crashing the run.
TEST(Transport, RefusedAndBadUrl)
{
    auto t = makeHttpTransport(TransportOptions{"", false, 500});
    const HttpExchange refused = t->send({"GET", "http://127.0.0.1:1/", {}, "", ""}); // nothing listens on port 1
    EXPECT_EQ(refused.status, 0);
    EXPECT_FALSE(refused.error.empty());
    const HttpExchange bad = t->send({"GET", "not a url", {}, "", ""});
    EXPECT_EQ(bad.status, 0);
    EXPECT_NE(bad.error.find("url.syntax"), std::string::npos);
}

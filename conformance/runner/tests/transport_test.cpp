// Unit tests for the httplib transport against a local server: recording, no redirect following, timeouts.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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
        server_.Get("/bytes/(\\d+)", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content(std::string(std::stoul(req.matches[1].str()), 'b'), "text/plain");
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

namespace {

// A raw TCP server that answers every connection by dripping an HTTP answer one byte per 100 ms (headers first),
// for at most 5 s: each read succeeds within the per-read timeout, only a whole-request deadline stops it.
class DripServer {
public:
    DripServer()
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(fd_, 4);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] {
            const int c = ::accept(fd_, nullptr, nullptr);
            const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n" + std::string(40, 'x');
            for (std::size_t i = 0; c >= 0 && i < answer.size() && i < 50; ++i) {
                if (::send(c, answer.data() + i, 1, MSG_NOSIGNAL) != 1)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            if (c >= 0)
                ::close(c);
        });
    }
    ~DripServer()
    {
        ::shutdown(fd_, SHUT_RDWR);
        thread_.join();
        ::close(fd_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

private:
    int fd_ = -1, port_ = 0;
    std::thread thread_;
};

} // namespace

// Makes sure a server dripping its answer byte by byte cannot hold the runner past the request deadline.
// Example failure: timeoutSeconds 3 and an 89 s wait, because httplib's timeout is per read (issue 13).
TEST(Transport, WholeRequestDeadline)
{
    DripServer drip;
    auto t = makeHttpTransport(TransportOptions{"", false, 600});
    const auto t0 = std::chrono::steady_clock::now();
    const HttpExchange e = t->send({"GET", drip.url(), {}, "", ""});
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(1500));
    EXPECT_EQ(e.status, 0);
    EXPECT_NE(e.error.find("whole-request deadline of 600 ms"), std::string::npos) << e.error;
}

// Makes sure answers up to the limit are read whole and a larger one is a clear transport fault, not memory
// exhaustion. Example failure: 42 answers of 300 MB kept whole (13.9 GB RSS, issue 13).
TEST_F(LocalServer, ResponseSizeLimit)
{
    TransportOptions options{"", false, 5000};
    options.maxResponseBytes = 100000;
    auto t = makeHttpTransport(options);
    const HttpExchange fits = t->send({"GET", url("/bytes/100000"), {}, "", ""});
    EXPECT_EQ(fits.status, 200) << fits.error;
    EXPECT_EQ(fits.responseBody.size(), 100000u);
    EXPECT_EQ(fits.responseBytes, 100000u);
    const HttpExchange big = t->send({"GET", url("/bytes/100001"), {}, "", ""});
    EXPECT_EQ(big.status, 0);
    EXPECT_NE(big.error.find("larger than the runner's limit of 100000 bytes"), std::string::npos) << big.error;
    EXPECT_EQ(t->send({"GET", url("/bytes/10"), {}, "", ""}).status, 200) << "the origin is still usable";
}

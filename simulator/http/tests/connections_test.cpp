// The connection layer of gbc-sim's plain-HTTP server: request framing, pipelining, bodies in pieces and chunks,
// the bounded queue (503 + Retry-After), oversized headers (431) and the idle timeout; in-process over loopback.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "catalogue_loader.h"
#include "connection_reactor.h"
#include "raw_http.h"
#include "sim_server.h"

namespace gbc {
namespace {

using simtest::getRequest;
using simtest::RawConn;
using simtest::RawResponse;

// Makes sure the reactor hands a request to a worker only once its headers, and a Content-Length body, are all
// there. Example failure: dispatching at the end of the headers, so a worker waits for a slow body.
TEST(CompleteRequestBytes, CountsHeadersAndContentLengthBodies)
{
    const std::string get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    EXPECT_EQ(completeRequestBytes(get, 100), get.size());
    EXPECT_EQ(completeRequestBytes(get.substr(0, get.size() - 1), 100), 0u);
    const std::string post = "POST /t HTTP/1.1\r\ncontent-LENGTH:  5\r\n\r\n";
    EXPECT_EQ(completeRequestBytes(post + "abc", 100), 0u);
    EXPECT_EQ(completeRequestBytes(post + "abcde" + get, 100), post.size() + 5);
    bool unread = false;
    EXPECT_EQ(completeRequestBytes(post, 4, &unread), post.size()) << "too large: httplib answers 413 at once";
    EXPECT_TRUE(unread);
    const std::string chunked = "POST /t HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 9\r\n\r\n";
    EXPECT_EQ(completeRequestBytes(chunked + "3\r\n", 100, &unread), chunked.size());
    EXPECT_FALSE(unread);
}

class Connections : public ::testing::Test {
protected:
    void start(ConnectionLimits limits)
    {
        SimServerOptions o;
        o.catalogue = std::make_shared<const Catalogue>(builtinCatalogue().value());
        o.limits = limits;
        o.extraRoutes.push_back(Route{"GET", "/__test/n/([0-9]+)", [](const HttpRequest& req) {
                                          return HttpAnswer::make(200, "text/plain", req.pathMatches[1]);
                                      }});
        o.extraRoutes.push_back(Route{"POST", "/__test/length", [](const HttpRequest& req) {
                                          return HttpAnswer::make(200, "text/plain", std::to_string(req.body.size()));
                                      }});
        o.extraRoutes.push_back(Route{"GET", "/__test/block", [this](const HttpRequest&) {
                                          ++entered_;
                                          release_.wait();
                                          return HttpAnswer::make(200, "text/plain", "released");
                                      }});
        server_ = std::make_unique<SimServer>(std::move(o));
        ASSERT_TRUE(server_->start("127.0.0.1", 0).ok());
    }
    void TearDown() override
    {
        if (!released_)
            gate_.set_value();
        server_.reset();
    }
    RawConn connect()
    {
        RawConn c;
        EXPECT_TRUE(c.connect(server_->port()));
        return c;
    }

    std::promise<void> gate_;
    std::shared_future<void> release_ = gate_.get_future().share();
    bool released_ = false;
    std::atomic<int> entered_{0};
    std::unique_ptr<SimServer> server_;
};

// Makes sure two requests written at once on one connection are both answered, in order.
// Example failure: the second request's bytes dropped with the first's buffer.
TEST_F(Connections, PipelinedRequestsAnsweredInOrder)
{
    start({});
    RawConn c = connect();
    ASSERT_TRUE(c.send(getRequest("/__test/n/1") + getRequest("/__test/n/2")));
    RawResponse a, b;
    ASSERT_TRUE(c.read(a, 5000));
    ASSERT_TRUE(c.read(b, 5000));
    EXPECT_EQ(a.body, "1");
    EXPECT_EQ(b.body, "2");
}

// Makes sure a body sent in pieces, or chunked, reaches the handler whole. Example failure: a handler run on the
// first piece only (length 3).
TEST_F(Connections, BodiesInPiecesAndChunksArriveWhole)
{
    start({});
    RawConn c = connect();
    ASSERT_TRUE(c.send("POST /__test/length HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\nabc"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the rest of the body arrives later
    ASSERT_TRUE(c.send("defgh"));
    RawResponse r;
    ASSERT_TRUE(c.read(r, 5000));
    EXPECT_EQ(r.body, "8");
    ASSERT_TRUE(c.send("POST /__test/length HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n"));
    ASSERT_TRUE(c.send("2\r\nef\r\n0\r\n\r\n"));
    ASSERT_TRUE(c.read(r, 5000));
    EXPECT_EQ(r.body, "6");
    const std::string big(100 * 1024, 'b'); // more than the 64 KiB header limit, within the body limit
    const std::string post = "POST /__test/length HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                             "Content-Length: " + std::to_string(big.size()) + "\r\n\r\n";
    EXPECT_EQ(c.exchange(post + big).body, std::to_string(big.size()));
}

// Makes sure a client that waits for "100 Continue" before sending its body is told to go on at once (the request
// is only dispatched once the body is there). Example failure: curl's one-second wait on every such POST.
TEST_F(Connections, ExpectContinueAnsweredBeforeTheBody)
{
    start({});
    RawConn c = connect();
    ASSERT_TRUE(c.send("POST /__test/length HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
    RawResponse r;
    ASSERT_TRUE(c.read(r, 500)) << "no interim answer";
    EXPECT_EQ(r.status, 100);
    ASSERT_TRUE(c.send("12345"));
    do
        ASSERT_TRUE(c.read(r, 5000));
    while (r.status == 100); // httplib sends its own 100 too; several 1xx are allowed (RFC 9110 section 15.2)
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "5");
}

// Makes sure that with every worker busy and the queue full, one more request is answered 503 with Retry-After at
// once, and the queued one is still served. Example failure: the request left waiting until a worker frees up.
TEST_F(Connections, FullQueueAnswers503AtOnce)
{
    ConnectionLimits limits;
    limits.workers = 1;
    limits.maxQueued = 1;
    start(limits);
    RawConn busy = connect(), queued = connect(), extra = connect();
    ASSERT_TRUE(busy.send(getRequest("/__test/block")));
    for (int i = 0; i < 500 && entered_ == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ASSERT_EQ(entered_, 1);
    ASSERT_TRUE(queued.send(getRequest("/__test/n/7")));
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // let the poller queue it
    const auto t0 = std::chrono::steady_clock::now();
    const RawResponse refused = extra.exchange(getRequest("/__test/n/8"), 2000);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(500));
    EXPECT_EQ(refused.status, 503);
    EXPECT_NE(refused.head.find("Retry-After: 1"), std::string::npos) << refused.head;
    gate_.set_value();
    released_ = true;
    RawResponse r;
    ASSERT_TRUE(busy.read(r, 5000));
    EXPECT_EQ(r.body, "released");
    ASSERT_TRUE(queued.read(r, 5000));
    EXPECT_EQ(r.body, "7");
    EXPECT_EQ(server_->connectionStats().overloaded, 1u);
}

// Makes sure a header block beyond 64 KiB is refused with 431 and closed rather than buffered without end.
TEST_F(Connections, OversizedHeadersAnswer431)
{
    start({});
    RawConn c = connect();
    c.send("GET / HTTP/1.1\r\nX-Filler: " + std::string(70 * 1024, 'a'));
    std::string seen;
    EXPECT_TRUE(c.waitClosed(5000, &seen));
    EXPECT_EQ(seen.rfind("HTTP/1.1 431", 0), 0u) << seen.substr(0, 100);
}

// Makes sure a keep-alive connection with no request past the idle timeout is closed (it holds a descriptor).
TEST_F(Connections, IdleConnectionClosedAfterIdleTimeout)
{
    ConnectionLimits limits;
    limits.idleTimeout = std::chrono::milliseconds(300);
    start(limits);
    RawConn c = connect();
    EXPECT_EQ(c.exchange(getRequest("/__test/n/1")).status, 200);
    EXPECT_TRUE(c.waitClosed(3000));
    EXPECT_EQ(server_->connectionStats().idleClosed, 1u);
}

} // namespace
} // namespace gbc

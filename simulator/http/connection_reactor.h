// Connection handling under load: idle and half-sent requests wait in epoll (no worker held), whole requests go to a
// bounded worker pool; over the caps the answer is an immediate 503, a request too slow to arrive is cut off (408).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gbc {

class ConnStream;

// The limits of one server; 0 in a count means "sized to the machine" (see resolved()).
struct ConnectionLimits {
    std::size_t workers = 0;        // 0: max(8, 2 × hardware threads)
    std::size_t maxQueued = 0;      // whole requests waiting for a worker; 0: 64 per worker. Beyond: 503 + Retry-After
    std::size_t maxConnections = 0; // open connections; 0: 4096 (below the file limit). Beyond: 503 at accept
    std::size_t maxRequestsPerConnection = 10000; // then "Connection: close"
    std::chrono::milliseconds requestTimeout{10000}; // request line, headers and a Content-Length body, from the
                                                     // request's first byte (slowloris: cut off with 408)
    std::chrono::milliseconds idleTimeout{5000};     // a keep-alive connection with no request is closed
    std::chrono::milliseconds writeTimeout{5000};    // a reader that takes no bytes for this long is dropped
    std::size_t maxHeaderBytes = 64 * 1024;          // request line + headers; beyond: 431
    std::size_t maxBodyBytes = 1024 * 1024;          // Content-Length bodies up to this are read before dispatch

    ConnectionLimits resolved() const;
};

// Counters for tests and benchmarks.
struct ConnectionStats {
    std::size_t open = 0, refusedAtCap = 0, overloaded = 0, requestTimeouts = 0, idleClosed = 0;
};

// One accepted socket and the bytes read from it that no request has consumed yet.
struct Connection {
    int fd = -1;
    std::string in;
    std::size_t consumed = 0; // next unread byte of `in`
    std::string remoteIp, localIp;
    int remotePort = 0, localPort = 0;
    std::chrono::steady_clock::time_point lastActivity, requestStart;
    bool parked = false;      // waiting in epoll (the poller owns it) rather than in the queue or a worker
    bool closeAfter = false;  // the request's body will not be read (too large): close after answering
    bool continued = false;   // "100 Continue" sent for the request being read
    std::size_t served = 0;
};

// Bytes of the first whole request in `data` (headers, plus the body when Content-Length ≤ maxBody), 0 while
// incomplete. A chunked or over-long body counts from the end of the headers (the worker reads or refuses it).
std::size_t completeRequestBytes(std::string_view data, std::size_t maxBody, bool* bodyUnread = nullptr);

class ConnectionReactor {
public:
    // Answers one request read from the stream; `last` asks for "Connection: close"; sets `close` when the client
    // asked for it. Returns false when the connection must be dropped.
    using Serve = std::function<bool(ConnStream& stream, bool last, bool& close)>;

    ConnectionReactor(ConnectionLimits limits, Serve serve);
    ~ConnectionReactor();
    ConnectionReactor(const ConnectionReactor&) = delete;
    ConnectionReactor& operator=(const ConnectionReactor&) = delete;

    // Takes ownership of an accepted socket (any thread); refuses it with 503 when at the connection cap.
    void adopt(int fd);
    // Closes every connection and joins the threads. Idempotent.
    void shutdown();
    ConnectionStats stats() const;
    const ConnectionLimits& limits() const { return limits_; }

private:
    void pollLoop();
    void workerLoop();
    void onReadable(Connection* c);
    void dispatch(Connection* c);
    void serve(Connection* c);
    void park(Connection* c);
    void release(Connection* c);
    void sweep(std::chrono::steady_clock::time_point now);

    ConnectionLimits limits_;
    Serve serve_;
    int epoll_ = -1, wake_ = -1;
    mutable std::mutex mu_; // connections_, parked flags, queue_
    std::condition_variable ready_;
    std::unordered_map<Connection*, std::unique_ptr<Connection>> connections_;
    std::deque<Connection*> queue_;
    std::atomic<bool> stopping_{false};
    std::thread poller_;
    std::vector<std::thread> workers_;
    std::atomic<std::size_t> refusedAtCap_{0}, overloaded_{0}, requestTimeouts_{0}, idleClosed_{0};
};

} // namespace gbc

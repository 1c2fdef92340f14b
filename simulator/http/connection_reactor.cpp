// ConnectionReactor: one epoll thread parks connections and reads what arrives; workers answer whole requests.
#include "connection_reactor.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <optional>

#include "conn_stream.h"

namespace gbc {

namespace {

using SteadyClock = std::chrono::steady_clock;

std::string cannedAnswer(const char* statusLine, const char* extraHeaders, const std::string& body)
{
    return std::string("HTTP/1.1 ") + statusLine + "\r\n" + extraHeaders +
           "Content-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

const std::string& overloadedAnswer()
{
    static const std::string s = cannedAnswer("503 Service Unavailable", "Retry-After: 1\r\n",
                                              "The simulator is at its connection or queue limit; retry in a second.\n");
    return s;
}

const std::string& timeoutAnswer()
{
    static const std::string s = cannedAnswer("408 Request Timeout", "", "The request did not arrive in time.\n");
    return s;
}

const std::string& headersTooLargeAnswer()
{
    static const std::string s =
        cannedAnswer("431 Request Header Fields Too Large", "", "The request line and headers are too large.\n");
    return s;
}

// Best effort and never blocking: the connection is closed right after.
void sendNow(int fd, const std::string& bytes)
{
    if (::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
    }
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

std::string_view trim(std::string_view v)
{
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
        v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
        v.remove_suffix(1);
    return v;
}

// The Content-Length of a header block; nullopt when absent, malformed or beside Transfer-Encoding.
std::optional<std::size_t> contentLength(std::string_view headers)
{
    std::optional<std::size_t> length;
    std::size_t pos = headers.find("\r\n") + 2; // after the request line
    while (pos < headers.size()) {
        const std::size_t eol = headers.find("\r\n", pos);
        if (eol == std::string_view::npos || eol == pos)
            break;
        const std::string_view line = headers.substr(pos, eol - pos);
        pos = eol + 2;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view name = line.substr(0, colon);
        if (equalsIgnoreCase(name, "transfer-encoding"))
            return std::nullopt;
        if (!equalsIgnoreCase(name, "content-length"))
            continue;
        const std::string_view value = trim(line.substr(colon + 1));
        if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        length = std::strtoull(std::string(value).c_str(), nullptr, 10);
    }
    return length;
}

// True when a complete header block asks for "Expect: 100-continue" (the client holds its body back until told).
bool expectsContinue(std::string_view data)
{
    const std::size_t end = data.find("\r\n\r\n");
    for (std::size_t pos = data.find("\r\n"); end != std::string_view::npos && pos < end;) {
        const std::size_t eol = data.find("\r\n", pos + 2);
        const std::string_view line = data.substr(pos + 2, eol - pos - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos && equalsIgnoreCase(line.substr(0, colon), "expect") &&
            equalsIgnoreCase(trim(line.substr(colon + 1)), "100-continue"))
            return true;
        pos = eol;
    }
    return false;
}

void describe(int fd, bool peer, std::string& ip, int& port)
{
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    char host[NI_MAXHOST] = "";
    char serv[NI_MAXSERV] = "";
    if ((peer ? getpeername(fd, sa, &len) : getsockname(fd, sa, &len)) == 0 &&
        getnameinfo(sa, len, host, sizeof(host), serv, sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host;
        port = std::atoi(serv);
    }
}

// Idle connections each hold a descriptor: use the hard limit.
void raiseFileLimit()
{
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
}

} // namespace

ConnectionLimits ConnectionLimits::resolved() const
{
    ConnectionLimits r = *this;
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    if (r.workers == 0)
        r.workers = std::max<std::size_t>(8, 2 * cores);
    if (r.maxQueued == 0)
        r.maxQueued = 64 * r.workers;
    if (r.maxConnections == 0) {
        rlimit lim{};
        const std::size_t files = getrlimit(RLIMIT_NOFILE, &lim) == 0 ? lim.rlim_cur : 1024;
        r.maxConnections = std::min<std::size_t>(4096, files > 256 ? files - 128 : 128);
    }
    return r;
}

std::size_t completeRequestBytes(std::string_view data, std::size_t maxBody, bool* bodyUnread)
{
    const std::size_t end = data.find("\r\n\r\n");
    if (end == std::string_view::npos)
        return 0;
    const std::size_t headerBytes = end + 4;
    const std::optional<std::size_t> length = contentLength(data.substr(0, headerBytes));
    if (bodyUnread)
        *bodyUnread = length && *length > maxBody;
    if (!length || *length > maxBody)
        return headerBytes;
    return data.size() - headerBytes >= *length ? headerBytes + *length : 0;
}

ConnectionReactor::ConnectionReactor(ConnectionLimits limits, Serve serve)
    : limits_(limits.resolved()), serve_(std::move(serve))
{
    raiseFileLimit();
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
    poller_ = std::thread([this] { pollLoop(); });
    for (std::size_t i = 0; i < limits_.workers; ++i)
        workers_.emplace_back([this] { workerLoop(); });
}

ConnectionReactor::~ConnectionReactor()
{
    shutdown();
    ::close(epoll_);
    ::close(wake_);
}

void ConnectionReactor::adopt(int fd)
{
    {
        std::lock_guard lock(mu_);
        if (stopping_ || connections_.size() >= limits_.maxConnections) {
            ++refusedAtCap_;
            sendNow(fd, overloadedAnswer());
            ::close(fd);
            return;
        }
    }
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    describe(fd, true, c->remoteIp, c->remotePort);
    describe(fd, false, c->localIp, c->localPort);
    c->lastActivity = SteadyClock::now();
    c->parked = true;
    Connection* raw = c.get();
    std::lock_guard lock(mu_);
    connections_.emplace(raw, std::move(c));
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = raw;
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) != 0) {
        ::close(fd);
        connections_.erase(raw);
    }
}

void ConnectionReactor::pollLoop()
{
    std::vector<epoll_event> events(256);
    auto lastSweep = SteadyClock::now();
    while (!stopping_) {
        const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
        for (int i = 0; i < n; ++i)
            if (events[static_cast<std::size_t>(i)].data.ptr)
                onReadable(static_cast<Connection*>(events[static_cast<std::size_t>(i)].data.ptr));
        const auto now = SteadyClock::now();
        if (now - lastSweep >= std::chrono::milliseconds(100)) {
            sweep(now);
            lastSweep = now;
        }
    }
}

// Poller thread; `c` is parked, so nothing else touches it.
void ConnectionReactor::onReadable(Connection* c)
{
    const bool wasEmpty = c->in.empty();
    const std::size_t cap = limits_.maxHeaderBytes + limits_.maxBodyBytes;
    char buf[16384];
    bool eof = false;
    while (c->in.size() <= cap) {
        const ssize_t got = ::recv(c->fd, buf, sizeof(buf), MSG_DONTWAIT);
        if (got > 0) {
            c->in.append(buf, static_cast<std::size_t>(got));
            if (static_cast<std::size_t>(got) < sizeof(buf))
                break;
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            eof = got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
            break;
        }
    }
    const auto now = SteadyClock::now();
    c->lastActivity = now;
    if (wasEmpty && !c->in.empty())
        c->requestStart = now;
    bool bodyUnread = false;
    if (completeRequestBytes(c->in, limits_.maxBodyBytes, &bodyUnread) > 0) {
        c->closeAfter = bodyUnread || eof; // a half-closed client still reads its answer
        return dispatch(c);
    }
    if (eof)
        return release(c);
    if (!c->continued && expectsContinue(c->in)) { // the body follows only after this
        c->continued = true;
        sendNow(c->fd, "HTTP/1.1 100 Continue\r\n\r\n");
    }
    if (c->in.size() > limits_.maxHeaderBytes && c->in.find("\r\n\r\n") == std::string::npos) {
        sendNow(c->fd, headersTooLargeAnswer());
        return release(c);
    }
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = c;
    if (epoll_ctl(epoll_, EPOLL_CTL_MOD, c->fd, &ev) != 0)
        release(c);
}

void ConnectionReactor::dispatch(Connection* c)
{
    {
        std::lock_guard lock(mu_);
        if (queue_.size() < limits_.maxQueued) {
            c->parked = false;
            queue_.push_back(c);
            ready_.notify_one();
            return;
        }
    }
    ++overloaded_;
    sendNow(c->fd, overloadedAnswer());
    release(c);
}

void ConnectionReactor::workerLoop()
{
    for (;;) {
        Connection* c = nullptr;
        {
            std::unique_lock lock(mu_);
            ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty())
                return;
            c = queue_.front();
            queue_.pop_front();
        }
        serve(c);
    }
}

// Worker thread: answers the buffered request and any whole one pipelined behind it, then parks the connection.
void ConnectionReactor::serve(Connection* c)
{
    for (;;) {
        ConnStream stream(*c, c->requestStart + limits_.requestTimeout, limits_.writeTimeout);
        const bool last = c->closeAfter || ++c->served >= limits_.maxRequestsPerConnection || stopping_;
        bool close = false;
        const bool ok = serve_(stream, last, close);
        if (!stream.flush() || !ok || close || last)
            return release(c);
        c->in.erase(0, c->consumed);
        c->consumed = 0;
        c->continued = false;
        if (c->in.capacity() > 64 * 1024)
            c->in.shrink_to_fit();
        c->requestStart = c->lastActivity = SteadyClock::now();
        bool bodyUnread = false;
        if (c->in.empty() || completeRequestBytes(c->in, limits_.maxBodyBytes, &bodyUnread) == 0)
            return park(c);
        c->closeAfter = bodyUnread;
    }
}

void ConnectionReactor::park(Connection* c)
{
    std::lock_guard lock(mu_);
    c->parked = true;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = c;
    if (stopping_ || epoll_ctl(epoll_, EPOLL_CTL_MOD, c->fd, &ev) != 0) {
        ::close(c->fd);
        connections_.erase(c);
    }
}

void ConnectionReactor::release(Connection* c)
{
    std::lock_guard lock(mu_);
    ::close(c->fd);
    connections_.erase(c);
}

// Poller thread: a parked connection holding part of a request past the request timeout gets 408; one idle past
// the keep-alive timeout is closed.
void ConnectionReactor::sweep(std::chrono::steady_clock::time_point now)
{
    std::lock_guard lock(mu_);
    for (auto it = connections_.begin(); it != connections_.end();) {
        Connection* c = it->first;
        const bool partial = !c->in.empty();
        const bool late = partial ? now - c->requestStart > limits_.requestTimeout
                                  : now - c->lastActivity > limits_.idleTimeout;
        if (!c->parked || !late) {
            ++it;
            continue;
        }
        if (partial) {
            ++requestTimeouts_;
            sendNow(c->fd, timeoutAnswer());
        } else {
            ++idleClosed_;
        }
        ::close(c->fd);
        it = connections_.erase(it);
    }
}

void ConnectionReactor::shutdown()
{
    if (stopping_.exchange(true))
        return;
    {
        std::lock_guard lock(mu_);
        for (auto& entry : connections_)
            ::shutdown(entry.first->fd, SHUT_RDWR); // a worker blocked on this socket returns at once
        ready_.notify_all();
    }
    const std::uint64_t one = 1;
    if (::write(wake_, &one, sizeof(one)) < 0) {
    }
    if (poller_.joinable())
        poller_.join();
    for (std::thread& t : workers_)
        if (t.joinable())
            t.join();
    std::lock_guard lock(mu_);
    for (auto& entry : connections_)
        ::close(entry.first->fd);
    connections_.clear();
    queue_.clear();
}

ConnectionStats ConnectionReactor::stats() const
{
    std::lock_guard lock(mu_);
    return ConnectionStats{connections_.size(), refusedAtCap_, overloaded_, requestTimeouts_, idleClosed_};
}

} // namespace gbc

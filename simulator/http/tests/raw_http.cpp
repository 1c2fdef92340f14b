// RawConn: blocking-free socket I/O with poll() deadlines and a minimal HTTP/1.1 response reader.
#include "raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <utility>

namespace gbc::simtest {

namespace {

using SteadyClock = std::chrono::steady_clock;

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
}

// Value of header `name` (lower case) in a response head, "" when absent.
std::string headerValue(const std::string& head, const std::string& name)
{
    const std::string h = lower(head);
    const std::size_t at = h.find("\r\n" + name + ":");
    if (at == std::string::npos)
        return "";
    std::size_t from = at + name.size() + 3;
    while (from < head.size() && head[from] == ' ')
        ++from;
    return head.substr(from, head.find("\r\n", from) - from);
}

} // namespace

RawConn::~RawConn()
{
    close();
}

RawConn::RawConn(RawConn&& other) noexcept : fd_(std::exchange(other.fd_, -1)), buf_(std::move(other.buf_)) {}

RawConn& RawConn::operator=(RawConn&& other) noexcept
{
    if (this != &other) {
        close();
        fd_ = std::exchange(other.fd_, -1);
        buf_ = std::move(other.buf_);
    }
    return *this;
}

void RawConn::close()
{
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
    buf_.clear();
}

bool RawConn::connect(int port)
{
    close();
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int yes = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
        close();
        return false;
    }
    return true;
}

bool RawConn::send(const std::string& bytes)
{
    std::size_t sent = 0;
    while (fd_ >= 0 && sent < bytes.size()) {
        const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return fd_ >= 0;
}

bool RawConn::fill(SteadyClock::time_point until)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - SteadyClock::now()).count();
    pollfd p{fd_, POLLIN, 0};
    if (fd_ < 0 || left < 0 || ::poll(&p, 1, static_cast<int>(left) + 1) <= 0)
        return false;
    char chunk[65536];
    const ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n <= 0)
        return false;
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
}

bool RawConn::read(RawResponse& out, int timeoutMs)
{
    const auto until = SteadyClock::now() + std::chrono::milliseconds(timeoutMs);
    out = RawResponse{};
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos)
        if (!fill(until))
            return false;
    out.head = buf_.substr(0, end + 2);
    buf_.erase(0, end + 4);
    out.status = out.head.size() > 12 ? std::atoi(out.head.c_str() + 9) : 0;
    if (lower(headerValue(out.head, "transfer-encoding")) == "chunked") {
        for (;;) {
            std::size_t eol;
            while ((eol = buf_.find("\r\n")) == std::string::npos)
                if (!fill(until))
                    return false;
            const std::size_t size = std::strtoul(buf_.c_str(), nullptr, 16);
            while (buf_.size() < eol + 2 + size + 2)
                if (!fill(until))
                    return false;
            out.body += buf_.substr(eol + 2, size);
            buf_.erase(0, eol + 2 + size + 2);
            if (size == 0)
                return true; // no trailers from gbc-sim
        }
    }
    const std::size_t length = std::strtoul(headerValue(out.head, "content-length").c_str(), nullptr, 10);
    while (buf_.size() < length)
        if (!fill(until))
            return false;
    out.body = buf_.substr(0, length);
    buf_.erase(0, length);
    return true;
}

RawResponse RawConn::exchange(const std::string& request, int timeoutMs)
{
    RawResponse r;
    if (!send(request) || !read(r, timeoutMs))
        r.status = 0;
    return r;
}

bool RawConn::waitClosed(int timeoutMs, std::string* seen)
{
    const auto until = SteadyClock::now() + std::chrono::milliseconds(timeoutMs);
    while (SteadyClock::now() < until) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - SteadyClock::now()).count();
        pollfd p{fd_, POLLIN, 0};
        if (fd_ < 0 || ::poll(&p, 1, static_cast<int>(left) + 1) <= 0)
            return fd_ < 0;
        char chunk[4096];
        const ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
        if (n <= 0)
            return true;
        if (seen)
            seen->append(chunk, static_cast<std::size_t>(n));
    }
    return false;
}

std::string getRequest(const std::string& target, const std::string& extraHeaders)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

std::string postFormRequest(const std::string& target, const std::string& body, const std::string& extraHeaders)
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
           extraHeaders + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

} // namespace gbc::simtest

// ConnStream: buffered reads under a deadline, gathered writes (one sendmsg for headers + body).
#include "conn_stream.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace gbc {

namespace {

// A first write this large (never a header block) is sent at once rather than held.
constexpr std::size_t kGatherBytes = 256 * 1024;

} // namespace

ConnStream::ConnStream(Connection& conn, std::chrono::steady_clock::time_point deadline,
                       std::chrono::milliseconds writeTimeout)
    : conn_(conn), deadline_(deadline), writeTimeout_(writeTimeout)
{
}

bool ConnStream::waitFor(short events, std::chrono::steady_clock::time_point until) const
{
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (left.count() < 0)
            return false;
        pollfd p{conn_.fd, events, 0};
        const int rc = ::poll(&p, 1, static_cast<int>(left.count()) + 1);
        if (rc > 0)
            return true;
        if (rc == 0 || errno != EINTR)
            return false;
    }
}

bool ConnStream::is_readable() const
{
    return conn_.consumed < conn_.in.size() || waitFor(POLLIN, deadline_);
}

// The request's body was not (wholly) buffered by the reactor: read more, never past the request deadline.
bool ConnStream::fill()
{
    conn_.in.clear();
    conn_.consumed = 0;
    char buf[16384];
    while (!failed_) {
        const ssize_t got = ::recv(conn_.fd, buf, sizeof(buf), MSG_DONTWAIT);
        if (got > 0) {
            conn_.in.append(buf, static_cast<std::size_t>(got));
            return true;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) || !waitFor(POLLIN, deadline_))
            failed_ = true;
    }
    return false;
}

ssize_t ConnStream::read(char* ptr, size_t size)
{
    if (conn_.consumed >= conn_.in.size() && !fill())
        return -1;
    const std::size_t n = std::min(size, conn_.in.size() - conn_.consumed);
    std::memcpy(ptr, conn_.in.data() + conn_.consumed, n);
    conn_.consumed += n;
    return static_cast<ssize_t>(n);
}

ssize_t ConnStream::write(const char* ptr, size_t size)
{
    if (failed_)
        return -1;
    // httplib writes the status line and headers in one call, then the body (or each content-provider chunk): the
    // headers wait for the first body bytes, which then leave at once (a provider may stall between its chunks).
    if (!headersHeld_ && size < kGatherBytes) {
        headersHeld_ = true;
        out_.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    return sendAll(std::string_view(ptr, size)) ? static_cast<ssize_t>(size) : -1;
}

// Sends out_ then `more` with as few sendmsg calls as the socket allows, waiting (write timeout) when it is full.
bool ConnStream::sendAll(std::string_view more)
{
    std::size_t a = 0, b = 0;
    while (!failed_ && (a < out_.size() || b < more.size())) {
        iovec iov[2] = {{out_.data() + a, out_.size() - a}, {const_cast<char*>(more.data()) + b, more.size() - b}};
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = 2;
        const ssize_t n = ::sendmsg(conn_.fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            const std::size_t sent = static_cast<std::size_t>(n);
            const std::size_t fromOut = std::min(sent, out_.size() - a);
            a += fromOut;
            b += sent - fromOut;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
                   waitFor(POLLOUT, std::chrono::steady_clock::now() + writeTimeout_)) {
            continue;
        } else {
            failed_ = true;
        }
    }
    out_.clear();
    return !failed_;
}

void ConnStream::get_remote_ip_and_port(std::string& ip, int& port) const
{
    ip = conn_.remoteIp;
    port = conn_.remotePort;
}

void ConnStream::get_local_ip_and_port(std::string& ip, int& port) const
{
    ip = conn_.localIp;
    port = conn_.localPort;
}

} // namespace gbc

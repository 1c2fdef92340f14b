// cpp-httplib servers tuned for load: a listen backlog of SOMAXCONN, and (plain HTTP) connections served by a
// ConnectionReactor instead of httplib's worker-per-connection pool.
#pragma once

#include <httplib.h>
#include <sys/socket.h>

#include "connection_reactor.h"

namespace gbc {

// httplib 0.11 listens with a compiled-in backlog of 5; listen() again on the bound socket raises it.
template <class Base>
class Backlogged : public Base {
public:
    using Base::Base;
    void raiseBacklog() { ::listen(this->svr_sock_.load(), SOMAXCONN); }
};

// HTTPS keeps httplib's own TLS connection loop (a thread per connection, per-read timeouts).
using TlsServer = Backlogged<httplib::SSLServer>;

// Plain HTTP: httplib parses requests and routes; the reactor owns sockets, deadlines, caps and the worker pool.
// The library writes headers and body in two write() calls (compiled into libcpp-httplib.so, not patchable); the
// reactor's stream gathers them into one send().
class ReactorServer final : public Backlogged<httplib::Server> {
public:
    explicit ReactorServer(const ConnectionLimits& limits);
    ~ReactorServer() override;
    ConnectionStats stats() const { return reactor_.stats(); }
    const ConnectionLimits& limits() const { return reactor_.limits(); }

private:
    bool process_and_close_socket(socket_t sock) override;
    ConnectionReactor reactor_;
};

} // namespace gbc

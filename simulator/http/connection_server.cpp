// ReactorServer: httplib's accept loop hands each socket to the reactor; workers call httplib's request processing.
#include "connection_server.h"

#include <algorithm>

#include "conn_stream.h"

namespace gbc {

namespace {

// httplib's accept loop calls enqueue(fn) per accepted socket; fn only hands the socket to the reactor
// (process_and_close_socket below), so running it on the accepting thread never blocks accepting.
class AdoptInline final : public httplib::TaskQueue {
public:
    explicit AdoptInline(ConnectionReactor& reactor) : reactor_(reactor) {}
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override { reactor_.shutdown(); } // the listener stopped: close every connection

private:
    ConnectionReactor& reactor_;
};

} // namespace

ReactorServer::ReactorServer(const ConnectionLimits& limits)
    : reactor_(limits, [this](ConnStream& stream, bool last, bool& close) {
          return process_request(stream, last, close, nullptr);
      })
{
    const ConnectionLimits& l = reactor_.limits();
    set_keep_alive_max_count(l.maxRequestsPerConnection);
    set_keep_alive_timeout(std::max<time_t>(1, static_cast<time_t>(l.idleTimeout.count() / 1000)));
    new_task_queue = [this] { return new AdoptInline(reactor_); };
}

ReactorServer::~ReactorServer()
{
    reactor_.shutdown();
}

bool ReactorServer::process_and_close_socket(socket_t sock)
{
    reactor_.adopt(sock);
    return true;
}

} // namespace gbc

// The runner's redirect endpoint: a loopback HTTP server that records each OAuth callback it receives.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "result.h"
#include "url.h"

namespace httplib {
class Server;
}

namespace gbc {

class CallbackListener {
public:
    // Binds 127.0.0.1:port (0 = any free port) and serves until destroyed.
    static Result<std::unique_ptr<CallbackListener>> start(int port);
    ~CallbackListener();
    CallbackListener(const CallbackListener&) = delete;
    CallbackListener& operator=(const CallbackListener&) = delete;

    int port() const { return port_; }
    std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // The query parameters of the latest callback received since the last take(), if any.
    std::optional<Params> take();

private:
    CallbackListener() = default;

    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_;
    std::optional<Params> latest_;
};

} // namespace gbc

// Loopback callback server (cpp-httplib): answers every GET with a short page and keeps the received query.
#include "callback_listener.h"

#include <chrono>

#include <httplib.h>

namespace gbc {

Result<std::unique_ptr<CallbackListener>> CallbackListener::start(int port)
{
    std::unique_ptr<CallbackListener> l(new CallbackListener());
    l->server_ = std::make_unique<httplib::Server>();
    l->server_->set_tcp_nodelay(true);
    l->server_->set_keep_alive_max_count(1); // one request per connection: stop() never waits on idle keep-alives
    CallbackListener* self = l.get();
    l->server_->Get(".*", [self](const httplib::Request& req, httplib::Response& res) {
        Params params;
        for (const auto& [k, v] : req.params)
            params.emplace_back(k, v);
        {
            std::lock_guard<std::mutex> lock(self->mutex_);
            self->latest_ = params;
        }
        res.set_content("<!DOCTYPE html><title>gbc-conformance</title><p>Authorization received. You can close this window.",
            "text/html; charset=utf-8");
    });
    if (port == 0) {
        l->port_ = l->server_->bind_to_any_port("127.0.0.1");
        if (l->port_ <= 0)
            return Error{"callback.bind", "127.0.0.1:0", "cannot bind a loopback port for the OAuth redirect"};
    } else {
        if (!l->server_->bind_to_port("127.0.0.1", port))
            return Error{"callback.bind", "127.0.0.1:" + std::to_string(port),
                "cannot bind the redirect port (in use?)"};
        l->port_ = port;
    }
    l->thread_ = std::thread([self] { self->server_->listen_after_bind(); });
    for (int i = 0; i < 2500 && !l->server_->is_running(); ++i) // up to 5 s on a loaded machine
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (!l->server_->is_running())
        return Error{"callback.start", l->origin(), "the redirect listener did not start"};
    return l;
}

CallbackListener::~CallbackListener()
{
    if (server_)
        server_->stop();
    if (thread_.joinable())
        thread_.join();
}

std::optional<Params> CallbackListener::take()
{
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<Params> out = std::move(latest_);
    latest_.reset();
    return out;
}

} // namespace gbc

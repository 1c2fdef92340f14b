// httplib::Stream over one dispatched connection: reads the bytes the reactor buffered, then the socket until the
// request's deadline; the header block is held and sent with the body's first bytes (one sendmsg).
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <string_view>

#include "connection_reactor.h"

namespace gbc {

class ConnStream final : public httplib::Stream {
public:
    ConnStream(Connection& conn, std::chrono::steady_clock::time_point deadline, std::chrono::milliseconds writeTimeout);

    bool is_readable() const override;
    bool is_writable() const override { return !failed_; }
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return conn_.fd; }

    // Sends what write() collected; false when the peer is gone or took nothing for the write timeout.
    bool flush() { return sendAll({}); }

private:
    bool sendAll(std::string_view more);
    bool fill();
    bool waitFor(short events, std::chrono::steady_clock::time_point until) const;

    Connection& conn_;
    std::chrono::steady_clock::time_point deadline_;
    std::chrono::milliseconds writeTimeout_;
    std::string out_;
    bool headersHeld_ = false;
    bool failed_ = false;
};

} // namespace gbc

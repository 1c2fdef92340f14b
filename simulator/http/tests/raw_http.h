// Test helper: HTTP/1.1 over a raw, poll()-driven socket (no select(), so thousands of them can be open at once).
#pragma once

#include <chrono>
#include <string>

namespace gbc::simtest {

struct RawResponse {
    int status = 0; // 0: nothing (closed, reset or timed out)
    std::string head, body;
};

class RawConn {
public:
    RawConn() = default;
    ~RawConn();
    RawConn(RawConn&& other) noexcept;
    RawConn& operator=(RawConn&& other) noexcept;
    RawConn(const RawConn&) = delete;
    RawConn& operator=(const RawConn&) = delete;

    bool connect(int port);
    bool send(const std::string& bytes);
    // One whole response (Content-Length or chunked body); false on close, error or timeout.
    bool read(RawResponse& out, int timeoutMs);
    // send() + read().
    RawResponse exchange(const std::string& request, int timeoutMs = 5000);
    // Waits until the server closes the connection (EOF or reset); bytes received meanwhile go to `seen`.
    bool waitClosed(int timeoutMs, std::string* seen = nullptr);
    void close();
    bool open() const { return fd_ >= 0; }

private:
    bool fill(std::chrono::steady_clock::time_point until);
    int fd_ = -1;
    std::string buf_;
};

// "GET target HTTP/1.1" with Host and optional extra header lines ("Name: value\r\n" each).
std::string getRequest(const std::string& target, const std::string& extraHeaders = "");
std::string postFormRequest(const std::string& target, const std::string& body, const std::string& extraHeaders = "");

} // namespace gbc::simtest

// Test helper: one raw HTTP/1.1 exchange over a loopback socket, to see what a fault leaves on the wire.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace gbc::simtest {

struct RawExchange {
    std::string head, body;  // split at the first blank line
    bool closed = false;     // the server closed the connection (EOF) before `timeoutMs`
    long long firstBodyMs = -1; // when the first body byte arrived, from the send
    long long totalMs = 0;
    long long contentLength = -1;
};

// Sends `request` to 127.0.0.1:port and reads until EOF or `timeoutMs`.
inline RawExchange rawExchange(int port, const std::string& request, int timeoutMs)
{
    RawExchange out;
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count(); };
    std::string all;
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
        send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buf[4096];
        pollfd p{fd, POLLIN, 0};
        while (elapsed() < timeoutMs && poll(&p, 1, static_cast<int>(timeoutMs - elapsed())) > 0) {
            const ssize_t n = recv(fd, buf, sizeof(buf), 0);
            if (n <= 0) {
                out.closed = true;
                break;
            }
            all.append(buf, static_cast<std::size_t>(n));
            if (out.firstBodyMs < 0 && all.find("\r\n\r\n") != std::string::npos && all.size() > all.find("\r\n\r\n") + 4)
                out.firstBodyMs = elapsed();
        }
    }
    close(fd);
    out.totalMs = elapsed();
    const std::size_t split = all.find("\r\n\r\n");
    out.head = all.substr(0, split);
    out.body = split == std::string::npos ? "" : all.substr(split + 4);
    const std::size_t cl = out.head.find("Content-Length: ");
    if (cl != std::string::npos)
        out.contentLength = std::stoll(out.head.substr(cl + 16));
    return out;
}

} // namespace gbc::simtest

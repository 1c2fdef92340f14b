// Benchmark reference: a bare cpp-httplib server (library defaults plus TCP_NODELAY) answering POST /token with a
// fixed JSON token, to compare gbc-sim's token endpoint against the stack's own limit. Usage: bare-token-server [PORT]
#include <httplib.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    httplib::Server server;
    server.set_tcp_nodelay(true);
    const std::string token =
        R"({"token_type":"Bearer","access_token":"7a55a1aea43781538e4688be924f8d719281f30e2b66180c3f105c21fe9c3957",)"
        R"("expires_in":3600,"scope":"FB=1_3_14_32"})";
    server.Post("/token", [&token](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(token, "application/json");
    });
    const int port = argc > 1 ? std::atoi(argv[1]) : 0;
    const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) {
        std::cerr << "bare-token-server: cannot bind\n";
        return 1;
    }
    std::cout << "bare-token-server listening on http://127.0.0.1:" << bound << std::endl;
    server.listen_after_bind();
    return 0;
}

// The simulator's HTTP(S) server: owns the store and context, mounts every module's routes, runs on a thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "catalogue.h"
#include "clock.h"
#include "http_types.h"
#include "result.h"
#include "sim_context.h"
#include "sim_store.h"

namespace httplib {
class Server;
}

namespace gbc {

// The clock gbc-sim uses when --clock is not given (deterministic data and expiry).
inline constexpr const char* kDefaultClockSpec = "fixed:2025-06-15T12:00:00Z";

struct SimServerOptions {
    std::shared_ptr<const Catalogue> catalogue; // required
    std::shared_ptr<Clock> clock;               // null: FixedClock at kDefaultClockSpec
    std::uint64_t seed = 1;
    std::set<std::string> defects;              // names from allDefects()
    Variations variations;                      // from allVariations()
    bool tls = false;
    std::string certPem, keyPem;                // with tls: empty = generate a self-signed certificate
    std::size_t maxBodyBytes = 1024 * 1024;     // larger bodies answer 413
    std::function<void(const std::string&)> log; // one line per request (secrets redacted); empty = silent
    std::vector<Route> extraRoutes;             // mounted after the modules' routes (tests, experiments)
};

// Usage in tests: SimServer s(opts); ASSERT_TRUE(s.start("127.0.0.1", 0).ok()); s.baseUrl(); ... s.stop();
class SimServer {
public:
    explicit SimServer(SimServerOptions options);
    ~SimServer();
    SimServer(const SimServer&) = delete;
    SimServer& operator=(const SimServer&) = delete;

    // Binds host:port (0 = any free port) and serves on a background thread; returns once accepting.
    Status start(const std::string& host, int port);
    // Stops accepting, finishes the thread. Idempotent; the destructor calls it.
    void stop();

    int port() const { return port_; }
    std::string baseUrl() const; // "http://127.0.0.1:PORT" or https
    const std::string& certificatePem() const { return options_.certPem; }
    SimContext& context() { return *context_; }
    SimStore& store() { return *store_; }
    Clock& clock() { return *options_.clock; }

private:
    Status buildServer();
    void mountRoutes();

    SimServerOptions options_;
    std::unique_ptr<SimStore> store_;
    std::unique_ptr<SimContext> context_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    std::string host_;
    int port_ = 0;
};

} // namespace gbc

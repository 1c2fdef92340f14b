// Starts gbc-sim as a child process on a free loopback port and stops it again (SIGTERM, then SIGKILL).
#pragma once

#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

#include "result.h"

namespace gbc {

class SimProcess {
public:
    // Runs `binary --listen 127.0.0.1:0 args...`, waits (at most `timeoutMs`) for the first stdout line
    // "gbc-sim listening on URL". The simulator's stderr goes to `logFile` ("" = discarded).
    static Result<std::unique_ptr<SimProcess>> start(const std::string& binary, const std::vector<std::string>& args,
        int timeoutMs = 10000, const std::string& logFile = "");
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    const std::string& url() const { return url_; }
    pid_t pid() const { return pid_; }

private:
    SimProcess() = default;
    pid_t pid_ = -1;
    int stdout_ = -1;
    std::string url_;
};

// Where gbc-sim is: $GBC_SIM, then beside this executable, then the build tree (../simulator/http/gbc-sim);
// an error naming every place tried when none exists.
Result<std::string> findSimBinary(const std::string& explicitPath);

} // namespace gbc

// Test helper: run the real gbc-sim binary ($GBC_SIM) as a child process and talk to it.
#pragma once

#include <csignal>
#include <memory>
#include <string>
#include <vector>

namespace gbc::simtest {

struct RunResult {
    int exitCode = -1; // -1: killed by a signal or timed out
    std::string out, err;
};

// Runs gbc-sim with `args` to completion (10 s limit) and collects its output.
RunResult runSim(const std::vector<std::string>& args);

// A serving gbc-sim: start() waits for the first stdout line and parses the URL from it.
class SimProcess {
public:
    static std::unique_ptr<SimProcess> start(const std::vector<std::string>& args, std::string& error);
    ~SimProcess();

    const std::string& firstLine() const { return firstLine_; }
    const std::string& url() const { return url_; } // "http://127.0.0.1:PORT"
    int port() const { return port_; }
    int pid() const { return pid_; }
    // Sends `sig`, waits up to 10 s; the exit code, or -1 when it died by a signal or hung (then SIGKILL).
    int stop(int sig = SIGTERM);
    // The next stdout line after the first (e.g. "gbc-sim certificate: PATH"); "" after `timeoutMs`.
    std::string nextLine(int timeoutMs = 5000);
    // Everything written to stderr so far (request log).
    std::string stderrText() const;
    // stderrText() once it contains `needle` (the request log line is written after the answer is sent, so a test
    // that has its answer may read the log before the line); after `timeoutMs` whatever is there.
    std::string stderrTextWith(const std::string& needle, int timeoutMs = 5000) const;

private:
    SimProcess() = default;
    int pid_ = -1;
    int stdoutFd_ = -1; // read end of the child's stdout, kept open for nextLine()
    std::string firstLine_, url_, errPath_;
    int port_ = 0;
};

// Path of the gbc-sim binary under test.
std::string simBinary();

} // namespace gbc::simtest

// fork/exec of gbc-sim with stdout on a pipe (first line) and stderr in a temporary file.
#include "sim_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

namespace gbc::simtest {

namespace {

std::string tempFile()
{
    char name[] = "/tmp/gbc-sim-test-XXXXXX";
    const int fd = mkstemp(name);
    if (fd >= 0)
        close(fd);
    return name;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Starts the binary with stdout → outFd (pipe or file) and stderr → errPath. Everything the child needs is
// prepared before fork, so the child only calls async-signal-safe functions.
int spawn(const std::vector<std::string>& args, int outFd, const std::string& errPath)
{
    const std::string bin = simBinary();
    std::vector<char*> argv{const_cast<char*>(bin.c_str())};
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int errFd = open(errPath.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(outFd, STDOUT_FILENO);
        dup2(errFd, STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(errFd);
    return pid;
}

// Waits up to 10 s; exit code, or -1 for a signal death or a timeout (after which the child is killed).
int waitFor(int pid)
{
    int status = 0;
    for (int i = 0; i < 1000; ++i) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

std::string readLine(int fd, int timeoutMs)
{
    std::string line;
    char c = 0;
    pollfd p{fd, POLLIN, 0};
    while (poll(&p, 1, timeoutMs) > 0 && read(fd, &c, 1) == 1 && c != '\n')
        line += c;
    return line;
}

} // namespace

std::string simBinary()
{
    const char* path = std::getenv("GBC_SIM");
    return path ? path : "gbc-sim";
}

RunResult runSim(const std::vector<std::string>& args)
{
    const std::string outPath = tempFile(), errPath = tempFile();
    const int outFd = open(outPath.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    const int pid = spawn(args, outFd, errPath);
    close(outFd);
    RunResult r;
    r.exitCode = waitFor(pid);
    r.out = slurp(outPath);
    r.err = slurp(errPath);
    unlink(outPath.c_str());
    unlink(errPath.c_str());
    return r;
}

std::unique_ptr<SimProcess> SimProcess::start(const std::vector<std::string>& args, std::string& error)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return error = "pipe failed", nullptr;
    std::unique_ptr<SimProcess> p(new SimProcess);
    p->errPath_ = tempFile();
    p->pid_ = spawn(args, fds[1], p->errPath_);
    close(fds[1]);
    p->firstLine_ = readLine(fds[0], 10000);
    p->stdoutFd_ = fds[0];
    std::smatch m;
    static const std::regex re(R"(^gbc-sim listening on (https?://[0-9.]+:(\d+))$)");
    if (!std::regex_match(p->firstLine_, m, re)) {
        error = "unexpected first line '" + p->firstLine_ + "'; stderr: " + p->stderrText();
        return nullptr;
    }
    p->url_ = m[1];
    p->port_ = std::stoi(m[2]);
    return p;
}

std::string SimProcess::nextLine(int timeoutMs)
{
    return stdoutFd_ < 0 ? std::string() : readLine(stdoutFd_, timeoutMs);
}

int SimProcess::stop(int sig)
{
    if (pid_ <= 0)
        return -1;
    kill(pid_, sig);
    const int code = waitFor(pid_);
    pid_ = -1;
    return code;
}

std::string SimProcess::stderrText() const
{
    return slurp(errPath_);
}

std::string SimProcess::stderrTextWith(const std::string& needle, int timeoutMs) const
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    std::string text = stderrText();
    while (text.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        text = stderrText();
    }
    return text;
}

SimProcess::~SimProcess()
{
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    unlink(errPath_.c_str());
    if (stdoutFd_ >= 0)
        close(stdoutFd_);
}

} // namespace gbc::simtest

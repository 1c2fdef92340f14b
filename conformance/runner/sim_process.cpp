// gbc-sim child process: fork/exec with a stdout pipe, bounded wait for the banner line, clean shutdown.
#include "sim_process.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gbc {

namespace {

// Reads the first line from `fd` within `timeoutMs`; "" on timeout or EOF.
std::string readFirstLine(int fd, int timeoutMs)
{
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (line.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return {};
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0)
            return {};
        char buf[256];
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            return {};
        line.append(buf, static_cast<std::size_t>(n));
    }
    return line.substr(0, line.find('\n'));
}

[[noreturn]] void execChild(int pipeWrite, const std::string& binary, const std::vector<std::string>& args,
    const std::string& logFile)
{
    dup2(pipeWrite, STDOUT_FILENO);
    const int err = open(logFile.empty() ? "/dev/null" : logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err >= 0)
        dup2(err, STDERR_FILENO);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
}

} // namespace

Result<std::unique_ptr<SimProcess>> SimProcess::start(const std::string& binary, const std::vector<std::string>& args,
    int timeoutMs, const std::string& logFile)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return Error{"sim.start", binary, "cannot create a pipe"};
    std::vector<std::string> full = {"--listen", "127.0.0.1:0"};
    full.insert(full.end(), args.begin(), args.end());
    const pid_t pid = fork();
    if (pid < 0)
        return Error{"sim.start", binary, "cannot fork"};
    if (pid == 0)
        execChild(fds[1], binary, full, logFile);
    close(fds[1]);
    std::unique_ptr<SimProcess> p(new SimProcess());
    p->pid_ = pid;
    p->stdout_ = fds[0];
    const std::string line = readFirstLine(fds[0], timeoutMs);
    const std::string prefix = "gbc-sim listening on ";
    if (line.rfind(prefix, 0) != 0) {
        std::string command = binary;
        for (const std::string& a : full)
            command += " " + a;
        return Error{"sim.start", command,
            line.empty() ? "the simulator printed no 'gbc-sim listening on' line within " + std::to_string(timeoutMs) +
                    " ms (bad --sim-arg? see its stderr" + (logFile.empty() ? ")" : " in " + logFile + ")")
                         : "unexpected first line: " + line};
    }
    p->url_ = line.substr(prefix.size());
    while (!p->url_.empty() && (p->url_.back() == '\r' || p->url_.back() == ' '))
        p->url_.pop_back();
    return p;
}

SimProcess::~SimProcess()
{
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 300; ++i) { // up to 3 s for a clean shutdown
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                break;
            }
            usleep(10000);
        }
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
        }
    }
    if (stdout_ >= 0)
        close(stdout_);
}

Result<std::string> findSimBinary(const std::string& explicitPath)
{
    namespace fs = std::filesystem;
    std::vector<std::string> tried;
    auto usable = [&](const fs::path& p) {
        tried.push_back(p.string());
        std::error_code ec;
        return fs::is_regular_file(p, ec) && access(p.c_str(), X_OK) == 0;
    };
    if (!explicitPath.empty())
        return usable(explicitPath) ? Result<std::string>(explicitPath)
                                    : Result<std::string>(Error{"sim.binary", explicitPath, "not an executable file"});
    if (const char* env = std::getenv("GBC_SIM"); env && *env && usable(env))
        return std::string(env);
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    const fs::path dir = self.parent_path();
    for (const fs::path& p : {dir / "gbc-sim", dir / ".." / "simulator" / "http" / "gbc-sim",
             dir / ".." / ".." / "simulator" / "http" / "gbc-sim", dir / ".." / "simulator" / "gbc-sim"})
        if (!ec && usable(p))
            return fs::weakly_canonical(p).string();
    std::string list;
    for (const std::string& t : tried)
        list += (list.empty() ? "" : ", ") + t;
    return Error{"sim.binary", "gbc-sim", "not found (tried $GBC_SIM, " + list + "); pass --sim-binary PATH"};
}

} // namespace gbc

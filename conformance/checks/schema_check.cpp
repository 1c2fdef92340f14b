// Runs xmllint with posix_spawnp (no shell, so no quoting issues) and parses its "file:line: message" output.
#include "schema_check.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace gbc {

Result<std::string> resolveSchemaFile(const std::string& given)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const fs::path& p : {fs::path(given) / "v4.0" / "all.xsd", fs::path(given) / "all.xsd"})
        if (fs::is_regular_file(p, ec))
            return p.string();
    if (fs::is_regular_file(given, ec) && fs::path(given).extension() == ".xsd")
        return given;
    return Error{"usage.schema", given, "no schema here: expected DIR/v4.0/all.xsd, DIR/all.xsd or an .xsd file"};
}

namespace {

// Reads everything from `fd` until EOF.
std::string drain(int fd)
{
    std::string out;
    char buf[8192];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0)
            out.append(buf, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    return out;
}

// Spawns argv with stdout and stderr on one pipe; returns the exit status (-1 and `error` set when it failed).
int spawnAndCollect(std::vector<std::string> args, std::string& output, std::string& error)
{
    int fds[2];
    if (pipe(fds) != 0) {
        error = std::string("pipe: ") + std::strerror(errno);
        return -1;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        error = args[0] + ": " + std::strerror(rc);
        return -1;
    }
    output = drain(fds[0]);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// "file:12: element x: Schemas validity error : ..." → {12, "element x: ..."}; other lines keep line 0.
std::vector<SchemaMessage> parseOutput(const std::string& output, const std::string& file)
{
    std::vector<SchemaMessage> out;
    std::size_t pos = 0;
    while (pos < output.size()) {
        std::size_t end = output.find('\n', pos);
        std::string line = output.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        pos = end == std::string::npos ? output.size() : end + 1;
        if (line.empty() || line == file + " validates" || line == file + " fails to validate")
            continue;
        SchemaMessage m{0, line};
        if (line.compare(0, file.size() + 1, file + ":") == 0) {
            std::size_t colon = line.find(':', file.size() + 1);
            std::string number = line.substr(file.size() + 1, colon - file.size() - 1);
            if (colon != std::string::npos && !number.empty() &&
                number.find_first_not_of("0123456789") == std::string::npos) {
                m.line = std::stoul(number);
                m.text = line.substr(colon + 1);
                if (!m.text.empty() && m.text[0] == ' ')
                    m.text.erase(0, 1);
            }
        }
        out.push_back(m);
    }
    return out;
}

} // namespace

SchemaRun runXmllint(const std::string& xmllint, const std::string& xsd, const std::string& file)
{
    SchemaRun run;
    std::string output;
    int status = spawnAndCollect({xmllint, "--noout", "--nonet", "--schema", xsd, file}, output, run.harnessError);
    if (status < 0)
        return run;
    run.messages = parseOutput(output, file);
    // xmllint: 0 valid, 3 invalid, 1 (parse error) also judges the document; anything else is a harness fault.
    if (status == 0 || status == 3 || status == 1)
        run.valid = status == 0;
    else
        run.harnessError = "xmllint exited with status " + std::to_string(status) + (output.empty() ? "" : ": " + output.substr(0, 300));
    return run;
}

} // namespace gbc

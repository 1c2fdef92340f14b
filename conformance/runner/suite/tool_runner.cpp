// Subprocess helper for the runner's end-to-end tests: posix_spawn with stdout/stderr captured to files.
#include "tool_runner.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/wait.h>

extern char** environ;

namespace gbc::suite {

namespace {

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

std::string conformanceExe() { return env("GBC_CONFORMANCE_EXE"); }
std::string simExe() { return env("GBC_SIM_EXE"); }
std::string fixturesDir() { return env("GBC_FIXTURES_DIR"); }

std::string freshDir(const std::string& name)
{
    const std::string dir = ::testing::TempDir() + "/gbc-runner-" + name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

ToolRun runTool(const std::string& exe, const std::vector<std::string>& args)
{
    static int counter = 0;
    const std::string base = ::testing::TempDir() + "/gbc-tool-" + std::to_string(getpid()) + "-" + std::to_string(++counter);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, (base + ".out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (base + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv = {const_cast<char*>(exe.c_str())};
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ToolRun r;
    pid_t pid = 0;
    if (posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    return r;
}

nlohmann::json readJson(const std::string& path)
{
    nlohmann::json j = nlohmann::json::parse(slurp(path), nullptr, false);
    return j.is_discarded() ? nlohmann::json() : j;
}

std::string verdictOf(const nlohmann::json& report, const std::string& check, const std::string& variant)
{
    if (!report.contains("results"))
        return "";
    for (const auto& r : report["results"])
        if (r.value("check", "") == check && r.value("variant", "") == variant)
            return r.value("verdict", "");
    return "";
}

} // namespace gbc::suite

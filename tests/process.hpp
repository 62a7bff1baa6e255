#pragma once
// Runs the real `lebenswert` binary for CLI and crash tests: capture exit code and output, or kill
// the process (SIGKILL) at a chosen moment.

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace lw::test {

struct RunResult {
    int exit_code = -1;  // -1 if killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

namespace detail {

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                   const std::filesystem::path& out, const std::filesystem::path& err) {
    std::vector<char*> argv;
    for (const auto& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    std::vector<std::string> env_strings(extra_env);
    for (char** e = environ; *e != nullptr; ++e) {
        env_strings.emplace_back(*e);
    }
    std::vector<char*> envp;
    for (auto& e : env_strings) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

inline RunResult wait_for(pid_t pid, const std::filesystem::path& out, const std::filesystem::path& err) {
    int status = 0;
    waitpid(pid, &status, 0);
    RunResult r;
    if (WIFEXITED(status)) {
        r.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        r.signal = WTERMSIG(status);
    }
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

inline std::filesystem::path capture_file(const char* stream) {
    return std::filesystem::temp_directory_path() /
           ("lw-proc-" + std::to_string(::getpid()) + "-" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) + "." + stream);
}

} // namespace detail

inline RunResult run(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
    const auto out = detail::capture_file("out");
    const auto err = detail::capture_file("err");
    const pid_t pid = detail::spawn(args, env, out, err);
    if (pid < 0) {
        return {};
    }
    auto r = detail::wait_for(pid, out, err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

// Starts the command, sends SIGKILL after `delay` (if it is still running) and reports how it ended.
inline RunResult run_and_kill_after(const std::vector<std::string>& args, std::chrono::microseconds delay) {
    const auto out = detail::capture_file("out");
    const auto err = detail::capture_file("err");
    const pid_t pid = detail::spawn(args, {}, out, err);
    if (pid < 0) {
        return {};
    }
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    auto r = detail::wait_for(pid, out, err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

} // namespace lw::test

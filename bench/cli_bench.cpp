// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_bench.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

extern char** environ;

namespace comb::bench {
namespace {

double ms_of(const timeval& tv) { return static_cast<double>(tv.tv_sec) * 1000 + static_cast<double>(tv.tv_usec) / 1000; }

}  // namespace

std::string comb_binary() { return COMB_BINARY; }

ProcessTime run_comb(const std::vector<std::string>& args) {
    std::vector<std::string> all{comb_binary()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error("cannot start " + all[0]);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    ProcessTime t;
    t.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    t.cpu_ms = ms_of(usage.ru_utime) + ms_of(usage.ru_stime);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string line;
        for (const auto& a : all) line += a + " ";
        throw std::runtime_error("failed: " + line);
    }
    return t;
}

ProcessTime median(std::vector<ProcessTime> times) {
    if (times.empty()) return {};
    auto mid = [&](auto member) {
        std::vector<double> v;
        for (const auto& t : times) v.push_back(t.*member);
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    return {mid(&ProcessTime::wall_ms), mid(&ProcessTime::cpu_ms)};
}

}  // namespace comb::bench

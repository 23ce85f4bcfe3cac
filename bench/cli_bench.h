// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command line as a user runs it: `comb` started as a fresh process per call (its path
// is COMB_BINARY, set by bench/CMakeLists.txt), timed from spawn to exit (wall) and by
// wait4() (CPU of the child), for the per-command rows of comb_bench beside the same call on
// a ten-document project.
#include <filesystem>
#include <string>
#include <vector>

namespace comb::bench {

struct ProcessTime {
    double wall_ms = 0;
    double cpu_ms = 0;
};

// Runs `comb ARGS...` with stdout and stderr to /dev/null. Throws std::runtime_error when it
// cannot start or exits non-zero.
ProcessTime run_comb(const std::vector<std::string>& args);

// The median of the calls' wall and CPU times (each taken separately).
ProcessTime median(std::vector<ProcessTime> times);

// Calls `make_args(i)` for i in [0, runs) and returns the median.
template <class F>
ProcessTime median_of(int runs, F make_args) {
    std::vector<ProcessTime> t;
    for (int i = 0; i < runs; ++i) t.push_back(run_comb(make_args(i)));
    return median(std::move(t));
}

std::string comb_binary();

}  // namespace comb::bench

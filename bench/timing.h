// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Timing for the benches that time steps in one process (agreement, matrix).
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace comb::bench {

// The median wall time of `runs` calls of `f`, in milliseconds.
inline double median_ms(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace comb::bench

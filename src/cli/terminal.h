// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Progress on a terminal: a one-line bar on stderr when it is a terminal, silence when piped.
#include <chrono>
#include <string>

#include "core/progress.h"

namespace comb::cli {

class TerminalProgress final : public core::Progress {
public:
    TerminalProgress();
    void start(const std::string& what, std::int64_t total) override;
    void advance(std::int64_t done) override;
    void finish() override;

private:
    bool enabled_;
    std::string what_;
    std::int64_t total_ = 0;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace comb::cli

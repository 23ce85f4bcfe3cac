// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal.h"

#include <unistd.h>

#include <cstdio>

namespace comb::cli {

TerminalProgress::TerminalProgress() : enabled_(isatty(STDERR_FILENO) != 0) {}

void TerminalProgress::start(const std::string& what, std::int64_t total) {
    what_ = what;
    total_ = total;
    advance(0);
}

void TerminalProgress::advance(std::int64_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done != 0 && done != total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const int width = 30;
    const int filled = total_ > 0 ? static_cast<int>(width * done / total_) : 0;
    std::fprintf(stderr, "\r%s [%.*s%*s] %lld/%lld", what_.c_str(), filled,
                 "##############################", width - filled, "", static_cast<long long>(done),
                 static_cast<long long>(total_));
    std::fflush(stderr);
}

void TerminalProgress::finish() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace comb::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Long work reports progress through this interface: a dialog in the GUI, a bar on a
// terminal in the CLI, a recorder in tests. Implementations must tolerate start/advance/finish
// from one worker thread at a time, and cancelled() from several threads at once (the index
// build's shard threads poll it per document), so it reads an atomic flag or a constant.
#include <cstdint>
#include <string>

namespace comb::core {

class Progress {
public:
    virtual ~Progress() = default;
    virtual void start(const std::string& what, std::int64_t total) = 0;
    virtual void advance(std::int64_t done) = 0;  // absolute count done so far
    virtual void finish() = 0;
    // Polled by long work between steps; true asks it to stop, leave nothing changed and
    // throw core::Cancelled.
    virtual bool cancelled() const { return false; }
};

// For callers that do not show progress.
class NullProgress final : public Progress {
public:
    void start(const std::string&, std::int64_t) override {}
    void advance(std::int64_t) override {}
    void finish() override {}
};

}  // namespace comb::core

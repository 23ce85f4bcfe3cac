// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hears other clients' commits on a shared project: its own connection, LISTEN comb_changes,
// and a wait for the next NOTIFY (whose payload is the newest history entry's seq, the change
// id). The GUI runs one on a listener thread that posts to the window, which then calls
// Project::catch_up; a bench times it. When the connection drops, wait() says so and the
// listener connects again on the next call.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace comb::store {

class PgConnection;

class PgListener {
public:
    // Connects and listens. Throws InputError when it cannot connect.
    explicit PgListener(const std::string& uri);
    ~PgListener();

    struct Heard {
        std::vector<std::int64_t> changes;  // change ids (history seq), oldest first
        bool lost = false;                  // the connection dropped (and will be made again)
    };
    // Waits up to `timeout` for notifications; returns at once when some are pending.
    Heard wait(std::chrono::milliseconds timeout);
    bool connected() const;

private:
    void connect();
    std::string uri_;
    std::unique_ptr<PgConnection> db_;
};

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hears other clients' commits on a shared project: its own connection, LISTEN comb_changes,
// and a wait for the next NOTIFY (whose payload is the newest history entry's seq, the change
// id). The GUI runs one on a listener thread (gui/change_listener.h) that posts to the window,
// which then calls Project::catch_up; a bench times it. When the connection drops, wait() says
// so and the listener connects again on the next call. A Wakeup signalled from another thread
// ends a wait (and a connection being made) at once.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace comb::store {

class PgConnection;
class Wakeup;

class PgListener {
public:
    // Connects and listens now (InputError when it cannot), or with `connect_now` false on the
    // first wait(). `wake` (outliving the listener) ends waits early.
    explicit PgListener(const std::string& uri, const Wakeup* wake = nullptr, bool connect_now = true);
    ~PgListener();

    struct Heard {
        std::vector<std::int64_t> changes;  // change ids (history seq), oldest first
        bool lost = false;                  // the connection dropped or could not be made (tried again next time)
        bool woken = false;                 // the Wakeup was signalled
        bool connected = false;             // this wait made the connection (anew): the caller should catch up
        std::string error;                  // why it was lost, when it was
    };
    // Waits up to `timeout` for notifications; returns at once when some are pending or the
    // Wakeup is signalled. While the server is away it waits `timeout` before trying again.
    Heard wait(std::chrono::milliseconds timeout);
    bool connected() const;

private:
    void connect();
    bool pause(std::chrono::milliseconds timeout);  // true when woken
    std::string uri_;
    const Wakeup* wake_;
    std::unique_ptr<PgConnection> db_;
};

}  // namespace comb::store

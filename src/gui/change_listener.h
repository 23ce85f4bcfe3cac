// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ChangeListener: the listener thread of a window on a shared project (docs/concurrency.md).
// The thread has its own connection to the server (store::PgListener: LISTEN comb_changes),
// waits on its socket and a wake-up pipe, and hands what it hears to `post` on the listener
// thread; the window's `post` queues it to the main thread (wxEvtHandler::CallAfter), where
// LiveUpdates runs the same catch-up as its timer. It connects on the thread, so a server
// that is slow to answer never blocks the window; it connects again by itself after a loss.
// The destructor wakes the thread and joins it at once (closing the project never waits for
// the server). No wx here.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "store_pg/wakeup.h"

namespace comb::gui {

class ChangeListener {
public:
    struct Event {
        enum class Kind {
            connected,  // listening (first time or again): catch up now, the timer may rest
            heard,      // NOTIFYs arrived: `changes` holds their change ids
            lost,       // the connection dropped or cannot be made: fall back to polling
        } kind;
        std::vector<std::int64_t> changes;
        std::string error;
    };
    static constexpr std::chrono::milliseconds kRetry{1000};  // between connection attempts

    ChangeListener(std::string uri, std::function<void(Event)> post);
    ~ChangeListener();
    ChangeListener(const ChangeListener&) = delete;
    ChangeListener& operator=(const ChangeListener&) = delete;

private:
    void run();
    void listen();

    std::string uri_;
    std::function<void(Event)> post_;
    store::Wakeup wake_;
    std::atomic<bool> stop_{false};
    std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace comb::gui

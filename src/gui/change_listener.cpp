// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/change_listener.h"

#include "store_pg/pg_listener.h"

namespace comb::gui {

ChangeListener::ChangeListener(std::string uri, std::function<void(Event)> post)
    : uri_(std::move(uri)), post_(std::move(post)), thread_([this] { run(); }) {}

ChangeListener::~ChangeListener() {
    stop_ = true;
    wake_.signal();
    thread_.join();
}

void ChangeListener::run() {
    try {
        listen();
    } catch (const std::exception& e) {
        // Out of memory or a pipe gone: the window falls back to its timer.
        post_({Event::Kind::lost, {}, e.what()});
    }
}

void ChangeListener::listen() {
    store::PgListener listener(uri_, &wake_, false);
    bool lost = false;
    while (!stop_) {
        // Waits until a NOTIFY, a loss or the wake-up; the timeout only bounds a retry's pause.
        auto heard = listener.wait(kRetry);
        if (stop_) break;
        if (heard.lost) {
            if (!lost) post_({Event::Kind::lost, {}, heard.error});
            lost = true;
        } else if (heard.connected) {
            lost = false;
            post_({Event::Kind::connected, {}, {}});
        } else if (!heard.changes.empty()) {
            post_({Event::Kind::heard, std::move(heard.changes), {}});
        }
    }
}

}  // namespace comb::gui

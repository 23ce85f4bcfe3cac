// SPDX-License-Identifier: GPL-3.0-or-later
#include "pg_listener.h"

#include <poll.h>

#include "core/error.h"
#include "pg_connection.h"
#include "wakeup.h"

namespace comb::store {

PgListener::PgListener(const std::string& uri, const Wakeup* wake, bool connect_now) : uri_(uri), wake_(wake) {
    if (connect_now) connect();
}
PgListener::~PgListener() = default;

void PgListener::connect() {
    db_.reset();
    auto db = std::make_unique<PgConnection>(uri_, wake_);
    db->exec_script("LISTEN comb_changes");
    db_ = std::move(db);
}

bool PgListener::connected() const { return db_ && db_->alive(); }

bool PgListener::pause(std::chrono::milliseconds timeout) {
    if (!wake_) {
        ::poll(nullptr, 0, static_cast<int>(timeout.count()));
        return false;
    }
    pollfd fd{wake_->fd(), POLLIN, 0};
    return ::poll(&fd, 1, static_cast<int>(timeout.count())) > 0;
}

PgListener::Heard PgListener::wait(std::chrono::milliseconds timeout) {
    Heard heard;
    try {
        if (!connected()) {
            connect();
            heard.connected = true;
        }
        auto take = [&] {
            for (const auto& payload : db_->notifications()) {
                try { heard.changes.push_back(std::stoll(payload)); } catch (const std::exception&) {}
            }
        };
        take();
        if (!heard.changes.empty() || heard.connected) return heard;
        pollfd fds[2] = {{db_->socket(), POLLIN, 0}, {wake_ ? wake_->fd() : -1, POLLIN, 0}};
        if (::poll(fds, wake_ ? 2 : 1, static_cast<int>(timeout.count())) > 0) {
            if (fds[1].revents & POLLIN) heard.woken = true;
            if (fds[0].revents) take();
        }
        if (!db_->alive()) {
            heard.lost = true;
            heard.error = "the connection to the server was lost";
        }
    } catch (const core::Cancelled&) {
        heard.woken = true;
        db_.reset();
    } catch (const core::Error& e) {
        heard.lost = true;  // lost, or could not connect again: the caller shows it and asks later
        heard.error = e.what();
        heard.connected = false;
        db_.reset();
        heard.woken = pause(timeout);  // not a busy loop while the server is away
    }
    return heard;
}

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pg_listener.h"

#include <poll.h>

#include <thread>

#include "core/error.h"
#include "pg_connection.h"

namespace comb::store {

PgListener::PgListener(const std::string& uri) : uri_(uri) { connect(); }
PgListener::~PgListener() = default;

void PgListener::connect() {
    db_.reset();
    auto db = std::make_unique<PgConnection>(uri_);
    db->exec_script("LISTEN comb_changes");
    db_ = std::move(db);
}

bool PgListener::connected() const { return db_ && db_->alive(); }

PgListener::Heard PgListener::wait(std::chrono::milliseconds timeout) {
    Heard heard;
    try {
        if (!connected()) connect();
        auto take = [&] {
            for (const auto& payload : db_->notifications()) {
                try { heard.changes.push_back(std::stoll(payload)); } catch (const std::exception&) {}
            }
        };
        take();
        if (!heard.changes.empty()) return heard;
        pollfd fd{db_->socket(), POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(timeout.count())) > 0) take();
        if (!db_->alive()) heard.lost = true;
    } catch (const core::Error&) {
        heard.lost = true;  // lost, or could not connect again: the caller shows it and asks later
        db_.reset();
        std::this_thread::sleep_for(timeout);  // not a busy loop while the server is away
    }
    return heard;
}

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
// Presence on the server: who has a shared project open (docs/concurrency.md, "Presence").
// One row per announcing connection in comb_presence, kept fresh by a heartbeat; rows not
// refreshed for kStaleAfterS are ignored (the client died, or lost the server) and removed.
// Times are the server's (now()), so clients' clocks do not matter.
#include <unistd.h>

#include <random>

#include "pg_project.h"

namespace comb::store {

namespace {

bool has_presence_table(PgConnection& db) {
    return db.exec("SELECT to_regclass('comb_presence') IS NOT NULL").text(0, 0) == "t";
}

// Made once per project by the first opener allowed to (the owner who made it, usually);
// everyone may read and write it: a reader too is "in" the project. No role trigger on it.
void ensure_presence_table(PgConnection& db) {
    if (has_presence_table(db)) return;
    db.exec_script(
        "CREATE TABLE IF NOT EXISTS comb_presence(token TEXT PRIMARY KEY, coder TEXT NOT NULL, program TEXT NOT NULL, "
        "host TEXT NOT NULL, pid BIGINT NOT NULL, since TIMESTAMPTZ NOT NULL DEFAULT now(), "
        "last_seen TIMESTAMPTZ NOT NULL DEFAULT now()); "
        "GRANT SELECT, INSERT, UPDATE, DELETE ON comb_presence TO PUBLIC");
}

std::string host_name() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "?";
    return buf;
}

std::string new_token() {
    std::random_device rd;
    return std::to_string(rd()) + "-" + std::to_string(rd()) + "-" + std::to_string(::getpid());
}

}  // namespace

void PgProject::announce(const std::string& coder, const std::string& program) {
    try {
        ensure_presence_table(*db_);
    } catch (const PgError&) {
        // No right to make it (a coder or reader opening an older project): announced nowhere
        // until its owner opens it; presence() then lists nobody.
        if (!has_presence_table(*db_)) return;
    }
    if (presence_token_.empty()) presence_token_ = new_token();
    db_->exec("INSERT INTO comb_presence(token, coder, program, host, pid) VALUES(?, ?, ?, ?, ?) "
              "ON CONFLICT(token) DO UPDATE SET coder = excluded.coder, program = excluded.program, last_seen = now()",
              {presence_token_, coder, program, host_name(), static_cast<std::int64_t>(::getpid())});
    db_->exec("DELETE FROM comb_presence WHERE last_seen < now() - make_interval(secs => ?)", {kStaleAfterS * 10});
    last_heartbeat_ = std::chrono::steady_clock::now();
}

void PgProject::heartbeat() {
    if (presence_token_.empty()) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_heartbeat_ < std::chrono::seconds(kHeartbeatS)) return;
    // Removed meanwhile (stale after a long loss of the server): recorded again.
    const auto r = db_->exec("UPDATE comb_presence SET last_seen = now() WHERE token = ? RETURNING coder, program",
                             {presence_token_});
    last_heartbeat_ = now;
    if (r.rows() == 0) presence_token_.clear();
}

std::vector<Presence> PgProject::presence() const {
    std::vector<Presence> out;
    if (!has_presence_table(*db_)) return out;
    auto r = db_->exec(
        "SELECT token, coder, program, host, pid, to_char(since AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
        "FROM comb_presence WHERE last_seen >= now() - make_interval(secs => ?) ORDER BY since, token",
        {kStaleAfterS});
    for (int i = 0; i < r.rows(); ++i) {
        Presence p;
        p.coder = r.text(i, 1);
        p.program = r.text(i, 2);
        p.host = r.text(i, 3);
        p.pid = r.int64(i, 4);
        p.since = r.text(i, 5);
        p.self = r.text(i, 0) == presence_token_;
        out.push_back(std::move(p));
    }
    return out;
}

void PgProject::withdraw() noexcept {
    if (presence_token_.empty() || in_transaction_ || !db_ || !db_->alive()) return;
    try {
        db_->exec("DELETE FROM comb_presence WHERE token = ?", {presence_token_});
    } catch (const std::exception&) {
        // Gone with the server: the row goes stale and is ignored.
    }
}

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include <sqlite3.h>

#include <utility>

#include "core/error.h"

namespace comb::store {

Connection::Connection(const std::string& path, bool create) {
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw core::StoreError("open " + path, msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    // A second process (the GUI and a script) may hold the write lock briefly.
    sqlite3_busy_timeout(db_, 5000);
}

void Connection::keep_wal_on_close(bool keep) {
    int now = 0;
    if (sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, keep ? 1 : 0, &now) != SQLITE_OK) fail("no checkpoint on close");
}

void Connection::disable_auto_checkpoint() {
    if (sqlite3_wal_autocheckpoint(db_, 0) != SQLITE_OK) fail("wal_autocheckpoint");
}

void Connection::close() {
    if (!db_) return;
    if (sqlite3_close(db_) != SQLITE_OK) fail("close");
    db_ = nullptr;
}

Connection::Connection(Connection&& o) noexcept : db_(std::exchange(o.db_, nullptr)) {}

Connection::~Connection() {
    if (db_) sqlite3_close_v2(db_);
}

void Connection::exec(std::string_view sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw core::StoreError(std::string(sql.substr(0, 60)), msg);
    }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void Connection::fail(std::string_view operation) const {
    throw core::StoreError(std::string(operation), sqlite3_errmsg(db_));
}

Statement::Statement(const Connection& db, std::string_view sql) : db_(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
        db.fail("prepare " + std::string(sql.substr(0, 60)));
    }
}

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(std::exchange(o.stmt_, nullptr)) {}

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int i, std::int64_t v) {
    if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) db_->fail("bind");
    return *this;
}
Statement& Statement::bind(int i, double v) {
    if (sqlite3_bind_double(stmt_, i, v) != SQLITE_OK) db_->fail("bind");
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    if (sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) db_->fail("bind");
    return *this;
}
Statement& Statement::bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
Statement& Statement::bind(int i, const char* v) { return bind(i, std::string_view(v)); }
Statement& Statement::bind(int i, std::nullopt_t) {
    if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) db_->fail("bind");
    return *this;
}
Statement& Statement::bind(int i, const std::optional<std::int64_t>& v) {
    return v ? bind(i, *v) : bind(i, std::nullopt);
}
Statement& Statement::bind(int i, const std::optional<std::string>& v) {
    return v ? bind(i, std::string_view(*v)) : bind(i, std::nullopt);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->fail(std::string("step ") + (sqlite3_sql(stmt_) ? std::string(sqlite3_sql(stmt_)).substr(0, 60) : ""));
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}
std::string_view Statement::text_view(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}
bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

}  // namespace comb::store

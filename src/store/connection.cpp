// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include <sqlite3.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "core/error.h"
#include "store/damage.h"

namespace comb::store {
namespace {

// The test hook for a full disk where no small file system can be mounted
// (tests/cli/test_storage_cli.cpp): with COMB_TEST_FULL_DISK=1 in the environment when the
// process opens its first project, every write SQLite makes fails with ENOSPC.
ssize_t full_write(int, const void*, size_t) {
    errno = ENOSPC;
    return -1;
}
ssize_t full_pwrite(int, const void*, size_t, off_t) {
    errno = ENOSPC;
    return -1;
}

void install_test_hooks() {
    static const bool installed = [] {
        const char* v = std::getenv("COMB_TEST_FULL_DISK");
        if (!v || std::string(v) != "1") return false;
        sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
        vfs->xSetSystemCall(vfs, "write", reinterpret_cast<sqlite3_syscall_ptr>(&full_write));
        vfs->xSetSystemCall(vfs, "pwrite", reinterpret_cast<sqlite3_syscall_ptr>(&full_pwrite));
        vfs->xSetSystemCall(vfs, "pwrite64", reinterpret_cast<sqlite3_syscall_ptr>(&full_pwrite));
        return true;
    }();
    (void)installed;
}

// Opens with `flags`; the SQLite handle is closed again on failure.
sqlite3* open_handle(const std::string& name, int flags, const std::string& path) {
    install_test_hooks();
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        const int err = db ? sqlite3_system_errno(db) : 0;
        sqlite3_close(db);
        if ((rc & 0xff) == SQLITE_FULL || err == ENOSPC) throw core::InputError({path}, "disk full (cannot create the file)");
        if ((rc & 0xff) == SQLITE_CANTOPEN && err != 0) throw core::InputError({path}, "cannot open: " + std::string(std::strerror(err)));
        throw core::StoreError("open " + path, msg);
    }
    sqlite3_extended_result_codes(db, 1);
    // A second process (the GUI and a script) may hold the write lock briefly.
    sqlite3_busy_timeout(db, 5000);
    return db;
}

// A file name as an SQLite URI ("file:" + percent-encoded path).
std::string uri_of(const std::string& path) {
    std::string out = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7f) {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

Connection::Connection(const std::string& path, bool create)
    : db_(open_handle(path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), path)) {}

Connection Connection::read_only(const std::string& path, bool immutable) {
    Connection c;
    c.db_ = immutable ? open_handle(uri_of(path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path)
                      : open_handle(path, SQLITE_OPEN_READONLY, path);
    return c;
}

void throw_sqlite_error(sqlite3* db, int rc, std::string_view operation) {
    const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
    const std::string path = name && *name ? name : "project";
    const std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int err = db ? sqlite3_system_errno(db) : 0;
    switch (rc & 0xff) {
    case SQLITE_FULL:
        throw core::InputError({path}, "disk full: nothing could be written (" + msg + ")");
    case SQLITE_READONLY:
        throw core::InputError({path}, "the project file cannot be written (" + msg + ")");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw DamagedError(path, msg);
    case SQLITE_IOERR:
        if (err == ENOSPC || err == EDQUOT) throw core::InputError({path}, "disk full: nothing could be written (" + std::string(std::strerror(err)) + ")");
        if (err == EROFS) throw core::InputError({path}, "the project file cannot be written (read-only file system)");
        break;
    default:
        break;
    }
    throw core::StoreError(std::string(operation), msg);
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
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        if (rc == SQLITE_ERROR) throw core::StoreError(std::string(sql.substr(0, 60)), msg);
        throw_sqlite_error(db_, rc, sql.substr(0, 60));
    }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void Connection::fail(std::string_view operation) const {
    throw_sqlite_error(db_, sqlite3_extended_errcode(db_), operation);
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
    throw_sqlite_error(db_->handle(), rc, std::string("step ") + (sqlite3_sql(stmt_) ? std::string(sqlite3_sql(stmt_)).substr(0, 60) : ""));
}

Statement& Statement::bind_all(const Cells& cells) {
    int i = 1;
    for (const auto& cell : cells) {
        std::visit([&](const auto& v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) bind(i, std::nullopt);
            else bind(i, v);
        }, cell);
        ++i;
    }
    return *this;
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

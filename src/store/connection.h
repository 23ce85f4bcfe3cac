// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RAII owners for SQLite handles. Connection owns sqlite3*, Statement owns sqlite3_stmt*.
// Every failure throws core::StoreError naming the operation and SQLite's message, except
// what the user can act on, which throws core::InputError naming the file: a full disk
// ("disk full"), a read-only file, a damaged file (store::DamagedError).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "row_columns.h"

struct sqlite3;
struct sqlite3_stmt;

namespace comb::store {

class Connection {
public:
    // Opens (or creates, when `create`) the file. Throws StoreError.
    Connection(const std::string& path, bool create);
    // Opens the file read-only. `immutable`: SQLite assumes nobody changes the file and reads
    // it without -shm or locks (a WAL project on a read-only medium with no -wal/-shm beside it).
    static Connection read_only(const std::string& path, bool immutable);
    Connection(Connection&& o) noexcept;
    Connection& operator=(Connection&&) = delete;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Lost-lock safety (docs/concurrency.md): closing never checkpoints or deletes the WAL,
    // and no commit checkpoints in passing. Checkpoints run only through ProjectLock::run_alone.
    void keep_wal_on_close(bool keep);
    void disable_auto_checkpoint();
    // Closes now (the destructor then does nothing). Throws StoreError if SQLite refuses.
    void close();

    void exec(std::string_view sql);  // one or more statements without results
    sqlite3* handle() const { return db_; }
    std::int64_t last_insert_id() const;
    [[noreturn]] void fail(std::string_view operation) const;

private:
    Connection() = default;
    sqlite3* db_ = nullptr;
};

// The error for a failed SQLite call: InputError for a full disk, a read-only or damaged file,
// StoreError otherwise.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view operation);

class Statement {
public:
    Statement(const Connection& db, std::string_view sql);
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding is 1-based like SQLite's; returns *this for chaining.
    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const std::string& v);
    Statement& bind(int i, const char* v);
    Statement& bind(int i, std::nullopt_t);
    Statement& bind(int i, const std::optional<std::int64_t>& v);
    Statement& bind(int i, const std::optional<std::string>& v);
    // Binds `cells` to ?1, ?2, ... in order (a row description's values, row_columns.h).
    Statement& bind_all(const Cells& cells);

    // Steps once; true while a row is available.
    bool step();
    void run();  // steps to completion, for statements without results
    void reset();

    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    // The column's text without a copy; valid until the next step() or reset().
    std::string_view text_view(int col) const;
    bool is_null(int col) const;

private:
    const Connection* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace comb::store

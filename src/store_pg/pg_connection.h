// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RAII owners for libpq handles. PgConnection owns PGconn*, PgResult owns PGresult*.
// Parameters go as text ($1, $2, ...; `?` in the SQL is numbered for you, as SQLite's
// placeholders are). Every failure throws core::StoreError naming the operation and the
// server's message; a lost connection says so ("the connection to the server was lost").
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

struct pg_conn;
struct pg_result;

namespace comb::store {

class Wakeup;

// One parameter as text, or SQL NULL.
struct PgParam {
    std::optional<std::string> text;
    PgParam(std::nullopt_t) {}
    PgParam(std::int64_t v) : text(std::to_string(v)) {}
    PgParam(int v) : text(std::to_string(v)) {}
    PgParam(double v);
    PgParam(std::string_view v) : text(std::string(v)) {}
    PgParam(const std::string& v) : text(v) {}
    PgParam(const char* v) : text(std::string(v)) {}
    PgParam(const std::optional<std::int64_t>& v) : text(v ? std::optional(std::to_string(*v)) : std::nullopt) {}
    PgParam(const std::optional<std::string>& v) : text(v) {}
};

class PgResult {
public:
    explicit PgResult(pg_result* r) : r_(r) {}
    PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    PgResult& operator=(PgResult&& o) noexcept;
    PgResult(const PgResult&) = delete;
    ~PgResult();

    int rows() const;
    bool is_null(int row, int col) const;
    std::string text(int row, int col) const;
    std::string_view text_view(int row, int col) const;
    std::int64_t int64(int row, int col) const;
    double real(int row, int col) const;
    pg_result* raw() const { return r_; }

private:
    pg_result* r_;
};

// Thrown (as a StoreError) when the server refused a statement; carries its SQLSTATE.
class PgError : public core::StoreError {
public:
    PgError(std::string sqlstate, const std::string& message)
        : core::StoreError("run a statement on the server", message), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

class PgConnection {
public:
    // Connects with a libpq URI (passwords from the URI, PGPASSWORD or ~/.pgpass; sslmode as
    // the URI says). Gives up after the URI's connect_timeout, 10 s when it names none. Throws
    // InputError naming the URI without its password, the host and the reason; core::Cancelled
    // as soon as `cancel` is signalled (from another thread) while it waits.
    explicit PgConnection(const std::string& uri, const Wakeup* cancel = nullptr);
    PgConnection(PgConnection&&) = delete;
    PgConnection(const PgConnection&) = delete;
    ~PgConnection();

    // Runs one statement. Throws PgError (the server refused it: constraint, serialization)
    // or StoreError (the connection failed).
    PgResult exec(std::string_view sql, std::initializer_list<PgParam> params = {});
    PgResult exec(std::string_view sql, const std::vector<PgParam>& params);
    // Runs statements without parameters or results (DDL).
    void exec_script(std::string_view sql);
    bool alive() const;
    // Outside a transaction, a connection found lost is reset once (a restarted server);
    // inside one it is not: the transaction is gone and the caller must hear so.
    void reconnect_if_lost();
    void set_in_transaction(bool in) { in_transaction_ = in; }
    // The socket, for waiting on notifications; -1 when closed.
    int socket() const;
    // Reads pending NOTIFY payloads of `channel` (after the socket became readable).
    std::vector<std::string> notifications();
    pg_conn* handle() const { return conn_; }
    const std::string& safe_uri() const { return safe_uri_; }

private:
    pg_conn* conn_ = nullptr;
    std::string safe_uri_;
    bool in_transaction_ = false;
};

// The URI with any password replaced by "***", for messages.
std::string redact_uri(std::string_view uri);
// True for postgresql:// and postgres:// locations.
bool is_server_uri(std::string_view location);

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>

#include "core/error.h"

namespace comb::store {

PgParam::PgParam(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    text = buf;
}

PgResult::~PgResult() { if (r_) PQclear(r_); }
PgResult& PgResult::operator=(PgResult&& o) noexcept {
    if (this != &o) {
        if (r_) PQclear(r_);
        r_ = o.r_;
        o.r_ = nullptr;
    }
    return *this;
}
int PgResult::rows() const { return PQntuples(r_); }
bool PgResult::is_null(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
std::string PgResult::text(int row, int col) const { return std::string(text_view(row, col)); }
std::string_view PgResult::text_view(int row, int col) const {
    return {PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col))};
}
std::int64_t PgResult::int64(int row, int col) const {
    const auto s = text_view(row, col);
    std::int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}
double PgResult::real(int row, int col) const { return std::stod(text(row, col)); }

std::string redact_uri(std::string_view uri) {
    std::string out(uri);
    const auto scheme = out.find("://");
    const auto at = out.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return out;
    const auto colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    return out;
}

bool is_server_uri(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

PgConnection::PgConnection(const std::string& uri) : safe_uri_(redact_uri(uri)) {
    conn_ = PQconnectdb(uri.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        PQfinish(conn_);
        conn_ = nullptr;
        throw core::InputError({safe_uri_}, "cannot connect to the server: " + msg);
    }
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // no NOTICE chatter on stderr
}

PgConnection::~PgConnection() { if (conn_) PQfinish(conn_); }

bool PgConnection::alive() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }
void PgConnection::reconnect_if_lost() {
    if (!conn_ || PQstatus(conn_) == CONNECTION_OK || in_transaction_) return;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
        throw core::StoreError("talk to the server at " + safe_uri_, "the connection to the server was lost and could not be made again");
    }
}

int PgConnection::socket() const { return conn_ ? PQsocket(conn_) : -1; }

namespace {

// SQLite-style `?` placeholders numbered $1, $2, ... (no `?` appears in our literals).
std::string number_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    for (char c : sql) {
        if (c == '?') out += "$" + std::to_string(++n);
        else out += c;
    }
    return out;
}

}  // namespace

PgResult PgConnection::exec(std::string_view sql, std::initializer_list<PgParam> params) {
    return exec(sql, std::vector<PgParam>(params));
}

PgResult PgConnection::exec(std::string_view sql, const std::vector<PgParam>& params) {
    if (!conn_) throw core::StoreError("talk to the server", "the connection is closed");
    reconnect_if_lost();
    const std::string text = number_placeholders(sql);
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p.text ? p.text->c_str() : nullptr);
    const auto run = [&] {
        return PgResult(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                     nullptr, nullptr, 0));
    };
    PgResult r = run();
    if (PQstatus(conn_) != CONNECTION_OK && !in_transaction_) {
        // Found lost outside a transaction (a restarted server, a cut connection): nothing was
        // half-done, so connect again and run it once more.
        PQreset(conn_);
        if (PQstatus(conn_) == CONNECTION_OK) r = run();
    }
    PGresult* raw = r.raw();
    const auto status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
    if (PQstatus(conn_) != CONNECTION_OK) {
        throw core::StoreError("talk to the server at " + safe_uri_, "the connection to the server was lost");
    }
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    if (state && std::string_view(state) == "42501") {  // insufficient_privilege: a role's limit
        const char* primary = PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY);
        throw core::InputError({safe_uri_}, primary ? primary : msg);
    }
    throw PgError(state ? state : "", msg);
}

void PgConnection::exec_script(std::string_view sql) {
    if (!conn_) throw core::StoreError("talk to the server", "the connection is closed");
    reconnect_if_lost();
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    if (PQstatus(conn_) != CONNECTION_OK && !in_transaction_) {  // as exec: once more on a new connection
        if (r) PQclear(r);
        PQreset(conn_);
        r = PQstatus(conn_) == CONNECTION_OK ? PQexec(conn_, std::string(sql).c_str()) : nullptr;
    }
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    std::string msg = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? "" : PQerrorMessage(conn_);
    if (r) PQclear(r);
    if (PQstatus(conn_) != CONNECTION_OK) {
        throw core::StoreError("talk to the server at " + safe_uri_, "the connection to the server was lost");
    }
    if (!msg.empty()) throw core::StoreError("run SQL on " + safe_uri_, msg);
}

std::vector<std::string> PgConnection::notifications() {
    std::vector<std::string> out;
    if (!conn_) return out;
    if (!PQconsumeInput(conn_)) {
        throw core::StoreError("listen to the server at " + safe_uri_, "the connection to the server was lost");
    }
    while (PGnotify* n = PQnotifies(conn_)) {
        out.emplace_back(n->extra ? n->extra : "");
        PQfreemem(n);
    }
    return out;
}

}  // namespace comb::store

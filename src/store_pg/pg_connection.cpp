// SPDX-License-Identifier: GPL-3.0-or-later
#include "pg_connection.h"

#include <libpq-fe.h>

#include <poll.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstdio>

#include "core/error.h"
#include "wakeup.h"

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

namespace {

constexpr int kDefaultConnectTimeoutS = 10;

// connect_timeout from the URI (seconds), else kDefaultConnectTimeoutS; a URI libpq cannot
// parse gets the default (connecting then says what is wrong with it).
int connect_timeout_of(const std::string& uri) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
    if (error) PQfreemem(error);
    int seconds = kDefaultConnectTimeoutS;
    for (auto* o = options; o && o->keyword; ++o) {
        if (std::string_view(o->keyword) == "connect_timeout" && o->val && *o->val) {
            seconds = std::max(1, std::atoi(o->val));  // libpq too treats 0 or less as "wait forever"; we wait 1 s
        }
    }
    if (options) PQconninfoFree(options);
    return seconds;
}

std::string trimmed(std::string msg) {
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return msg;
}

}  // namespace

PgConnection::PgConnection(const std::string& uri, const Wakeup* cancel) : safe_uri_(redact_uri(uri)) {
    // Made without blocking (PQconnectStart/PQconnectPoll, waiting in poll()), so a `cancel`
    // signalled from another thread stops it at once, and an unreachable host gives up after
    // connect_timeout (default 10 s) with its name in the message.
    const int timeout_s = connect_timeout_of(uri);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
    conn_ = PQconnectStart(uri.c_str());
    const auto fail = [&](const std::string& msg) {
        if (conn_) PQfinish(conn_);
        conn_ = nullptr;
        throw core::InputError({safe_uri_}, "cannot connect to the server: " + msg);
    };
    if (!conn_) fail("out of memory");
    auto state = PQstatus(conn_) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
        if (state == PGRES_POLLING_FAILED) fail(trimmed(PQerrorMessage(conn_)));
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            const char* host = PQhost(conn_);
            const char* port = PQport(conn_);
            fail(std::string("no answer from ") + (host && *host ? host : "the server") + (port && *port ? std::string(" port ") + port : "") +
                 " within " + std::to_string(timeout_s) + " s (connect_timeout; ?connect_timeout=N in the URI waits longer)");
        }
        pollfd fds[2] = {{PQsocket(conn_), static_cast<short>(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0},
                         {cancel ? cancel->fd() : -1, POLLIN, 0}};
        const int n = ::poll(fds, cancel ? 2 : 1, static_cast<int>(std::min<std::int64_t>(left.count(), 1000)));
        if (cancel && (fds[1].revents & POLLIN)) {
            PQfinish(conn_);
            conn_ = nullptr;
            throw core::Cancelled();
        }
        if (n > 0) state = PQconnectPoll(conn_);
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

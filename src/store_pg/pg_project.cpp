// SPDX-License-Identifier: GPL-3.0-or-later
#include "pg_project.h"

#include <set>

#include "core/error.h"
#include "core/sha256.h"
#include "pg_schema.h"
#include "store/row_codec.h"

namespace comb::store {
using namespace comb::core;

namespace {

// The advisory lock every write transaction takes: "Comb" in ASCII.
constexpr std::int64_t kWriteLock = 0x436F6D62;

}  // namespace

class PgTransaction final : public Transaction {
public:
    PgTransaction(PgProject& project, std::string_view operation) : p_(project) {
        if (p_.in_transaction_) throw StoreError(std::string(operation), "a transaction is already open");
        // The server refuses a reader's writes anyway (table rights, triggers); this says why
        // before anything is tried.
        if (p_.role_ == "reader") {
            throw InputError({p_.db_->safe_uri()}, p_.db_->exec("SELECT session_user").text(0, 0) +
                                                         " is a reader of this project and cannot change it");
        }
        p_.db_->reconnect_if_lost();
        try {
            // Writers one at a time per database, as BEGIN IMMEDIATE makes them on a file
            // (one round trip for both; tried again on a new connection if the old one was lost).
            p_.db_->exec_script("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")");
        } catch (...) {
            end();
            throw;
        }
        p_.in_transaction_ = true;
        p_.db_->set_in_transaction(true);
    }
    ~PgTransaction() override {
        if (!done_) end();
    }
    void commit() override {
        p_.db_->exec_script("COMMIT");
        done_ = true;
        p_.in_transaction_ = false;
        p_.db_->set_in_transaction(false);
    }

private:
    void end() {
        try {
            if (p_.db_->alive()) p_.db_->exec_script("ROLLBACK");
        } catch (const std::exception&) {
            // A lost connection rolls back on the server by itself.
        }
        p_.in_transaction_ = false;
        p_.db_->set_in_transaction(false);
    }

    PgProject& p_;
    bool done_ = false;
};

PgProject::PgProject(std::string uri, std::unique_ptr<PgConnection> db) : uri_(std::move(uri)), db_(std::move(db)) {}
PgProject::~PgProject() { withdraw(); }

std::unique_ptr<PgProject> PgProject::create(const std::string& uri) {
    auto db = std::make_unique<PgConnection>(uri);
    create_pg_schema(*db);
    return std::unique_ptr<PgProject>(new PgProject(uri, std::move(db)));
}

std::unique_ptr<PgProject> PgProject::open(const std::string& uri, const Wakeup* cancel) {
    auto db = std::make_unique<PgConnection>(uri, cancel);
    check_pg_schema(*db);
    std::unique_ptr<PgProject> p(new PgProject(uri, std::move(db)));
    p->role_ = p->my_role();
    return p;
}

std::vector<std::pair<std::string, std::string>> PgProject::roles() const {
    auto r = db_->exec("SELECT person, role FROM comb_roles ORDER BY person COLLATE \"C\"");
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0), r.text(i, 1));
    return out;
}

std::optional<std::string> PgProject::my_role() const {
    auto r = db_->exec("SELECT role FROM comb_roles WHERE person = session_user");
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

void PgProject::set_role(const std::string& person, const std::string& role) {
    if (role != "owner" && role != "coder" && role != "reader" && role != "none") {
        throw InputError::argument("no role \"" + role + "\" (owner, coder, reader or none)");
    }
    if (db_->exec("SELECT 1 FROM pg_roles WHERE rolname = ?", {person}).rows() == 0) {
        throw InputError::argument("no PostgreSQL login \"" + person + "\" on this server (CREATE ROLE " + person + " LOGIN first)");
    }
    auto tx = begin("set a role");
    if (role == "none") {
        db_->exec("DELETE FROM comb_roles WHERE person = ?", {person});
    } else {
        db_->exec("INSERT INTO comb_roles VALUES(?, ?) ON CONFLICT(person) DO UPDATE SET role = excluded.role", {person, role});
    }
    // The table rights follow the role; the triggers hold the finer rules. (Not for oneself:
    // the tables' owner keeps its rights.)
    if (db_->exec("SELECT ? = session_user::text", {person}).text(0, 0) == "t") { tx->commit(); return; }
    const auto quoted = db_->exec("SELECT quote_ident(?)", {person}).text(0, 0);
    db_->exec_script("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + quoted);
    if (role != "none") {
        db_->exec_script(std::string("GRANT ") + (role == "reader" ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE") +
                         " ON ALL TABLES IN SCHEMA public TO " + quoted);
    }
    tx->commit();
}

std::unique_ptr<Transaction> PgProject::begin(std::string_view operation) {
    return std::make_unique<PgTransaction>(*this, operation);
}

TextId PgProject::add_text(std::string_view text, std::string_view hash) {
    require_transaction("add a text");
    auto r = db_->exec("INSERT INTO texts(id, hash, content) VALUES((SELECT COALESCE(MAX(id), 0) + 1 FROM texts), ?, ?) RETURNING id",
                       {hash, text});
    return TextId(r.int64(0, 0));
}

std::optional<TextId> PgProject::find_text_by_hash(std::string_view hash) const {
    auto r = db_->exec("SELECT id FROM texts WHERE hash = ? ORDER BY id LIMIT 1", {hash});
    if (r.rows() == 0) return std::nullopt;
    return TextId(r.int64(0, 0));
}

std::int64_t PgProject::reserve_id(RowKind kind) {
    require_transaction("reserve id");
    if (kind == RowKind::attribute_value) throw StoreError("reserve id", "attribute values have no id");
    const std::string key = "next_id:" + std::string(to_string(kind));
    auto r = db_->exec(std::string("SELECT GREATEST(COALESCE((SELECT value::bigint FROM meta WHERE key = ?), 1), "
                                   "(SELECT COALESCE(MAX(id), 0) + 1 FROM ") + row_kind_info(kind).table + "))",
                       {key});
    const std::int64_t id = r.int64(0, 0);
    set_setting(key, std::to_string(id + 1));
    return id;
}

std::int64_t PgProject::append_history(const HistoryEntry& entry) {
    require_transaction("append history");
    auto r = db_->exec("INSERT INTO history(seq, label, time, changes, applied, who, kind, target) "
                       "VALUES((SELECT COALESCE(MAX(seq), 0) + 1 FROM history), ?, ?, ?, 1, ?, ?, ?) RETURNING seq",
                       {entry.label, entry.time, encode_changes(entry.changes), entry.who, std::string(to_string(entry.kind)),
                        entry.target});
    const std::int64_t seq = r.int64(0, 0);
    std::set<std::string> keys;
    for (const auto& c : entry.changes.changes) keys.insert(row_key(c.after ? *c.after : *c.before));
    if (!keys.empty()) {
        std::string sql = "INSERT INTO history_rows(seq, row_key) VALUES";
        std::vector<PgParam> params;
        for (const auto& k : keys) {
            sql += std::string(params.empty() ? "" : ",") + "(?,?)";
            params.insert(params.end(), {seq, k});
        }
        db_->exec(sql, params);
    }
    return seq;
}

void PgProject::rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>& fn,
                              const std::optional<std::set<TextId>>& only) {
    require_transaction("rewrite texts");
    std::vector<std::pair<std::int64_t, std::string>> changed;
    scan_texts([&](TextId id, std::string_view, std::string_view text) {
        if (only && !only->count(id)) return;
        if (auto content = fn(text)) changed.emplace_back(id.value, std::move(*content));
    });
    for (const auto& [id, content] : changed) {
        db_->exec("UPDATE texts SET content = ?, hash = ? WHERE id = ?", {content, sha256_hex(content), id});
    }
}

void PgProject::rewrite_history(const std::function<void(HistoryEntry&)>& fn) {
    require_transaction("rewrite history");
    // Labels and row images only: who, when, kind and the rows touched (history_rows) stay.
    for (auto& e : history(std::nullopt, true)) {
        fn(e);
        db_->exec("UPDATE history SET label = ?, changes = ? WHERE seq = ?", {e.label, encode_changes(e.changes), e.seq});
    }
}

void PgProject::compact_securely() {
    if (in_transaction_) throw StoreError("compact", "a transaction is open");
    db_->exec_script("VACUUM FULL texts, history, history_rows, documents, turns, cases, attribute_values, codes, codings, memos, themes");
}

void PgProject::bump_change_counter() {
    require_transaction("count a change");
    // NOTIFY is sent when the transaction commits, never for one rolled back. Its payload is
    // the change id: the newest history entry's seq.
    db_->exec("WITH bumped AS (UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'change_counter' RETURNING value) "
              "SELECT pg_notify('comb_changes', (SELECT COALESCE(MAX(seq), 0) FROM history)::text) FROM bumped");
}

void PgProject::set_setting(std::string_view key, std::string_view value) {
    db_->exec("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", {key, value});
}

void PgProject::scan_texts(const std::function<void(TextId, std::string_view, std::string_view)>& visit) const {
    // In slices by id: a project's texts can be larger than one result should hold in memory.
    std::int64_t after = 0;
    for (;;) {
        auto r = db_->exec("SELECT id, hash, content FROM texts WHERE id > ? ORDER BY id LIMIT 200", {after});
        if (r.rows() == 0) return;
        for (int i = 0; i < r.rows(); ++i) visit(TextId(r.int64(i, 0)), r.text_view(i, 1), r.text_view(i, 2));
        after = r.int64(r.rows() - 1, 0);
    }
}

// The meta table but its marker of a Comb database ("application"), which a file does not have.
std::vector<std::pair<std::string, std::string>> PgProject::settings() const {
    auto r = db_->exec("SELECT key, value FROM meta WHERE key <> 'application' ORDER BY key COLLATE \"C\"");
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0), r.text(i, 1));
    return out;
}

}  // namespace comb::store

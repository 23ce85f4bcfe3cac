// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PgProject: a project in a PostgreSQL database, the server of record for a team (DESIGN.md,
// "Shared project on PostgreSQL"). Implements core::Repository with the SQLite store's schema,
// rules and messages: rows carry versions, inserts never replace, stale updates and deletes
// throw ConflictError, ids come from a counter per kind, and the history (the change log) is
// written in the same transaction as the change it records.
//
// Writers are serialised per database by a transaction-level advisory lock taken when the
// transaction begins (as SQLite's BEGIN IMMEDIATE does for a file), so every check inside it
// sees every earlier commit: no lost update, no gap in the history's seq. Each commit sends
// NOTIFY comb_changes with the new change counter. Not thread-safe: one PgProject per thread.
#include <chrono>
#include <memory>
#include <set>
#include <string>

#include "core/repository.h"
#include "pg_connection.h"
#include "store/presence.h"
#include "store/sql_repository.h"

namespace comb::store {

class PgProject final : public SqlRepository, public PresenceBoard {
public:
    // Creates the schema in an empty database. Throws InputError when it holds tables already.
    static std::unique_ptr<PgProject> create(const std::string& uri);
    // Opens a database holding a Comb project; InputError when it holds none or a newer one.
    // `cancel` (signalled from another thread) ends the wait for the server: core::Cancelled.
    static std::unique_ptr<PgProject> open(const std::string& uri, const Wakeup* cancel = nullptr);
    ~PgProject() override;

    const std::string& uri() const { return uri_; }

    // Roles (see pg_schema.cpp): every person with one, by name, and this connection's.
    std::vector<std::pair<std::string, std::string>> roles() const;
    std::optional<std::string> my_role() const;
    // Gives `person` (a PostgreSQL login) the role owner, coder or reader, with the table
    // rights it needs, or takes their role away ("none"). Owners only; throws InputError.
    void set_role(const std::string& person, const std::string& role);
    PgConnection& connection() { return *db_; }

    // Presence on the server (pg_presence.cpp): who has the project open, in comb_presence
    // (made by whoever opens the project with the right to, readable and writable by all).
    // announce() records this connection (again, with a new coder); heartbeat() keeps the
    // record fresh (at most once per kHeartbeat; call it often); a record not refreshed for
    // kStaleAfter is ignored (its client died or lost the server) and removed; the destructor
    // removes this one's. Throw StoreError when the server cannot be reached.
    static constexpr int kHeartbeatS = 10;
    static constexpr int kStaleAfterS = 30;
    void announce(const std::string& coder, const std::string& program) override;
    void heartbeat() override;
    std::vector<Presence> presence() const override;

    // Rows, history reads, texts by id and settings are SqlRepository's; the rest is this
    // server's own (transactions, id counters, appending history, texts).
    std::optional<core::TextId> find_text_by_hash(std::string_view hash) const override;
    std::unique_ptr<core::Transaction> begin(std::string_view operation) override;
    core::TextId add_text(std::string_view text, std::string_view hash) override;
    std::int64_t reserve_id(core::RowKind kind) override;

    std::int64_t append_history(const core::HistoryEntry& entry) override;

    void rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>& fn,
                       const std::optional<std::set<core::TextId>>& only = std::nullopt) override;
    void rewrite_history(const std::function<void(core::HistoryEntry&)>& fn) override;
    // Another client's commit moves the change counter; so does one's own (Project::catch_up
    // tells them apart by the counter it has seen).
    std::int64_t data_version() const override { return change_counter(); }
    // After pseudonymising: VACUUM FULL of the tables that held names, so no dead row version
    // keeps an original (outside a transaction). The server's WAL and backups are its own.
    void compact_securely();

    void bump_change_counter() override;
    void set_setting(std::string_view key, std::string_view value) override;
    void scan_texts(const std::function<void(core::TextId, std::string_view, std::string_view)>& visit) const override;
    std::vector<std::pair<std::string, std::string>> settings() const override;

private:
    PgProject(std::string uri, std::unique_ptr<PgConnection> db);
    // SqlRepository's statements and dialect on PostgreSQL (pg_rows.cpp, pg_writes.cpp).
    void query(std::string_view sql, const Cells& params, const VisitRow& visit) const override;
    void execute(std::string_view sql, const Cells& params) override;
    void insert_rows(const TableColumns& table, const std::vector<Cells>& rows) override;
    bool is_dangling_reference(const core::StoreError& e) const override;
    bool in_transaction() const override { return in_transaction_; }
    std::string_view version_lock() const override;
    std::string_view bytewise() const override { return " COLLATE \"C\""; }
    void require_transaction(const char* what) const;

    std::string uri_;
    std::unique_ptr<PgConnection> db_;
    bool in_transaction_ = false;
    void withdraw() noexcept;
    std::string presence_token_;  // this connection's comb_presence row, once announced
    std::chrono::steady_clock::time_point last_heartbeat_{};
    std::optional<std::string> role_;  // this login's role when opened, for a clear early refusal
    friend class PgTransaction;
};

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SqlRepository: the entity rows and the history of core::Repository over SQL, once for both
// stores. It reads
// and writes every row kind through its description (row_columns.h), with the checks and
// messages of docs/concurrency.md: an insert finds no row with its key, an update or delete
// finds the version it was given (else ConflictError, so no process writes over a row it has
// not seen), a row whose references dangle is a ConflictError too, and nothing is written
// outside a transaction.
//
// A store (ProjectFile on SQLite, PgProject on PostgreSQL) supplies only how a statement runs
// (binding, execution, a batch of inserts) and its dialect: how it reports a broken reference,
// how it locks a row it reads for a check, how it sorts names by bytes. Statements use `?`.
// Not thread-safe, like the stores.
#include <functional>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/repository.h"
#include "row_columns.h"

namespace comb::store {

class SqlRepository : public core::Repository {
public:
    std::vector<core::Document> documents() const override;
    std::optional<core::Document> find_document(core::DocumentId id) const override;
    std::vector<core::Case> cases() const override;
    // One case by key, for callers naming the case of each of many documents or codings.
    std::optional<core::Case> find_case(core::CaseId id) const;
    std::vector<core::Attribute> attributes() const override;
    std::vector<core::AttributeValue> attribute_values() const override;
    std::vector<core::Code> codes() const override;
    std::vector<core::Coding> codings() const override;
    std::vector<core::Coding> codings_of_document(core::DocumentId id) const override;
    std::optional<core::Coding> find_coding(core::CodingId id) const override;
    // One pass over the codings table, the overrides left as text (a million codings in about
    // a third of a second on SQLite).
    std::int64_t coding_count() const override;
    void scan_codings(const std::function<void(const core::StoredCoding&)>& visit) const override;
    std::vector<core::Memo> memos() const override;
    std::vector<core::Theme> themes() const override;
    std::optional<core::Row> find_row(const core::Row& key) const override;

    void insert(const core::Row& row) override;
    void update(const core::Row& before, const core::Row& after) override;
    void erase(const core::Row& row) override;

    // The history (the audit log) as both stores keep it: one row per entry, and history_rows
    // naming the rows each entry touched. Appending is the store's own (how seq is assigned).
    std::vector<core::HistoryEntry> history(const std::optional<std::string>& who, bool with_changes) const override;
    std::optional<core::HistoryEntry> history_entry(std::int64_t seq) const override;
    std::optional<core::HistoryEntry> last_change_of(const core::Row& key, std::int64_t after_seq) const override;
    std::vector<core::HistoryEntry> history_after(std::int64_t seq, std::size_t limit) const override;
    std::int64_t last_history_seq() const override;

    // A text by id; StoreError when there is none.
    std::string text(core::TextId id) const override;
    std::optional<std::string> setting(std::string_view key) const override;
    std::int64_t change_counter() const override;

protected:
    using VisitRow = std::function<void(const RowCells&)>;
    // Runs one statement with `params` for its `?`s, calling `visit` for each result row.
    // Throws StoreError.
    virtual void query(std::string_view sql, const Cells& params, const VisitRow& visit) const = 0;
    virtual void execute(std::string_view sql, const Cells& params) = 0;
    // Inserts `rows` into `table` (its insert()), as few round trips as the store allows.
    virtual void insert_rows(const TableColumns& table, const std::vector<Cells>& rows) = 0;
    // Whether `e` is the store refusing a row whose reference dangles (a foreign key).
    virtual bool is_dangling_reference(const core::StoreError& e) const = 0;
    // Rows are written only inside the store's transaction (begin()): insert, update and
    // erase outside one throw StoreError ("write a row: no transaction is open").
    virtual bool in_transaction() const = 0;
    // Appended to the SELECT that reads a row's version for a check (PostgreSQL: FOR UPDATE).
    virtual std::string_view version_lock() const { return ""; }
    // Appended to ORDER BY name, so names sort by bytes in every store.
    virtual std::string_view bytewise() const { return ""; }
    // Writes a document and its turns; a store with more to keep current wraps it.
    virtual void write_document(const core::Document& d);

    std::vector<core::Turn> turns_of(core::DocumentId id) const;
    // The first document matching `where` (with one `?`), turns included.
    std::optional<core::Document> first_document(std::string_view where, const Cell& param) const;

private:
    template <class T, class From>
    std::vector<T> read(std::string_view sql, const Cells& params, From from) const;
    std::vector<core::Coding> query_codings(std::string_view where, const Cells& params) const;
    std::vector<core::HistoryEntry> query_history(std::string_view where, const Cells& params, bool with_changes) const;
    void write(const core::Row& row);   // upsert, after the checks of insert/update
    void remove(const core::Row& row);  // delete, after the check of erase
    std::optional<std::int64_t> stored_version(const core::Row& row) const;
    void require_version(const core::Row& row, const char* action) const;
    void require_transaction() const;
    template <class F> void refusing_dangling(const core::Row& row, const char* action, F&& f);
};

}  // namespace comb::store

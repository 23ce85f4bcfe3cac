// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MemoryRepository: a Repository held in memory, for core tests and for tools that need a
// scratch project. It keeps the promises of the interface the SQLite store keeps: reads in the
// documented orders, writes only inside a transaction, a rolled-back transaction leaves no
// trace, checked writes (an insert over an existing key, or an update or delete of a version
// that is not the stored one, throw ConflictError with the store's message), ids never handed
// out twice (per-kind counters kept as the store keeps them, in settings "next_id:KIND"), and
// an append-only history with who. It does not check foreign keys (the SQLite store does).
// One process only: nobody else writes, so it needs no locks. Not thread-safe.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "repository.h"

namespace comb::core {

class MemoryRepository final : public Repository {
public:
    MemoryRepository() = default;
    MemoryRepository(const MemoryRepository&) = delete;
    MemoryRepository& operator=(const MemoryRepository&) = delete;

    std::vector<Document> documents() const override;
    std::optional<Document> find_document(DocumentId id) const override;
    // Throws StoreError for an unknown text.
    std::string text(TextId id) const override;
    std::optional<TextId> find_text_by_hash(std::string_view hash) const override;
    std::vector<Case> cases() const override;
    std::vector<Attribute> attributes() const override;
    std::vector<AttributeValue> attribute_values() const override;
    std::vector<Code> codes() const override;
    std::vector<Coding> codings() const override;
    std::vector<Coding> codings_of_document(DocumentId id) const override;
    std::optional<Coding> find_coding(CodingId id) const override;
    std::vector<Memo> memos() const override;
    std::vector<Theme> themes() const override;
    std::optional<Row> find_row(const Row& key) const override;

    // Throws StoreError when a transaction is already open.
    std::unique_ptr<Transaction> begin(std::string_view operation) override;
    // insert/update/erase/add_text/reserve_id/append_history/bump_change_counter throw
    // StoreError outside a transaction.
    void insert(const Row& row) override;
    void update(const Row& before, const Row& after) override;
    void erase(const Row& row) override;
    TextId add_text(std::string_view text, std::string_view hash) override;
    std::int64_t reserve_id(RowKind kind) override;

    std::int64_t append_history(const HistoryEntry& entry) override;
    std::vector<HistoryEntry> history(const std::optional<std::string>& who, bool with_changes) const override;
    std::optional<HistoryEntry> history_entry(std::int64_t seq) const override;
    std::optional<HistoryEntry> last_change_of(const Row& key, std::int64_t after_seq) const override;

    // Pseudonymisation's rewrites, inside a transaction, as the SQLite store does them: a
    // rewritten text gets the hash of its new content; a history entry keeps who, when, kind
    // and target, only its label and changes are rewritten.
    void rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>& fn,
                       const std::optional<std::set<TextId>>& only = std::nullopt) override;
    void rewrite_history(const std::function<void(HistoryEntry&)>& fn) override;
    // Nobody else writes a memory repository: data_version() stays 0; the history after a
    // seq is what this process appended.
    std::vector<HistoryEntry> history_after(std::int64_t seq, std::size_t limit) const override;
    std::int64_t last_history_seq() const override;

    std::int64_t change_counter() const override { return state_.change_counter; }
    void bump_change_counter() override;
    std::optional<std::string> setting(std::string_view key) const override;
    void set_setting(std::string_view key, std::string_view value) override;

private:
    // Everything the project holds, copied whole at begin() so a rollback restores it.
    struct State {
        std::map<std::int64_t, Document> documents;
        std::map<std::int64_t, Case> cases;
        std::map<std::int64_t, Attribute> attributes;
        std::map<std::pair<std::int64_t, std::int64_t>, AttributeValue> values;  // (case, attribute)
        std::map<std::int64_t, Code> codes;
        std::map<std::int64_t, Coding> codings;
        std::map<std::int64_t, Memo> memos;
        std::map<std::int64_t, Theme> themes;
        std::vector<std::pair<std::string, std::string>> texts;  // (hash, text); id = index + 1
        std::vector<HistoryEntry> history;                       // seq order
        std::int64_t next_seq = 1;
        std::int64_t change_counter = 0;
        std::map<std::string, std::string, std::less<>> settings;
    };
    class MemoryTransaction;

    void require_transaction(const char* operation) const;
    void require_version(const Row& row, const char* action) const;
    void write(const Row& row);
    std::int64_t max_id(RowKind kind) const;

    State state_;
    std::unique_ptr<State> saved_;  // present while a transaction is open
};

}  // namespace comb::core

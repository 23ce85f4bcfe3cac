#pragma once
// The storage a Project works on. src/store implements it over SQLite; the core sees only
// this interface, so no SQLite type appears here. Reads return values in a stable order.
// Writes happen only inside a Transaction, through put/erase of whole rows.
// Every method may throw StoreError when the file cannot be read or written.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "change_set.h"

namespace comb::core {

// Rolls back in its destructor unless commit() was called.
class Transaction {
public:
    virtual ~Transaction() = default;
    virtual void commit() = 0;
};

struct HistoryEntry {
    std::int64_t seq = 0;
    std::string label;
    std::string time;  // ISO 8601 UTC
    ChangeSet changes;
    bool applied = true;
};

class Repository {
public:
    virtual ~Repository() = default;

    // Reads.
    virtual std::vector<Document> documents() const = 0;  // import order
    virtual std::optional<Document> find_document(DocumentId id) const = 0;
    virtual std::string text(TextId id) const = 0;
    virtual std::optional<TextId> find_text_by_hash(std::string_view hash) const = 0;
    virtual std::vector<Case> cases() const = 0;  // by name
    virtual std::vector<Attribute> attributes() const = 0;
    virtual std::vector<AttributeValue> attribute_values() const = 0;
    virtual std::vector<Code> codes() const = 0;  // tree order: parents before children, by position
    virtual std::vector<Coding> codings() const = 0;  // document order, then start, end, id
    virtual std::vector<Coding> codings_of_document(DocumentId id) const = 0;
    virtual std::vector<Memo> memos() const = 0;
    virtual std::vector<Theme> themes() const = 0;  // parents before children, by position

    // Writes (inside a transaction).
    virtual std::unique_ptr<Transaction> begin(std::string_view operation) = 0;
    virtual void put(const Row& row) = 0;    // insert or update by key
    virtual void erase(const Row& row) = 0;  // delete by key
    // Stores document text once; texts are immutable and outlive undo of their import.
    virtual TextId add_text(std::string_view text, std::string_view hash) = 0;
    // A fresh id for a new row of this kind, unique within the current transaction.
    virtual std::int64_t reserve_id(RowKind kind) = 0;

    // Undo history, kept in the project file.
    virtual void push_history(const HistoryEntry& entry) = 0;  // drops undone entries first
    virtual std::optional<HistoryEntry> last_applied() const = 0;
    virtual std::optional<HistoryEntry> first_undone() const = 0;
    virtual void set_applied(std::int64_t seq, bool applied) = 0;

    // Other writers (docs/concurrency.md). A number that changes whenever another connection
    // committed to the project, cheap enough to ask several times a second; the history
    // entries appended after `seq`, oldest first, at most `limit`; the newest entry's seq.
    // A repository nobody else writes keeps these defaults.
    virtual std::int64_t data_version() const { return 0; }
    virtual std::vector<HistoryEntry> history_after(std::int64_t /*seq*/, std::size_t /*limit*/) const { return {}; }
    virtual std::int64_t last_history_seq() const { return 0; }

    // Counts every committed change; the index stamps itself with it.
    virtual std::int64_t change_counter() const = 0;
    virtual void bump_change_counter() = 0;

    virtual std::optional<std::string> setting(std::string_view key) const = 0;
    virtual void set_setting(std::string_view key, std::string_view value) = 0;
};

}  // namespace comb::core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The storage a Project works on. src/store implements it over SQLite; the core sees only
// this interface, so no SQLite type appears here. Reads return values in a stable order.
// Writes happen only inside a Transaction, through insert/update/erase of whole rows; none of
// them writes over a row it was not told about (ConflictError instead; see model.h on
// versions). Every method may throw StoreError when the file cannot be read or written.
#include <functional>
#include <memory>
#include <optional>
#include <set>
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

// One entry of the history, the project's append-only audit log: who did what and when.
// Undo and redo add entries of their own (kind undo/redo, `target` the entry undone or
// redone, `changes` what they did); nothing is deleted or rewritten.
struct HistoryEntry {
    enum class Kind { command, undo, redo };
    std::int64_t seq = 0;
    std::string label;   // "Code passage as Time"; undo: "Undo: Code passage as Time"
    std::string time;    // ISO 8601 UTC
    ChangeSet changes;
    std::string who;     // the coder; empty for entries written before schema 3
    Kind kind = Kind::command;
    std::optional<std::int64_t> target;  // undo/redo: seq of the command entry
    bool applied = true;  // schema 1-2 files only: false for an entry undone then
};

std::string_view to_string(HistoryEntry::Kind kind);

// One coding as a counting pass reads it (see Repository::scan_codings). The views are valid
// during the visit only; the tag override is its stored text (TagSet::to_string), so a caller
// can parse each distinct override once.
struct StoredCoding {
    CodingId id;
    DocumentId document;
    Span span;
    CodeId code;
    std::string_view coder;
    std::optional<std::string_view> tag_override;
    bool pinned = false;
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
    // One coding by key (commands look codings up by id; a scan per lookup is too slow).
    virtual std::optional<Coding> find_coding(CodingId id) const = 0;
    // Every coding once, in no promised order, for counting large projects in one pass.
    // The default goes through codings(); a store may read its rows more cheaply.
    virtual std::int64_t coding_count() const;
    virtual void scan_codings(const std::function<void(const StoredCoding&)>& visit) const;
    virtual std::vector<Memo> memos() const = 0;
    virtual std::vector<Theme> themes() const = 0;  // parents before children, by position
    // The stored row with the key (kind and id; case and attribute for a value) of `key`.
    virtual std::optional<Row> find_row(const Row& key) const = 0;

    // Writes (inside a transaction).
    virtual std::unique_ptr<Transaction> begin(std::string_view operation) = 0;
    // A new row. Throws ConflictError when a row with its key exists (never replaces it).
    virtual void insert(const Row& row) = 0;
    // Replaces `before` by `after` (same key). Throws ConflictError when the stored row's
    // version is not before.version (someone changed it since) or the row is gone.
    virtual void update(const Row& before, const Row& after) = 0;
    // Deletes the row; ConflictError as update when its stored version is not row.version.
    virtual void erase(const Row& row) = 0;
    // Stores document text once; texts are immutable and outlive undo of their import.
    virtual TextId add_text(std::string_view text, std::string_view hash) = 0;
    // A fresh id for a new row of this kind: never handed out before, by any process, even
    // when the row that had it was deleted or undone. Call inside a transaction.
    virtual std::int64_t reserve_id(RowKind kind) = 0;

    // The history (audit log), kept in the project file. append_history returns the seq.
    virtual std::int64_t append_history(const HistoryEntry& entry) = 0;
    // Entries in seq order; `who` given: only that coder's (and unattributed old entries).
    // Without `with_changes` the change sets are left empty (cheap listing).
    virtual std::vector<HistoryEntry> history(const std::optional<std::string>& who, bool with_changes) const = 0;
    virtual std::optional<HistoryEntry> history_entry(std::int64_t seq) const = 0;
    // The latest entry after `after_seq` that changed the row with the key of `key`.
    virtual std::optional<HistoryEntry> last_change_of(const Row& key, std::int64_t after_seq) const = 0;

    // Privacy (pseudonymisation, docs/privacy.md), inside a transaction. The only writes that
    // change the past: texts and history entries rewritten in place so no original survives.
    // `fn` returns the new content of a text, or nullopt to leave it; `only`: these texts.
    // The defaults throw StoreError: a store that cannot rewrite cannot pseudonymise.
    virtual void rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>& fn,
                               const std::optional<std::set<TextId>>& only = std::nullopt);
    virtual void rewrite_history(const std::function<void(HistoryEntry&)>& fn);
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "memory_repository.h"

#include <algorithm>
#include <functional>
#include <tuple>

#include "error.h"
#include "sha256.h"

namespace comb::core {
namespace {

template <class T>
std::vector<T> values_of(const std::map<std::int64_t, T>& rows) {
    std::vector<T> out;
    out.reserve(rows.size());
    for (const auto& [id, row] : rows) out.push_back(row);
    return out;
}

// Parents before children, siblings by (position, id): the order the SQLite store reads.
template <class T>
std::vector<T> tree_order(const std::map<std::int64_t, T>& rows) {
    std::vector<const T*> sorted;
    for (const auto& [id, row] : rows) sorted.push_back(&row);
    std::stable_sort(sorted.begin(), sorted.end(), [](const T* a, const T* b) { return a->position < b->position; });
    std::vector<T> out;
    out.reserve(rows.size());
    std::function<void(std::int64_t)> walk = [&](std::int64_t parent) {
        for (const T* row : sorted) {
            if ((row->parent ? row->parent->value : 0) != parent) continue;
            out.push_back(*row);
            walk(row->id.value);
        }
    };
    walk(0);
    return out;
}

}  // namespace

class MemoryRepository::MemoryTransaction final : public Transaction {
public:
    explicit MemoryTransaction(MemoryRepository& repo) : repo_(repo) {}
    ~MemoryTransaction() override {
        if (!repo_.saved_) return;  // committed
        repo_.state_ = std::move(*repo_.saved_);
        repo_.saved_.reset();
    }
    void commit() override { repo_.saved_.reset(); }

private:
    MemoryRepository& repo_;
};

std::unique_ptr<Transaction> MemoryRepository::begin(std::string_view operation) {
    if (saved_) throw StoreError(std::string(operation), "a transaction is already open");
    saved_ = std::make_unique<State>(state_);
    return std::make_unique<MemoryTransaction>(*this);
}

void MemoryRepository::require_transaction(const char* operation) const {
    if (!saved_) throw StoreError(operation, "no transaction is open");
}

std::vector<Document> MemoryRepository::documents() const {
    auto out = values_of(state_.documents);
    std::stable_sort(out.begin(), out.end(), [](const Document& a, const Document& b) { return a.position < b.position; });
    return out;
}

std::optional<Document> MemoryRepository::find_document(DocumentId id) const {
    const auto it = state_.documents.find(id.value);
    return it == state_.documents.end() ? std::nullopt : std::optional(it->second);
}

std::string MemoryRepository::text(TextId id) const {
    if (id.value < 1 || id.value > static_cast<std::int64_t>(state_.texts.size())) {
        throw StoreError("read text", "no text " + std::to_string(id.value));
    }
    return state_.texts[static_cast<std::size_t>(id.value - 1)].second;
}

std::optional<TextId> MemoryRepository::find_text_by_hash(std::string_view hash) const {
    for (std::size_t i = 0; i < state_.texts.size(); ++i) {
        if (state_.texts[i].first == hash) return TextId(static_cast<std::int64_t>(i + 1));
    }
    return std::nullopt;
}

std::vector<Case> MemoryRepository::cases() const {
    auto out = values_of(state_.cases);
    std::stable_sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
    return out;
}

std::vector<Attribute> MemoryRepository::attributes() const { return values_of(state_.attributes); }

std::vector<AttributeValue> MemoryRepository::attribute_values() const {
    std::vector<AttributeValue> out;
    for (const auto& [key, v] : state_.values) out.push_back(v);
    return out;
}

std::vector<Code> MemoryRepository::codes() const { return tree_order(state_.codes); }

std::vector<Coding> MemoryRepository::codings() const {
    std::map<std::int64_t, std::int64_t> position;  // document id -> import position
    for (const auto& [id, d] : state_.documents) position[id] = d.position;
    auto out = values_of(state_.codings);
    std::stable_sort(out.begin(), out.end(), [&](const Coding& a, const Coding& b) {
        return std::tuple(position[a.document.value], a.span.start, a.span.end, a.id) <
               std::tuple(position[b.document.value], b.span.start, b.span.end, b.id);
    });
    return out;
}

std::vector<Coding> MemoryRepository::codings_of_document(DocumentId id) const {
    std::vector<Coding> out;
    for (const auto& [key, c] : state_.codings) if (c.document == id) out.push_back(c);
    std::stable_sort(out.begin(), out.end(), [](const Coding& a, const Coding& b) {
        return std::tuple(a.span.start, a.span.end, a.id) < std::tuple(b.span.start, b.span.end, b.id);
    });
    return out;
}

std::optional<Coding> MemoryRepository::find_coding(CodingId id) const {
    const auto it = state_.codings.find(id.value);
    return it == state_.codings.end() ? std::nullopt : std::optional(it->second);
}

std::vector<Memo> MemoryRepository::memos() const { return values_of(state_.memos); }

std::vector<Theme> MemoryRepository::themes() const { return tree_order(state_.themes); }

std::optional<Row> MemoryRepository::find_row(const Row& key) const {
    return std::visit([this](const auto& k) -> std::optional<Row> {
        using T = std::decay_t<decltype(k)>;
        const auto found = [](const auto& rows, const auto& id) -> std::optional<Row> {
            const auto it = rows.find(id);
            return it == rows.end() ? std::nullopt : std::optional<Row>(it->second);
        };
        if constexpr (std::is_same_v<T, Document>) return found(state_.documents, k.id.value);
        else if constexpr (std::is_same_v<T, Case>) return found(state_.cases, k.id.value);
        else if constexpr (std::is_same_v<T, Attribute>) return found(state_.attributes, k.id.value);
        else if constexpr (std::is_same_v<T, AttributeValue>) return found(state_.values, std::pair(k.case_id.value, k.attribute_id.value));
        else if constexpr (std::is_same_v<T, Code>) return found(state_.codes, k.id.value);
        else if constexpr (std::is_same_v<T, Coding>) return found(state_.codings, k.id.value);
        else if constexpr (std::is_same_v<T, Memo>) return found(state_.memos, k.id.value);
        else return found(state_.themes, k.id.value);
    }, key);
}

// The same checks and messages as the SQLite store (src/store/project_writes.cpp).
void MemoryRepository::require_version(const Row& row, const char* action) const {
    const auto stored = find_row(row);
    if (stored && version_of(*stored) == version_of(row)) return;
    throw ConflictError(std::string("cannot ") + action + " " + describe(row) + ": " +
                        (stored ? "it was changed by another writer (version " + std::to_string(version_of(*stored)) +
                                      ", expected " + std::to_string(version_of(row)) + ")"
                                : "it no longer exists"));
}

void MemoryRepository::insert(const Row& row) {
    require_transaction("write a row");
    if (find_row(row)) {
        throw ConflictError("cannot add " + describe(row) + ": a row with its id exists (another writer took it); nothing was changed");
    }
    write(row);
}

void MemoryRepository::update(const Row& before, const Row& after) {
    require_transaction("write a row");
    require_version(before, "change");
    write(after);
}

void MemoryRepository::write(const Row& row) {
    std::visit([this](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) state_.documents[r.id.value] = r;
        else if constexpr (std::is_same_v<T, Case>) state_.cases[r.id.value] = r;
        else if constexpr (std::is_same_v<T, Attribute>) state_.attributes[r.id.value] = r;
        else if constexpr (std::is_same_v<T, AttributeValue>) state_.values[{r.case_id.value, r.attribute_id.value}] = r;
        else if constexpr (std::is_same_v<T, Code>) state_.codes[r.id.value] = r;
        else if constexpr (std::is_same_v<T, Coding>) state_.codings[r.id.value] = r;
        else if constexpr (std::is_same_v<T, Memo>) state_.memos[r.id.value] = r;
        else state_.themes[r.id.value] = r;
    }, row);
}

void MemoryRepository::erase(const Row& row) {
    require_transaction("delete a row");
    require_version(row, "delete");
    std::visit([this](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) state_.documents.erase(r.id.value);
        else if constexpr (std::is_same_v<T, Case>) state_.cases.erase(r.id.value);
        else if constexpr (std::is_same_v<T, Attribute>) state_.attributes.erase(r.id.value);
        else if constexpr (std::is_same_v<T, AttributeValue>) state_.values.erase({r.case_id.value, r.attribute_id.value});
        else if constexpr (std::is_same_v<T, Code>) state_.codes.erase(r.id.value);
        else if constexpr (std::is_same_v<T, Coding>) state_.codings.erase(r.id.value);
        else if constexpr (std::is_same_v<T, Memo>) state_.memos.erase(r.id.value);
        else state_.themes.erase(r.id.value);
    }, row);
}

TextId MemoryRepository::add_text(std::string_view text, std::string_view hash) {
    require_transaction("store a text");
    state_.texts.emplace_back(std::string(hash), std::string(text));
    return TextId(static_cast<std::int64_t>(state_.texts.size()));
}

std::int64_t MemoryRepository::max_id(RowKind kind) const {
    const auto last = [](const auto& rows) { return rows.empty() ? std::int64_t{0} : rows.rbegin()->first; };
    switch (kind) {
        case RowKind::document: return last(state_.documents);
        case RowKind::case_: return last(state_.cases);
        case RowKind::attribute: return last(state_.attributes);
        case RowKind::code: return last(state_.codes);
        case RowKind::coding: return last(state_.codings);
        case RowKind::memo: return last(state_.memos);
        case RowKind::theme: return last(state_.themes);
        case RowKind::attribute_value: break;  // keyed by (case, attribute), no id
    }
    return 0;
}

// As the store: a counter per kind in the settings, moved on inside the transaction, so an
// id freed by a delete or an undo is never handed out again; MAX(id) + 1 if it lags.
std::int64_t MemoryRepository::reserve_id(RowKind kind) {
    require_transaction("reserve an id");
    if (kind == RowKind::attribute_value) throw StoreError("reserve id", "attribute values have no id");
    const std::string key = "next_id:" + std::string(to_string(kind));
    const auto counter = setting(key);
    const std::int64_t id = std::max<std::int64_t>(counter ? std::stoll(*counter) : 1, max_id(kind) + 1);
    set_setting(key, std::to_string(id + 1));
    return id;
}

std::int64_t MemoryRepository::append_history(const HistoryEntry& entry) {
    require_transaction("record history");
    HistoryEntry e = entry;
    e.seq = state_.next_seq++;
    e.applied = true;
    state_.history.push_back(std::move(e));
    return state_.history.back().seq;
}

std::vector<HistoryEntry> MemoryRepository::history(const std::optional<std::string>& who, bool with_changes) const {
    std::vector<HistoryEntry> out;
    for (const auto& e : state_.history) {
        if (who && e.who != *who && !e.who.empty()) continue;
        out.push_back(e);
        if (!with_changes) out.back().changes = {};
    }
    return out;
}

std::optional<HistoryEntry> MemoryRepository::history_entry(std::int64_t seq) const {
    for (const auto& e : state_.history) if (e.seq == seq) return e;
    return std::nullopt;
}

std::optional<HistoryEntry> MemoryRepository::last_change_of(const Row& key, std::int64_t after_seq) const {
    const std::string wanted = row_key(key);
    for (auto it = state_.history.rbegin(); it != state_.history.rend() && it->seq > after_seq; ++it) {
        for (const auto& c : it->changes.changes) {
            if (row_key(c.after ? *c.after : *c.before) == wanted) return *it;
        }
    }
    return std::nullopt;
}

void MemoryRepository::rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>& fn,
                                     const std::optional<std::set<TextId>>& only) {
    require_transaction("rewrite texts");
    for (std::size_t i = 0; i < state_.texts.size(); ++i) {
        if (only && !only->count(TextId(static_cast<std::int64_t>(i + 1)))) continue;
        auto& [hash, text] = state_.texts[i];
        if (auto content = fn(text)) {
            hash = sha256_hex(*content);
            text = std::move(*content);
        }
    }
}

void MemoryRepository::rewrite_history(const std::function<void(HistoryEntry&)>& fn) {
    require_transaction("rewrite history");
    for (auto& stored : state_.history) {
        HistoryEntry e = stored;
        fn(e);
        stored.label = std::move(e.label);
        stored.changes = std::move(e.changes);
    }
}

std::vector<HistoryEntry> MemoryRepository::history_after(std::int64_t seq, std::size_t limit) const {
    std::vector<HistoryEntry> out;
    for (const auto& e : state_.history) {
        if (out.size() == limit) break;
        if (e.seq > seq) out.push_back(e);
    }
    return out;
}

std::int64_t MemoryRepository::last_history_seq() const {
    return state_.history.empty() ? 0 : state_.history.back().seq;
}

void MemoryRepository::bump_change_counter() {
    require_transaction("count a change");
    ++state_.change_counter;
}

std::optional<std::string> MemoryRepository::setting(std::string_view key) const {
    const auto it = state_.settings.find(key);
    return it == state_.settings.end() ? std::nullopt : std::optional(it->second);
}

void MemoryRepository::set_setting(std::string_view key, std::string_view value) {
    state_.settings.insert_or_assign(std::string(key), std::string(value));
}

}  // namespace comb::core

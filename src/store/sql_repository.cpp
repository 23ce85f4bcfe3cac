// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing entity rows through their descriptions, for both stores.
#include "sql_repository.h"

#include <unordered_map>

#include "core/error.h"
#include "row_codec.h"

namespace comb::store {
using namespace comb::core;

namespace {

// Tree order (parents first, siblings by position), so listings read like the tree; `all`
// comes in position order.
std::vector<Code> in_tree_order(const std::vector<Code>& all) {
    std::unordered_map<std::int64_t, std::vector<const Code*>> kids;
    for (const auto& c : all) kids[c.parent ? c.parent->value : 0].push_back(&c);
    std::vector<Code> out;
    out.reserve(all.size());
    std::function<void(std::int64_t)> walk = [&](std::int64_t parent) {
        for (const Code* c : kids[parent]) { out.push_back(*c); walk(c->id.value); }
    };
    walk(0);
    return out;
}

std::vector<Theme> in_tree_order(const std::vector<Theme>& all) {
    std::vector<Theme> out;
    std::function<void(std::optional<ThemeId>)> walk = [&](std::optional<ThemeId> parent) {
        for (const auto& t : all) if (t.parent == parent) { out.push_back(t); walk(t.id); }
    };
    walk(std::nullopt);
    return out;
}

const TableColumns& table_of(RowKind kind) { return row_kind_info(kind); }

HistoryEntry::Kind parse_kind(std::string_view s) {
    if (s == "undo") return HistoryEntry::Kind::undo;
    if (s == "redo") return HistoryEntry::Kind::redo;
    return HistoryEntry::Kind::command;
}

constexpr const char* kEntryColumns = "SELECT h.seq, h.label, h.time, h.applied, h.who, h.kind, h.target, h.changes FROM history h ";

HistoryEntry entry_from(const RowCells& c, bool with_changes) {
    HistoryEntry e;
    e.seq = c.int64(0);
    e.label = c.text(1);
    e.time = c.text(2);
    e.applied = c.int64(3) != 0;
    e.who = c.text(4);
    e.kind = parse_kind(c.text_view(5));
    if (!c.is_null(6)) e.target = c.int64(6);
    if (with_changes) e.changes = decode_changes(c.text(7));
    return e;
}

}  // namespace

template <class T, class From>
std::vector<T> SqlRepository::read(std::string_view sql, const Cells& params, From from) const {
    std::vector<T> out;
    query(sql, params, [&](const RowCells& c) { out.push_back(from(c)); });
    return out;
}

std::vector<Turn> SqlRepository::turns_of(DocumentId id) const {
    return read<Turn>(turn_columns().select() + "WHERE document_id = ? ORDER BY seq", {id.value}, turn_from);
}

std::vector<Document> SqlRepository::documents() const {
    auto out = read<Document>(table_of(RowKind::document).select() + "ORDER BY position, id", {}, document_from);
    std::unordered_map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < out.size(); ++i) at[out[i].id.value] = i;
    // Every turn in one statement, not one per document (a round trip each on a server).
    query(turn_columns().select() + "ORDER BY document_id, seq", {}, [&](const RowCells& c) {
        if (auto it = at.find(c.int64(0)); it != at.end()) out[it->second].turns.push_back(turn_from(c));
    });
    return out;
}

std::optional<Document> SqlRepository::first_document(std::string_view where, const Cell& param) const {
    // One row by key: commands and the index call this per coding, so it must not read every
    // document of a large project.
    auto found = read<Document>(table_of(RowKind::document).select() + std::string(where), {param}, document_from);
    if (found.empty()) return std::nullopt;
    found.front().turns = turns_of(found.front().id);
    return std::move(found.front());
}

std::optional<Document> SqlRepository::find_document(DocumentId id) const {
    return first_document("WHERE id = ?", id.value);
}

std::vector<Case> SqlRepository::cases() const {
    return read<Case>(table_of(RowKind::case_).select() + "ORDER BY name" + std::string(bytewise()), {}, case_from);
}

std::optional<Case> SqlRepository::find_case(CaseId id) const {
    auto found = read<Case>(table_of(RowKind::case_).select() + "WHERE id = ?", {id.value}, case_from);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<Attribute> SqlRepository::attributes() const {
    return read<Attribute>(table_of(RowKind::attribute).select() + "ORDER BY id", {}, attribute_from);
}

std::vector<AttributeValue> SqlRepository::attribute_values() const {
    return read<AttributeValue>(table_of(RowKind::attribute_value).select() + "ORDER BY case_id, attribute_id", {},
                                attribute_value_from);
}

std::vector<Code> SqlRepository::codes() const {
    return in_tree_order(read<Code>(table_of(RowKind::code).select() + "ORDER BY position, id", {}, code_from));
}

std::vector<Coding> SqlRepository::query_codings(std::string_view where, const Cells& params) const {
    return read<Coding>(table_of(RowKind::coding).select("c") + std::string(where), params, coding_from);
}

std::vector<Coding> SqlRepository::codings() const {
    return query_codings("JOIN documents d ON d.id = c.document_id ORDER BY d.position, c.start, c.\"end\", c.id", {});
}

std::vector<Coding> SqlRepository::codings_of_document(DocumentId id) const {
    return query_codings("WHERE c.document_id = ? ORDER BY c.start, c.\"end\", c.id", {id.value});
}

std::optional<Coding> SqlRepository::find_coding(CodingId id) const {
    auto found = query_codings("WHERE c.id = ?", {id.value});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t SqlRepository::coding_count() const {
    std::int64_t n = 0;
    query("SELECT count(*) FROM codings", {}, [&](const RowCells& c) { n = c.int64(0); });
    return n;
}

void SqlRepository::scan_codings(const std::function<void(const StoredCoding&)>& visit) const {
    query("SELECT id, document_id, start, \"end\", code_id, tag_override, pinned, coder FROM codings", {},
          [&](const RowCells& c) {
              StoredCoding s{CodingId(c.int64(0)), DocumentId(c.int64(1)), Span{CodePoint(c.int64(2)), CodePoint(c.int64(3))},
                             CodeId(c.int64(4)), c.text_view(7), std::nullopt, c.int64(6) != 0};
              if (!c.is_null(5)) s.tag_override = c.text_view(5);
              visit(s);
          });
}

std::vector<Memo> SqlRepository::memos() const {
    return read<Memo>(table_of(RowKind::memo).select() + "ORDER BY id", {}, memo_from);
}

std::vector<Theme> SqlRepository::themes() const {
    auto all = read<Theme>(table_of(RowKind::theme).select() + "ORDER BY position, id", {}, theme_from);
    std::unordered_map<std::int64_t, std::vector<CodeId>> codes;
    query("SELECT theme_id, code_id FROM theme_codes ORDER BY theme_id, position", {},
          [&](const RowCells& c) { codes[c.int64(0)].push_back(CodeId(c.int64(1))); });
    for (auto& t : all) t.codes = codes[t.id.value];
    return in_tree_order(all);
}

std::optional<Row> SqlRepository::find_row(const Row& key) const {
    auto first = [](auto&& rows, auto&& match) -> std::optional<Row> {
        for (auto& r : rows) if (match(r)) return Row(r);
        return std::nullopt;
    };
    auto as_row = [](const auto& found) { return found ? std::optional<Row>(*found) : std::nullopt; };
    return std::visit([&](const auto& k) -> std::optional<Row> {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, Document>) return as_row(find_document(k.id));
        else if constexpr (std::is_same_v<T, Case>) return as_row(find_case(k.id));
        else if constexpr (std::is_same_v<T, Coding>) return as_row(find_coding(k.id));
        else if constexpr (std::is_same_v<T, AttributeValue>) {
            return first(attribute_values(), [&](const AttributeValue& v) {
                return v.case_id == k.case_id && v.attribute_id == k.attribute_id;
            });
        } else if constexpr (std::is_same_v<T, Attribute>) return first(attributes(), [&](const T& r) { return r.id == k.id; });
        else if constexpr (std::is_same_v<T, Code>) return first(codes(), [&](const T& r) { return r.id == k.id; });
        else if constexpr (std::is_same_v<T, Memo>) return first(memos(), [&](const T& r) { return r.id == k.id; });
        else return first(themes(), [&](const T& r) { return r.id == k.id; });
    }, key);
}

// --- History, texts, settings ----------------------------------------------------------------

std::vector<HistoryEntry> SqlRepository::query_history(std::string_view where, const Cells& params, bool with_changes) const {
    return read<HistoryEntry>(std::string(kEntryColumns) + std::string(where), params,
                              [&](const RowCells& c) { return entry_from(c, with_changes); });
}

std::vector<HistoryEntry> SqlRepository::history(const std::optional<std::string>& who, bool with_changes) const {
    if (!who) return query_history("ORDER BY h.seq", {}, with_changes);
    return query_history("WHERE h.who = ? OR h.who = '' ORDER BY h.seq", {*who}, with_changes);
}

std::optional<HistoryEntry> SqlRepository::history_entry(std::int64_t seq) const {
    auto found = query_history("WHERE h.seq = ?", {seq}, true);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::optional<HistoryEntry> SqlRepository::last_change_of(const Row& key, std::int64_t after_seq) const {
    auto found = query_history("JOIN history_rows r ON r.seq = h.seq WHERE r.row_key = ? AND r.seq > ? ORDER BY r.seq DESC LIMIT 1",
                               {row_key(key), after_seq}, true);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<HistoryEntry> SqlRepository::history_after(std::int64_t seq, std::size_t limit) const {
    return query_history("WHERE h.seq > ? ORDER BY h.seq LIMIT ?", {seq, static_cast<std::int64_t>(limit)}, true);
}

std::int64_t SqlRepository::last_history_seq() const {
    std::int64_t seq = 0;
    query("SELECT COALESCE(MAX(seq), 0) FROM history", {}, [&](const RowCells& c) { seq = c.int64(0); });
    return seq;
}

std::string SqlRepository::text(TextId id) const {
    std::optional<std::string> content;
    query("SELECT content FROM texts WHERE id = ?", {id.value}, [&](const RowCells& c) { content = c.text(0); });
    if (!content) throw StoreError("read text", "no text " + std::to_string(id.value));
    return std::move(*content);
}

std::optional<std::string> SqlRepository::setting(std::string_view key) const {
    std::optional<std::string> value;
    query("SELECT value FROM meta WHERE key = ?", {std::string(key)}, [&](const RowCells& c) { value = c.text(0); });
    return value;
}

std::int64_t SqlRepository::change_counter() const { return std::stoll(setting("change_counter").value_or("0")); }

// --- Writes ---------------------------------------------------------------------------------

std::optional<std::int64_t> SqlRepository::stored_version(const Row& row) const {
    const auto& table = table_of(kind_of(row));
    std::optional<std::int64_t> version;
    query("SELECT version FROM " + std::string(table.table) + table.key_condition() + std::string(version_lock()),
          key_cells(row), [&](const RowCells& c) { version = c.int64(0); });
    return version;
}

void SqlRepository::require_version(const Row& row, const char* action) const {
    const auto stored = stored_version(row);
    if (stored && *stored == version_of(row)) return;
    throw ConflictError(std::string("cannot ") + action + " " + describe(row) + ": " +
                        (stored ? "it was changed by another writer (version " + std::to_string(*stored) +
                                      ", expected " + std::to_string(version_of(row)) + ")"
                                : "it no longer exists"));
}

// The store refuses a row whose references dangle (foreign keys): when another writer deleted
// what a row refers to, or added rows referring to one being deleted.
template <class F>
void SqlRepository::refusing_dangling(const Row& row, const char* action, F&& f) {
    try {
        f();
    } catch (const StoreError& e) {
        if (!is_dangling_reference(e)) throw;
        throw ConflictError(std::string("cannot ") + action + " " + describe(row) +
                            (std::string(action) == "delete" ? ": other rows now refer to it" : ": a row it refers to no longer exists"));
    }
}

void SqlRepository::require_transaction() const {
    if (!in_transaction()) throw StoreError("write a row", "no transaction is open");
}

void SqlRepository::insert(const Row& row) {
    require_transaction();
    if (stored_version(row)) {
        throw ConflictError("cannot add " + describe(row) + ": a row with its id exists (another writer took it); nothing was changed");
    }
    refusing_dangling(row, "add", [&] { write(row); });
}

void SqlRepository::update(const Row& before, const Row& after) {
    require_transaction();
    require_version(before, "change");
    refusing_dangling(after, "change", [&] { write(after); });
}

void SqlRepository::erase(const Row& row) {
    require_transaction();
    require_version(row, "delete");
    refusing_dangling(row, "delete", [&] { remove(row); });
}

void SqlRepository::write_document(const Document& d) {
    execute(table_of(RowKind::document).upsert(), to_cells(d));
    execute("DELETE FROM turns WHERE document_id = ?", {d.id.value});
    if (!d.turns.empty()) insert_rows(turn_columns(), turn_cells(d));
}

void SqlRepository::write(const Row& row) {
    if (const auto* d = std::get_if<Document>(&row)) return write_document(*d);
    execute(table_of(kind_of(row)).upsert(), to_cells(row));
    if (const auto* t = std::get_if<Theme>(&row)) {
        execute("DELETE FROM theme_codes WHERE theme_id = ?", {t->id.value});
        if (!t->codes.empty()) insert_rows(theme_code_columns(), theme_code_cells(*t));
    }
}

void SqlRepository::remove(const Row& row) {
    const auto& table = table_of(kind_of(row));
    execute("DELETE FROM " + std::string(table.table) + table.key_condition(), key_cells(row));
}

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
// The history table (the audit log) and the id counters of the project file.
#include <set>

#include "core/error.h"
#include "project_file.h"
#include "row_codec.h"

namespace comb::store {
using namespace comb::core;

namespace {

const char* table_of(RowKind kind) {
    if (kind == RowKind::attribute_value) throw StoreError("reserve id", "attribute values have no id");
    return row_kind_info(kind).table;
}

HistoryEntry::Kind parse_kind(const std::string& s) {
    if (s == "undo") return HistoryEntry::Kind::undo;
    if (s == "redo") return HistoryEntry::Kind::redo;
    return HistoryEntry::Kind::command;
}

constexpr const char* kEntryColumns = "SELECT h.seq, h.label, h.time, h.applied, h.who, h.kind, h.target, h.changes FROM history h ";

HistoryEntry read_entry(const Statement& st, bool with_changes) {
    HistoryEntry e;
    e.seq = st.int64(0);
    e.label = st.text(1);
    e.time = st.text(2);
    e.applied = st.int64(3) != 0;
    e.who = st.text(4);
    e.kind = parse_kind(st.text(5));
    if (!st.is_null(6)) e.target = st.int64(6);
    if (with_changes) e.changes = decode_changes(st.text(7));
    return e;
}

}  // namespace

std::int64_t ProjectFile::reserve_id(RowKind kind) {
    // A counter per kind in meta, moved on inside the write transaction: an id freed by a
    // delete or an undo is never handed out again, so a redo or a stale view can never meet
    // another row under the same id. MAX(id) + 1 guards files whose counter lags.
    const std::string key = "next_id:" + std::string(to_string(kind));
    Statement get(db_, std::string("SELECT MAX(COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 1), "
                                   "(SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table_of(kind) + "))");
    get.bind(1, key);
    get.step();
    const std::int64_t id = get.int64(0);
    set_setting(key, std::to_string(id + 1));
    return id;
}

std::int64_t ProjectFile::append_history(const HistoryEntry& entry) {
    Statement st(db_, "INSERT INTO history(label, time, changes, applied, who, kind, target) VALUES(?, ?, ?, 1, ?, ?, ?)");
    st.bind(1, entry.label).bind(2, entry.time).bind(3, encode_changes(entry.changes)).bind(4, entry.who)
        .bind(5, to_string(entry.kind));
    if (entry.target) st.bind(6, *entry.target); else st.bind(6, std::nullopt);
    st.run();
    const std::int64_t seq = db_.last_insert_id();
    std::set<std::string> keys;
    for (const auto& c : entry.changes.changes) keys.insert(row_key(c.after ? *c.after : *c.before));
    Statement rows(db_, "INSERT INTO history_rows(seq, row_key) VALUES(?, ?)");
    for (const auto& k : keys) rows.bind(1, seq).bind(2, k).run();
    return seq;
}

std::vector<HistoryEntry> ProjectFile::history(const std::optional<std::string>& who, bool with_changes) const {
    Statement st(db_, std::string(kEntryColumns) + (who ? "WHERE h.who = ? OR h.who = '' " : "") + "ORDER BY h.seq");
    if (who) st.bind(1, *who);
    std::vector<HistoryEntry> out;
    while (st.step()) out.push_back(read_entry(st, with_changes));
    return out;
}

std::optional<HistoryEntry> ProjectFile::history_entry(std::int64_t seq) const {
    Statement st(db_, std::string(kEntryColumns) + "WHERE h.seq = ?");
    st.bind(1, seq);
    if (!st.step()) return std::nullopt;
    return read_entry(st, true);
}

std::optional<HistoryEntry> ProjectFile::last_change_of(const Row& key, std::int64_t after_seq) const {
    Statement st(db_, std::string(kEntryColumns) +
                          "JOIN history_rows r ON r.seq = h.seq WHERE r.row_key = ? AND r.seq > ? ORDER BY r.seq DESC LIMIT 1");
    st.bind(1, row_key(key)).bind(2, after_seq);
    if (!st.step()) return std::nullopt;
    return read_entry(st, true);
}

std::int64_t ProjectFile::data_version() const {
    Statement st(db_, "PRAGMA data_version");
    return st.step() ? st.int64(0) : 0;
}

std::vector<HistoryEntry> ProjectFile::history_after(std::int64_t seq, std::size_t limit) const {
    Statement st(db_, std::string(kEntryColumns) + "WHERE h.seq > ? ORDER BY h.seq LIMIT ?");
    st.bind(1, seq).bind(2, static_cast<std::int64_t>(limit));
    std::vector<HistoryEntry> out;
    while (st.step()) out.push_back(read_entry(st, true));
    return out;
}

std::int64_t ProjectFile::last_history_seq() const {
    Statement st(db_, "SELECT COALESCE(MAX(seq), 0) FROM history");
    return st.step() ? st.int64(0) : 0;
}

}  // namespace comb::store

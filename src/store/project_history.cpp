// SPDX-License-Identifier: GPL-3.0-or-later
// Appending to the history (the audit log) and the id counters of the project file; reading the
// history is SqlRepository's.
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

std::int64_t ProjectFile::data_version() const {
    Statement st(db_, "PRAGMA data_version");
    return st.step() ? st.int64(0) : 0;
}

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "coding_counts.h"
#include "core/error.h"

namespace comb::store {
namespace {

// Version 1, the first release. Foreign keys guard every reference between entities; only
// rows owned by one parent (turns, theme members) cascade, so a delete never removes more
// than its command recorded for undo.
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE texts(id INTEGER PRIMARY KEY, hash TEXT NOT NULL, content TEXT NOT NULL);
CREATE INDEX texts_hash ON texts(hash);
CREATE TABLE cases(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '');
CREATE TABLE documents(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  case_id INTEGER REFERENCES cases(id),
  text_id INTEGER NOT NULL REFERENCES texts(id),
  chars INTEGER NOT NULL, position INTEGER NOT NULL,
  paragraphs TEXT NOT NULL, metadata TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE turns(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  body_start INTEGER NOT NULL, body_end INTEGER NOT NULL,
  speaker TEXT NOT NULL, is_interviewer INTEGER NOT NULL,
  time_start REAL, time_end REAL,
  PRIMARY KEY(document_id, seq));
CREATE TABLE attributes(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, type TEXT NOT NULL, choices TEXT NOT NULL);
CREATE TABLE attribute_values(
  case_id INTEGER NOT NULL REFERENCES cases(id),
  attribute_id INTEGER NOT NULL REFERENCES attributes(id),
  value TEXT NOT NULL, PRIMARY KEY(case_id, attribute_id));
CREATE TABLE codes(
  id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES codes(id),
  name TEXT NOT NULL, colour TEXT NOT NULL, definition TEXT NOT NULL, inclusion TEXT NOT NULL,
  exclusion TEXT NOT NULL, example TEXT NOT NULL,
  comb TEXT NOT NULL, tdf TEXT NOT NULL, level TEXT, actor TEXT NOT NULL, valence TEXT,
  position INTEGER NOT NULL, guid TEXT NOT NULL, inductive INTEGER NOT NULL);
CREATE INDEX codes_parent ON codes(parent_id);
CREATE TABLE codings(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  code_id INTEGER NOT NULL REFERENCES codes(id),
  coder TEXT NOT NULL, created TEXT NOT NULL, tag_override TEXT, pinned INTEGER NOT NULL,
  CHECK(start >= 0 AND "end" > start));
CREATE INDEX codings_document ON codings(document_id, start);
CREATE INDEX codings_code ON codings(code_id);
CREATE TABLE memos(
  id INTEGER PRIMARY KEY, target TEXT NOT NULL, target_id INTEGER NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL, author TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE themes(
  id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES themes(id),
  name TEXT NOT NULL UNIQUE, description TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE theme_codes(
  theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id),
  position INTEGER NOT NULL, PRIMARY KEY(theme_id, code_id));
CREATE TABLE history(
  seq INTEGER PRIMARY KEY, label TEXT NOT NULL, time TEXT NOT NULL,
  changes TEXT NOT NULL, applied INTEGER NOT NULL);
INSERT INTO meta VALUES('change_counter', '0');
INSERT INTO meta VALUES('language', 'en');
)SQL";

// Version 3: a version per row (optimistic concurrency), history as the append-only audit
// log (who, kind, target; history_rows finds the entries that touched a row) and an id
// counter per kind, started above every id the tables or the history ever held.
void migrate_to_3(Connection& db) {
    for (const char* table : {"documents", "cases", "attributes", "attribute_values", "codes", "codings", "memos", "themes"}) {
        db.exec(std::string("ALTER TABLE ") + table + " ADD COLUMN version INTEGER NOT NULL DEFAULT 1");
    }
    db.exec(R"SQL(
ALTER TABLE history ADD COLUMN who TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN kind TEXT NOT NULL DEFAULT 'command';
ALTER TABLE history ADD COLUMN target INTEGER;
CREATE TABLE history_rows(seq INTEGER NOT NULL REFERENCES history(seq), row_key TEXT NOT NULL);
CREATE INDEX history_rows_key ON history_rows(row_key, seq);
CREATE INDEX history_who ON history(who, seq);
CREATE TEMP VIEW history_changes AS
  SELECT h.seq AS seq,
         COALESCE(json_extract(c.value, '$.after.kind'), json_extract(c.value, '$.before.kind')) AS kind,
         COALESCE(json_extract(c.value, '$.after.id'), json_extract(c.value, '$.before.id')) AS id,
         COALESCE(json_extract(c.value, '$.after.case'), json_extract(c.value, '$.before.case')) AS case_id,
         COALESCE(json_extract(c.value, '$.after.attribute'), json_extract(c.value, '$.before.attribute')) AS attribute_id
  FROM history h, json_each(h.changes) c;
INSERT INTO history_rows(seq, row_key)
  SELECT DISTINCT seq, CASE WHEN kind = 'attribute_value' THEN kind || ':' || case_id || ':' || attribute_id
                            ELSE kind || ':' || id END
  FROM history_changes;
)SQL");
    const std::pair<const char*, const char*> kinds[] = {{"document", "documents"}, {"case", "cases"}, {"attribute", "attributes"},
                                                         {"code", "codes"}, {"coding", "codings"}, {"memo", "memos"}, {"theme", "themes"}};
    for (const auto& [kind, table] : kinds) {
        db.exec(std::string("INSERT INTO meta(key, value) SELECT 'next_id:") + kind + "', MAX(" +
                "COALESCE((SELECT MAX(id) FROM " + table + "), 0), " +
                "COALESCE((SELECT MAX(id) FROM history_changes WHERE kind = '" + kind + "'), 0)) + 1");
    }
    db.exec("DROP VIEW history_changes");
}

// Migrations from version N to N+1 go here, index N-1. A new file is made as version 1 and
// brought up by the same steps, so old and new files cannot differ.
const std::vector<std::function<void(Connection&)>>& migrations() {
    static const std::vector<std::function<void(Connection&)>> steps = {
        // 1 -> 2: codes that may not be applied (REFI-QDA isCodable="false"); every old code may.
        [](Connection& db) { db.exec("ALTER TABLE codes ADD COLUMN codable INTEGER NOT NULL DEFAULT 1"); },
        // 2 -> 3: several writers (docs/concurrency.md).
        migrate_to_3,
        // 3 -> 4: the count table kept by triggers on codings (coding_counts.h; issue 17).
        add_coding_counts,
    };
    return steps;
}

}  // namespace

int schema_version(Connection& db) {
    Statement st(db, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void create_schema(Connection& db) {
    db.exec("BEGIN");
    db.exec(kSchemaV1);
    for (const auto& step : migrations()) step(db);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    db.exec("COMMIT");
}

void migrate(Connection& db, const std::string& path) {
    const int version = schema_version(db);
    if (version > kSchemaVersion) {
        throw core::InputError({path}, "written by a newer Comb (schema " + std::to_string(version) +
                                           "; this build reads up to " + std::to_string(kSchemaVersion) + ")");
    }
    if (version == kSchemaVersion) return;
    if (version < 1) throw core::InputError({path}, "not a Comb project (no schema version)");
    db.exec("BEGIN IMMEDIATE");
    try {
        for (int v = version; v < kSchemaVersion; ++v) migrations().at(static_cast<std::size_t>(v - 1))(db);
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        db.exec("COMMIT");
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
}

}  // namespace comb::store

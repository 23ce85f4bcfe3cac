// SPDX-License-Identifier: GPL-3.0-or-later
#include "pg_schema.h"

#include <functional>
#include <vector>

#include "core/error.h"
#include "store/schema.h"

namespace comb::store {
namespace {

// The SQLite schema at version 3 (v1 + codable + versions, who/kind/target, history_rows),
// translated: BIGINT ids, DOUBLE PRECISION times, the same names, keys and references.
constexpr const char* kPgSchemaV3 = R"SQL(
CREATE TABLE comb_migrations(version INTEGER PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE texts(id BIGINT PRIMARY KEY, hash TEXT NOT NULL, content TEXT NOT NULL);
CREATE INDEX texts_hash ON texts(hash);
CREATE TABLE cases(id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1);
CREATE TABLE documents(
  id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  case_id BIGINT REFERENCES cases(id),
  text_id BIGINT NOT NULL REFERENCES texts(id),
  chars BIGINT NOT NULL, position BIGINT NOT NULL,
  paragraphs TEXT NOT NULL, metadata TEXT NOT NULL, created TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1);
CREATE TABLE turns(
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  body_start BIGINT NOT NULL, body_end BIGINT NOT NULL,
  speaker TEXT NOT NULL, is_interviewer BIGINT NOT NULL,
  time_start DOUBLE PRECISION, time_end DOUBLE PRECISION,
  PRIMARY KEY(document_id, seq));
CREATE TABLE attributes(id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, type TEXT NOT NULL, choices TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1);
CREATE TABLE attribute_values(
  case_id BIGINT NOT NULL REFERENCES cases(id),
  attribute_id BIGINT NOT NULL REFERENCES attributes(id),
  value TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1, PRIMARY KEY(case_id, attribute_id));
CREATE TABLE codes(
  id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES codes(id),
  name TEXT NOT NULL, colour TEXT NOT NULL, definition TEXT NOT NULL, inclusion TEXT NOT NULL,
  exclusion TEXT NOT NULL, example TEXT NOT NULL,
  comb TEXT NOT NULL, tdf TEXT NOT NULL, level TEXT, actor TEXT NOT NULL, valence TEXT,
  position BIGINT NOT NULL, guid TEXT NOT NULL, inductive BIGINT NOT NULL,
  codable BIGINT NOT NULL DEFAULT 1, version BIGINT NOT NULL DEFAULT 1);
CREATE INDEX codes_parent ON codes(parent_id);
CREATE TABLE codings(
  id BIGINT PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id),
  start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  code_id BIGINT NOT NULL REFERENCES codes(id),
  coder TEXT NOT NULL, created TEXT NOT NULL, tag_override TEXT, pinned BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  CHECK(start >= 0 AND "end" > start));
CREATE INDEX codings_document ON codings(document_id, start);
CREATE INDEX codings_code ON codings(code_id);
CREATE TABLE memos(
  id BIGINT PRIMARY KEY, target TEXT NOT NULL, target_id BIGINT NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL, author TEXT NOT NULL, created TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1);
CREATE TABLE themes(
  id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES themes(id),
  name TEXT NOT NULL UNIQUE, description TEXT NOT NULL, position BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1);
CREATE TABLE theme_codes(
  theme_id BIGINT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  code_id BIGINT NOT NULL REFERENCES codes(id),
  position BIGINT NOT NULL, PRIMARY KEY(theme_id, code_id));
CREATE TABLE history(
  seq BIGINT PRIMARY KEY, label TEXT NOT NULL, time TEXT NOT NULL,
  changes TEXT NOT NULL, applied BIGINT NOT NULL,
  who TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'command', target BIGINT);
CREATE TABLE history_rows(seq BIGINT NOT NULL REFERENCES history(seq), row_key TEXT NOT NULL);
CREATE INDEX history_rows_key ON history_rows(row_key, seq);
CREATE INDEX history_who ON history(who, seq);
INSERT INTO meta VALUES('change_counter', '0');
INSERT INTO meta VALUES('language', 'en');
INSERT INTO meta VALUES('application', 'comb');
)SQL";

// Roles (PostgreSQL only): who may do what, checked by the server itself, so no client can
// skip it. A person is a PostgreSQL login (session_user). With no roles set, everyone who can
// connect may do everything; comb new makes its maker the owner. Readers change nothing;
// coders change everything but may not delete documents or codes; owners may do all and set
// roles (comb role).
constexpr const char* kPgRoles = R"SQL(
CREATE TABLE comb_roles(person TEXT PRIMARY KEY, role TEXT NOT NULL CHECK(role IN ('owner', 'coder', 'reader')));
CREATE FUNCTION comb_check_role() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r TEXT;
BEGIN
  SELECT role INTO r FROM comb_roles WHERE person = session_user;
  IF r IS NULL THEN
    IF EXISTS(SELECT 1 FROM comb_roles) THEN
      RAISE EXCEPTION USING ERRCODE = '42501',
        MESSAGE = session_user || ' has no role in this project; its owner can give one (comb role)';
    END IF;
  ELSIF r = 'reader' THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = session_user || ' is a reader of this project and cannot change it';
  ELSIF r = 'coder' AND TG_OP = 'DELETE' AND TG_TABLE_NAME IN ('documents', 'codes') THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = session_user || ' is a coder of this project: only its owners delete ' || TG_TABLE_NAME;
  ELSIF r = 'coder' AND TG_TABLE_NAME = 'comb_roles' THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = session_user || ' is a coder of this project: only its owners set roles';
  END IF;
  RETURN NULL;
END $$;
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['meta', 'texts', 'cases', 'documents', 'turns', 'attributes', 'attribute_values', 'codes',
                           'codings', 'memos', 'themes', 'theme_codes', 'history', 'history_rows', 'comb_roles'] LOOP
    EXECUTE format('CREATE TRIGGER comb_role_check BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION comb_check_role()', t);
  END LOOP;
END $$;
INSERT INTO comb_roles VALUES(session_user, 'owner');
)SQL";

// Steps from version N to N+1 (index N - kPgBaseVersion). A step that the SQLite store gains
// gets its PostgreSQL twin here, so both stay at one version.
const std::vector<std::function<void(PgConnection&)>>& pg_migrations() {
    static const std::vector<std::function<void(PgConnection&)>> steps = {
        // 3 -> 4: SQLite's coding_counts table. The server answers counts with a GROUP BY over
        // codings (Repository's default scan_coding_counts), so it needs no table of its own.
        [](PgConnection&) {},
    };
    return steps;
}

constexpr int kPgBaseVersion = 3;

bool has_table(PgConnection& db, const char* name) {
    return db.exec("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
                   {name}).rows() > 0;
}

}  // namespace

int pg_schema_version(PgConnection& db) {
    if (!has_table(db, "comb_migrations")) return 0;
    auto r = db.exec("SELECT COALESCE(MAX(version), 0) FROM comb_migrations");
    return static_cast<int>(r.int64(0, 0));
}

void create_pg_schema(PgConnection& db) {
    if (has_table(db, "comb_migrations")) throw core::InputError({db.safe_uri()}, "already holds a Comb project; comb new will not overwrite it");
    if (db.exec("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema()").rows() > 0) {
        throw core::InputError({db.safe_uri()}, "the database is not empty; give comb new an empty database");
    }
    db.exec_script("BEGIN");
    try {
        db.exec_script(kPgSchemaV3);
        db.exec_script(kPgRoles);
        db.exec("INSERT INTO comb_migrations(version) VALUES(?)", {kPgBaseVersion});
        for (std::size_t i = 0; i < pg_migrations().size(); ++i) {
            pg_migrations()[i](db);
            db.exec("INSERT INTO comb_migrations(version) VALUES(?)", {static_cast<int>(kPgBaseVersion + i + 1)});
        }
        db.exec_script("COMMIT");
    } catch (...) {
        try { db.exec_script("ROLLBACK"); } catch (const std::exception&) {}
        throw;
    }
}

void check_pg_schema(PgConnection& db) {
    const int version = pg_schema_version(db);
    if (version == 0) {
        throw core::InputError({db.safe_uri()}, "not a Comb project (the database holds none; comb new URI makes one)");
    }
    if (version > kSchemaVersion) {
        throw core::InputError({db.safe_uri()}, "written by a newer Comb (schema " + std::to_string(version) +
                                                    "; this build reads up to " + std::to_string(kSchemaVersion) + ")");
    }
    if (version == kSchemaVersion) return;
    db.exec_script("BEGIN");
    try {
        db.exec("SELECT pg_advisory_xact_lock(?)", {std::int64_t{0x436F6D62}});
        for (int v = pg_schema_version(db); v < kSchemaVersion; ++v) {
            pg_migrations().at(static_cast<std::size_t>(v - kPgBaseVersion))(db);
            db.exec("INSERT INTO comb_migrations(version) VALUES(?)", {v + 1});
        }
        db.exec_script("COMMIT");
    } catch (...) {
        try { db.exec_script("ROLLBACK"); } catch (const std::exception&) {}
        throw;
    }
}

}  // namespace comb::store

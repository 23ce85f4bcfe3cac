// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PostgreSQL project's schema: the SQLite project file's tables (src/store/schema.cpp)
// in PostgreSQL's types, and a migrations table in place of PRAGMA user_version.
#include "pg_connection.h"

namespace comb::store {

// Creates the latest schema in an empty database, in one transaction. Throws InputError when
// the database already holds a Comb project or other tables.
void create_pg_schema(PgConnection& db);
// Checks the database holds a Comb project and brings an older one up to date. Throws
// InputError for an empty database, another application's tables or a newer schema.
void check_pg_schema(PgConnection& db);
int pg_schema_version(PgConnection& db);

}  // namespace comb::store

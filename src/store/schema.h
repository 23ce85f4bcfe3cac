// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project file's schema and its forward migrations. PRAGMA application_id marks a
// Comb project; PRAGMA user_version holds the schema version.
#include "connection.h"

namespace comb::store {

inline constexpr int kApplicationId = 0x436F6D62;  // "Comb"
inline constexpr int kSchemaVersion = 4;

// Creates the latest schema in an empty database.
void create_schema(Connection& db);
// Brings an older file up to kSchemaVersion, one step per version, in one transaction.
// Throws InputError for a newer schema than this build knows.
void migrate(Connection& db, const std::string& path);
int schema_version(Connection& db);

}  // namespace comb::store

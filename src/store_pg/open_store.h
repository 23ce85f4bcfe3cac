// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a project is: a file (*.comb, the SQLite store) or a PostgreSQL server
// (postgresql://user@host:port/database?sslmode=require, the shared store). The CLI and the
// GUI open projects only through these, so neither needs to know which store it has.
// Passwords come from libpq's usual places (~/.pgpass, PGPASSWORD, the URI); Comb never
// writes one down.
#include <filesystem>
#include <memory>
#include <string>

#include "core/repository.h"

namespace comb::store {

bool is_server_location(std::string_view location);

// Opens the project at `location`. Throws InputError (no such file or database, not a
// Comb project, cannot connect) or StoreError.
std::unique_ptr<core::Repository> open_store(const std::string& location);
// Makes a new, empty project there: a new file, or the schema in an empty database.
std::unique_ptr<core::Repository> create_store(const std::string& location);

// The path the local search index is kept beside: the file itself, or for a server a
// stand-in path in the local state folder ($XDG_STATE_HOME/comb/<hash of the location
// without its password>/project), so each server project has its own cache.
std::filesystem::path local_index_anchor(const std::string& location);
// The location as it may be shown and remembered: a server URI without its password.
std::string display_location(const std::string& location);

}  // namespace comb::store

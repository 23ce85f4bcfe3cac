// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a project path allows, checked before SQLite touches it, so that every path that
// cannot be used is refused with an InputError naming the path and the reason (CLI exit 1)
// instead of SQLite's "unable to open database file": a folder that does not exist or cannot
// be written, a folder or a device given as the project, a file that cannot be read.
#include <filesystem>
#include <optional>
#include <string>

namespace comb::store {

// For a project to be made at `path`. Throws InputError.
void check_new_project_path(const std::filesystem::path& path);
// For an existing project at `path`. Throws InputError.
void check_project_path(const std::filesystem::path& path);
// Throws DamagedError when the project's wal-index (NAME.comb-shm) says its write-ahead log
// holds committed changes but NAME.comb-wal is missing or shorter: they are lost, and SQLite
// would open the older file without a word (a WAL deleted by hand, or left behind by a copy).
void check_wal_present(const std::filesystem::path& path);
// Why the project at `path` cannot be written ("no write permission", "on a read-only file
// system", "its folder cannot be written"), or nothing when it can.
std::optional<std::string> read_only_reason(const std::filesystem::path& path);

}  // namespace comb::store

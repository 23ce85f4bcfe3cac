// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Backups: the one way Comb copies a project (docs/storage.md). A copy is always made with
// SQLite's online backup API through the project's own connection, so it holds one committed
// state of the project (never a file copy of a live WAL database), and it opens no second
// descriptor on the project file (whose POSIX locks a close would drop). It is written under a
// temporary name and renamed into place: a failed copy (a full disk) leaves nothing behind.
//
// Where: NAME.comb-backups/ beside the project, or the folder in the project's setting
// `backup_folder`. Named NAME-<UTC time>-<reason>.comb. Taken before every merge, schema
// migration, pseudonymisation, bulk delete and restore, and rolling copies (reason "rolling")
// every `backup_every_hours` (default 24; 0 turns them off), of which the newest
// `backup_keep` (default 7) are kept; the same number of each automatic reason is kept.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/project_file.h"

struct sqlite3;

namespace comb::store {

struct BackupPolicy {
    std::filesystem::path folder;
    int keep = 7;          // newest copies kept per automatic reason
    int every_hours = 24;  // rolling copies; 0: none
};

struct BackupInfo {
    std::filesystem::path path;
    std::string time;    // ISO 8601 UTC, from the name
    std::string reason;  // "rolling", "merge", "manual", ...
    std::uintmax_t bytes = 0;
};

inline constexpr const char* kBackupFolderSetting = "backup_folder";
inline constexpr const char* kBackupKeepSetting = "backup_keep";
inline constexpr const char* kBackupEverySetting = "backup_every_hours";

// NAME.comb-backups beside the project.
std::filesystem::path default_backup_folder(const std::filesystem::path& project);
// The project's policy (its settings; defaults for what is not set).
BackupPolicy backup_policy(const ProjectFile& file);

// Copies the project into the policy's folder as NAME-<utc>-<reason>.comb, then removes the
// oldest copies of that reason beyond `keep` ("manual" copies are never removed). `utc` is an
// ISO 8601 UTC time (the project's clock). Returns the copy's path. Throws InputError ("disk
// full" naming the path, a folder that cannot be written), StoreError otherwise.
std::filesystem::path backup_project(ProjectFile& file, std::string_view reason, std::string_view utc);
// Copies the project to `target`, which must not exist yet. Throws like backup_project.
void backup_to(ProjectFile& file, const std::filesystem::path& target);
// A rolling copy when the newest one is older than `every_hours` (or there is none). Returns
// its path, or nothing when none was due.
std::optional<std::filesystem::path> rolling_backup(ProjectFile& file, std::string_view utc);

// The backups of `project` in `folder` (default: NAME.comb-backups), newest first.
std::vector<BackupInfo> list_backups(const std::filesystem::path& project,
                                     const std::optional<std::filesystem::path>& folder = std::nullopt);
// The building blocks (restore uses them): copies the database open on `source` to `target`
// through the backup API, under a temporary name renamed into place; and the name of a new
// backup of `project` in `folder` (made if missing). Throw like backup_project.
void copy_database(sqlite3* source, const std::filesystem::path& target);
std::filesystem::path backup_target(const std::filesystem::path& project, const std::filesystem::path& folder,
                                    std::string_view reason, std::string_view utc);

// Removes the oldest copies of `reason` beyond `keep`; returns how many were removed.
std::size_t rotate_backups(const std::filesystem::path& project, const std::filesystem::path& folder,
                           std::string_view reason, int keep);

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A consistent copy of an open project file, made with SQLite's online backup API through the
// project's own connection (no second descriptor on the project file, whose POSIX locks a
// close would drop). Copies go beside the project, in NAME.comb-backups/. A general backup
// API (`comb backup`, rolling copies) is planned with issue #18; this is the copy taken before
// a merge.
#include <filesystem>
#include <string_view>

#include "store/project_file.h"

namespace comb::store {

// Writes NAME.comb-backups/NAME-<UTC time>-<reason>.comb and returns its path. `utc` is an ISO
// 8601 UTC time (the project's clock). Throws StoreError when the copy cannot be written.
std::filesystem::path backup_project(ProjectFile& file, std::string_view reason, std::string_view utc);

}  // namespace comb::store

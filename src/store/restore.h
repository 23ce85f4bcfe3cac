// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Restoring a backup over a project (docs/storage.md). The backup is checked first (a whole
// Comb project this build can read). A project that exists is replaced only when asked
// (`force`), only while no other Comb process has it open (the lock sidecar's "alone" lock,
// docs/concurrency.md, held for the whole restore so nobody opens it meanwhile), and only after
// a backup of what it holds now (reason "before-restore"), so a restore can itself be undone by
// restoring that copy. The contents are written through SQLite's backup API into the project's
// own file, in one transaction; the search index is removed and rebuilt on next use.
#include <filesystem>
#include <string>
#include <string_view>

namespace comb::store {

struct RestoreResult {
    std::filesystem::path replaced;  // the backup of what the project held; empty for a new file
};

// Throws InputError: a backup that is not a whole Comb project, a project that exists without
// `force`, a project open in another Comb process, paths that cannot be used, a full disk.
RestoreResult restore_backup(const std::filesystem::path& backup, const std::filesystem::path& project, bool force,
                             std::string_view utc);

}  // namespace comb::store

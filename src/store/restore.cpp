// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/restore.h"

#include <sqlite3.h>

#include "core/error.h"
#include "store/backup.h"
#include "store/connection.h"
#include "store/damage.h"
#include "store/project_lock.h"
#include "store/project_paths.h"
#include "store/schema.h"

namespace comb::store {
namespace fs = std::filesystem;
using core::InputError;

namespace {

// The backup, opened read-only and checked: a Comb project, whole, of a schema we read.
Connection open_backup(const fs::path& backup) {
    check_project_path(backup);
    std::error_code ec;
    const bool has_wal = fs::exists(backup.string() + "-wal", ec) && fs::file_size(backup.string() + "-wal", ec) > 0;
    Connection db = Connection::read_only(backup.string(), !has_wal);
    try {
        Statement app(db, "PRAGMA application_id");
        if (!app.step() || app.int64(0) != kApplicationId) throw InputError({backup.string()}, "not a Comb project");
        Statement check(db, "PRAGMA integrity_check");
        if (!check.step() || check.text(0) != "ok") throw InputError({backup.string()}, "the backup is damaged (" + check.text(0) + ")");
        if (schema_version(db) > kSchemaVersion) {
            throw InputError({backup.string()}, "written by a newer Comb (schema " + std::to_string(schema_version(db)) + ")");
        }
    } catch (const DamagedError& e) {
        throw InputError({backup.string()}, "the backup is damaged (" + e.detail() + ")");
    }
    return db;
}

// Copies what the project holds now into its backup folder. A project SQLite cannot copy
// (damaged) is copied as files: nobody has it open, so its file and WAL are still.
fs::path keep_current(const fs::path& project, std::string_view utc) {
    const fs::path target = backup_target(project, default_backup_folder(project), "before-restore", utc);
    try {
        Connection current(project.string(), false);
        current.keep_wal_on_close(true);
        copy_database(current.handle(), target);
        return target;
    } catch (const DamagedError&) {
    } catch (const core::StoreError&) {
    }
    const fs::path raw = target.parent_path() / (target.stem().string() + "-damaged.comb");
    std::error_code ec;
    fs::copy_file(project, raw, ec);
    if (ec) throw InputError({raw.string()}, "the damaged project could not be kept before the restore: " + ec.message());
    if (fs::exists(project.string() + "-wal")) fs::copy_file(project.string() + "-wal", raw.string() + "-wal", ec);
    return raw;
}

// Writes the backup's pages into the project's own file in one transaction.
bool restore_in_place(sqlite3* source, const fs::path& project) {
    try {
        Connection dest(project.string(), false);
        dest.keep_wal_on_close(false);  // alone (run_alone): closing may checkpoint and remove the WAL
        sqlite3_backup* b = sqlite3_backup_init(dest.handle(), "main", source, "main");
        if (!b) return false;
        const int rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
        if ((rc & 0xff) == SQLITE_FULL) throw InputError({project.string()}, "disk full: nothing was restored, the project is unchanged");
        if (rc != SQLITE_DONE) return false;
        dest.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return true;
    } catch (const DamagedError&) {
        return false;
    } catch (const core::StoreError&) {
        return false;
    }
}

// For a project SQLite cannot write into (damaged): a new file renamed over it, its WAL gone.
void replace_file(sqlite3* source, const fs::path& project) {
    const fs::path fresh = project.parent_path() / ("." + project.filename().string() + ".restored");
    std::error_code ec;
    fs::remove(fresh, ec);
    copy_database(source, fresh);
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(project.string() + suffix, ec);
    fs::rename(fresh, project, ec);
    if (ec) throw InputError({project.string()}, "the restored copy could not be put in place: " + ec.message());
}

}  // namespace

RestoreResult restore_backup(const fs::path& backup, const fs::path& project, bool force, std::string_view utc) {
    Connection source = open_backup(backup);
    RestoreResult result;
    std::error_code ec;
    if (!fs::exists(project, ec)) {
        check_new_project_path(project);
        copy_database(source.handle(), project);
        return result;
    }
    check_project_path(project);
    if (!force) {
        throw InputError({project.string()}, "already exists; give --force to replace it (what it holds now is backed up first)");
    }
    if (const auto reason = read_only_reason(project)) throw InputError({project.string()}, "cannot be replaced: " + *reason);
    ProjectLock lock(project);
    const bool alone = lock.run_alone([&] {
        result.replaced = keep_current(project, utc);
        if (!restore_in_place(source.handle(), project)) replace_file(source.handle(), project);
        // The search index (NAME.comb-index, index::PassageIndex::folder_for) is built again.
        fs::remove_all(project.parent_path() / (project.stem().string() + ".comb-index"), ec);
    });
    if (!alone) {
        throw InputError({project.string()}, "is open in another Comb window or command; close it there first, nothing was restored");
    }
    return result;
}

}  // namespace comb::store

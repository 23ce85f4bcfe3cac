// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/backup.h"

#include <sqlite3.h>

#include <algorithm>

#include "core/error.h"

namespace comb::store {
namespace {

// "2026-12-03T07:41:09Z" -> "20261203T074109Z": safe in file names everywhere.
std::string compact_time(std::string_view utc) {
    std::string out;
    for (char c : utc) if (c != '-' && c != ':') out += c;
    return out;
}

}  // namespace

std::filesystem::path backup_project(ProjectFile& file, std::string_view reason, std::string_view utc) {
    namespace fs = std::filesystem;
    const fs::path project = file.path();
    const fs::path folder = project.parent_path() / (project.filename().string() + "-backups");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw core::StoreError("create " + folder.string(), ec.message());
    const std::string stem = project.stem().string() + "-" + compact_time(utc) + "-" + std::string(reason);
    fs::path target = folder / (stem + ".comb");
    for (int n = 2; fs::exists(target); ++n) target = folder / (stem + "-" + std::to_string(n) + ".comb");

    Connection dest(target.string(), true);
    sqlite3_backup* backup = sqlite3_backup_init(dest.handle(), "main", file.connection().handle(), "main");
    if (!backup) dest.fail("backup " + project.string());
    // One step copies every page, so the copy is of one committed state of the project.
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        fs::remove(target, ec);
        throw core::StoreError("backup " + project.string() + " to " + target.string(), sqlite3_errstr(rc));
    }
    return target;
}

}  // namespace comb::store

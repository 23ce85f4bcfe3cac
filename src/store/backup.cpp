// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/backup.h"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <unistd.h>

#include "core/error.h"

namespace comb::store {
namespace fs = std::filesystem;
namespace {

// "2026-12-03T07:41:09Z" -> "20261203T074109Z": safe in file names everywhere.
std::string compact_time(std::string_view utc) {
    std::string out;
    for (char c : utc) if (c != '-' && c != ':') out += c;
    return out;
}

// "20261203T074109Z" -> "2026-12-03T07:41:09Z"; empty when it is not one.
std::string iso_time(std::string_view compact) {
    if (compact.size() != 16 || compact[8] != 'T' || compact[15] != 'Z') return {};
    for (std::size_t i : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14}) {
        if (compact[i] < '0' || compact[i] > '9') return {};
    }
    const std::string c(compact);
    return c.substr(0, 4) + "-" + c.substr(4, 2) + "-" + c.substr(6, 2) + "T" + c.substr(9, 2) + ":" + c.substr(11, 2) +
           ":" + c.substr(13, 2) + "Z";
}

// Seconds since the epoch of an ISO 8601 UTC time; 0 when it cannot be read.
std::int64_t epoch_of(const std::string& iso) {
    std::tm tm{};
    if (iso.size() < 19 || !strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
    return static_cast<std::int64_t>(timegm(&tm));
}

int int_setting(const ProjectFile& file, const char* key, int fallback) {
    const auto v = file.setting(key);
    if (!v) return fallback;
    try {
        return std::max(0, std::stoi(*v));
    } catch (const std::exception&) {
        return fallback;
    }
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(p.string() + suffix, ec);
}

// The error for a copy that could not be written to `target`.
[[noreturn]] void copy_failed(const fs::path& target, int rc, const std::string& detail) {
    if ((rc & 0xff) == SQLITE_FULL || detail.find("disk full") != std::string::npos) {
        throw core::InputError({target.string()}, "disk full: the backup could not be written, nothing was kept");
    }
    throw core::StoreError("backup to " + target.string(), detail);
}

fs::path temp_beside(const fs::path& target) {
    return target.parent_path() / ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".tmp");
}

void make_folder(const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        if (ec.value() == ENOSPC) throw core::InputError({folder.string()}, "disk full: the backup folder could not be made");
        throw core::InputError({folder.string()}, "the backup folder cannot be made: " + ec.message());
    }
}

}  // namespace

void copy_database(sqlite3* source, const fs::path& target) {
    const fs::path temp = temp_beside(target);
    try {
        Connection dest(temp.string(), true);
        sqlite3_backup* backup = sqlite3_backup_init(dest.handle(), "main", source, "main");
        if (!backup) copy_failed(target, sqlite3_errcode(dest.handle()), sqlite3_errmsg(dest.handle()));
        // One step copies every page, so the copy is of one committed state of the project.
        const int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) copy_failed(target, rc, sqlite3_errstr(rc));
        dest.close();
    } catch (const core::InputError& e) {
        remove_quietly(temp);
        if (std::string(e.what()).find("disk full") != std::string::npos) copy_failed(target, SQLITE_FULL, e.what());
        throw;
    } catch (...) {
        remove_quietly(temp);
        throw;
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        remove_quietly(temp);
        throw core::InputError({target.string()}, "the copy could not be put in place: " + ec.message());
    }
}

fs::path backup_target(const fs::path& project, const fs::path& folder, std::string_view reason, std::string_view utc) {
    make_folder(folder);
    const std::string stem = project.stem().string() + "-" + compact_time(utc) + "-" + std::string(reason);
    fs::path target = folder / (stem + ".comb");
    for (int n = 2; fs::exists(target); ++n) target = folder / (stem + "-" + std::to_string(n) + ".comb");
    return target;
}

fs::path default_backup_folder(const fs::path& project) {
    return project.parent_path() / (project.filename().string() + "-backups");
}

BackupPolicy backup_policy(const ProjectFile& file) {
    BackupPolicy p;
    p.folder = default_backup_folder(file.path());
    if (const auto folder = file.setting(kBackupFolderSetting); folder && !folder->empty()) {
        const fs::path f(*folder);
        p.folder = f.is_absolute() ? f : file.path().parent_path() / f;
    }
    p.keep = std::max(1, int_setting(file, kBackupKeepSetting, p.keep));
    p.every_hours = int_setting(file, kBackupEverySetting, p.every_hours);
    return p;
}

fs::path backup_project(ProjectFile& file, std::string_view reason, std::string_view utc) {
    const auto policy = backup_policy(file);
    const fs::path target = backup_target(file.path(), policy.folder, reason, utc);
    copy_database(file.connection().handle(), target);
    if (reason != "manual") rotate_backups(file.path(), policy.folder, reason, policy.keep);
    return target;
}

void backup_to(ProjectFile& file, const fs::path& target) {
    std::error_code ec;
    if (fs::exists(target, ec)) throw core::InputError({target.string()}, "already exists; a backup never overwrites a file");
    const auto folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(folder, ec)) throw core::InputError({target.string()}, "the folder " + folder.string() + " does not exist");
    copy_database(file.connection().handle(), target);
}

std::optional<fs::path> rolling_backup(ProjectFile& file, std::string_view utc) {
    const auto policy = backup_policy(file);
    if (policy.every_hours <= 0) return std::nullopt;
    for (const auto& b : list_backups(file.path(), policy.folder)) {
        if (b.reason != "rolling") continue;
        if (epoch_of(std::string(utc)) - epoch_of(b.time) < std::int64_t(policy.every_hours) * 3600) return std::nullopt;
        break;  // newest first: the newest rolling copy is old enough
    }
    return backup_project(file, "rolling", utc);
}

std::vector<BackupInfo> list_backups(const fs::path& project, const std::optional<fs::path>& folder) {
    const fs::path dir = folder ? *folder : default_backup_folder(project);
    const std::string prefix = project.stem().string() + "-";
    std::vector<BackupInfo> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file(ec) || name.rfind(prefix, 0) != 0 || entry.path().extension() != ".comb") continue;
        const std::string rest = name.substr(prefix.size(), name.size() - prefix.size() - 5);
        if (rest.size() < 18 || rest[16] != '-') continue;
        BackupInfo b;
        b.time = iso_time(std::string_view(rest).substr(0, 16));
        if (b.time.empty()) continue;
        b.reason = rest.substr(17);
        // "-2", "-3": a second copy in the same second.
        const auto dash = b.reason.rfind('-');
        if (dash != std::string::npos && dash + 1 < b.reason.size() &&
            b.reason.find_first_not_of("0123456789", dash + 1) == std::string::npos) {
            b.reason.erase(dash);
        }
        b.path = entry.path();
        b.bytes = entry.file_size(ec);
        out.push_back(std::move(b));
    }
    // Newest first; copies made in the same second by when the file was written.
    std::sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) {
        if (a.time != b.time) return a.time > b.time;
        std::error_code ea, eb;
        const auto ta = fs::last_write_time(a.path, ea), tb = fs::last_write_time(b.path, eb);
        return ta != tb ? ta > tb : a.path.filename() > b.path.filename();
    });
    return out;
}

std::size_t rotate_backups(const fs::path& project, const fs::path& folder, std::string_view reason, int keep) {
    std::size_t kept = 0, removed = 0;
    for (const auto& b : list_backups(project, folder)) {
        if (b.reason != reason) continue;
        if (++kept <= static_cast<std::size_t>(std::max(keep, 1))) continue;
        remove_quietly(b.path);
        ++removed;
    }
    return removed;
}

}  // namespace comb::store

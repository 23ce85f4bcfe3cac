// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/project_paths.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>

#include "core/error.h"
#include "store/damage.h"

namespace comb::store {
namespace fs = std::filesystem;
using core::InputError;

DamagedError::DamagedError(const std::string& path, const std::string& detail)
    : InputError({path}, "the project file is damaged (" + detail +
                             "); restore a backup (comb backups PROJECT lists them; comb restore BACKUP PROJECT --force) "
                             "or save what can be read into a new project (comb salvage PROJECT NEW.comb)"),
      detail_(detail) {}

namespace {

// The folder a path is in ("." for a bare name).
fs::path folder_of(const fs::path& path) {
    const auto parent = path.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISFIFO(mode)) return "a pipe";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

void check_new_project_path(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) throw InputError({path.string()}, "is " + kind_of(st.st_mode) + ", not a project file");
        throw InputError({path.string()}, "already exists; comb new will not overwrite it");
    }
    if (path.filename().empty()) throw InputError({path.string()}, "is a folder, not a project file");
    const fs::path folder = folder_of(path);
    if (::stat(folder.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT) throw InputError({path.string()}, "the folder " + folder.string() + " does not exist");
        throw InputError({path.string()}, "the folder " + folder.string() + " cannot be used: " + std::strerror(err));
    }
    if (!S_ISDIR(st.st_mode)) throw InputError({path.string()}, folder.string() + " is not a folder");
    if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        const int err = errno;
        throw InputError({path.string()}, "cannot write in the folder " + folder.string() + ": " + std::strerror(err));
    }
}

void check_project_path(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) throw InputError({path.string()}, "no such project file");
        throw InputError({path.string()}, "cannot be opened: " + std::string(std::strerror(err)));
    }
    if (S_ISDIR(st.st_mode)) throw InputError({path.string()}, "is a folder, not a project file");
    if (!S_ISREG(st.st_mode)) throw InputError({path.string()}, "is " + kind_of(st.st_mode) + ", not a project file");
    if (::access(path.c_str(), R_OK) != 0) {
        const int err = errno;
        throw InputError({path.string()}, "cannot be read: " + std::string(std::strerror(err)));
    }
}

void check_wal_present(const fs::path& path) {
    const fs::path shm = path.string() + "-shm", wal = path.string() + "-wal";
    std::error_code ec;
    if (!fs::exists(shm, ec) || fs::file_size(shm, ec) < 48) return;
    std::ifstream in(shm, std::ios::binary);
    unsigned char h[48] = {};
    if (!in.read(reinterpret_cast<char*>(h), sizeof h)) return;
    // SQLite's WalIndexHdr, native byte order: isInit at 12, szPage at 14, mxFrame at 16;
    // the header is written twice (0 and 48) and valid only when both copies agree.
    unsigned char h2[48] = {};
    if (!in.read(reinterpret_cast<char*>(h2), sizeof h2) || std::memcmp(h, h2, 48) != 0 || h[12] != 1) return;
    std::uint16_t page = 0;
    std::uint32_t frames = 0;
    std::memcpy(&page, h + 14, 2);
    std::memcpy(&frames, h + 16, 4);
    if (frames == 0) return;
    const std::uint64_t page_size = page == 1 ? 65536 : page;
    const std::uint64_t needed = 32 + std::uint64_t(frames) * (24 + page_size);
    const std::uint64_t have = fs::exists(wal, ec) ? fs::file_size(wal, ec) : 0;
    if (have >= needed) return;
    throw DamagedError(path.string(), "its write-ahead log " + wal.filename().string() +
                                          (have == 0 ? " is missing" : " is cut short") + ": the last " + std::to_string(frames) +
                                          " pages written are lost");
}

std::optional<std::string> read_only_reason(const fs::path& path) {
    if (::access(path.c_str(), W_OK) != 0) {
        if (errno == EROFS) return "on a read-only file system";
        return "no write permission";
    }
    // SQLite makes NAME-wal and NAME-shm beside the file, and Comb its NAME-lock.
    if (::access(folder_of(path).c_str(), W_OK | X_OK) != 0) {
        if (errno == EROFS) return "on a read-only file system";
        return "its folder cannot be written";
    }
    return std::nullopt;
}

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#include "index/index_swap.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"

namespace comb::index {
namespace fs = std::filesystem;

namespace {

std::string build_prefix(const fs::path& folder) { return folder.filename().string() + ".building"; }

// Whether the process that named a build folder NAME.building-PID-N still runs.
bool owner_alive(const std::string& rest) {
    if (rest.size() < 2 || rest[0] != '-') return false;  // NAME.building: an earlier version's
    const long pid = std::strtol(rest.c_str() + 1, nullptr, 10);
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

fs::path building_folder_for(const fs::path& folder) {
    static std::atomic<long> next{0};
    fs::path p = folder.parent_path() / build_prefix(folder);
    p += "-" + std::to_string(::getpid()) + "-" + std::to_string(next++);
    return p;
}

void remove_abandoned_builds(const fs::path& folder) {
    const std::string prefix = build_prefix(folder);
    std::vector<fs::path> abandoned;
    std::error_code ec;
    for (fs::directory_iterator it(folder.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) == 0 && !owner_alive(name.substr(prefix.size()))) abandoned.push_back(it->path());
    }
    for (const auto& p : abandoned) fs::remove_all(p, ec);
}

void swap_in(const fs::path& built, const fs::path& folder) {
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, folder.c_str(), RENAME_EXCHANGE) == 0) return;
        if (errno == ENOENT) {
            // No index yet: a plain rename, unless another build put one there meanwhile.
            if (::rename(built.c_str(), folder.c_str()) == 0) return;
            if (errno == ENOTEMPTY || errno == EEXIST) continue;
        } else if (errno == EINVAL || errno == ENOSYS) {
            // A file system without exchange: remove, then rename (a reader may meet no index
            // for a moment and rebuild).
            std::error_code ec;
            fs::path old = folder;
            old += ".old";
            fs::remove_all(old, ec);
            fs::rename(folder, old, ec);
            if (!ec && ::rename(built.c_str(), folder.c_str()) == 0) {
                fs::rename(old, built, ec);
                return;
            }
        }
        break;
    }
    throw core::IndexError("move the new index into " + folder.string(), std::strerror(errno));
}

}  // namespace comb::index

// SPDX-License-Identifier: GPL-3.0-or-later
// Warns about folders where a SQLite project is at risk: cloud-sync clients copy the file
// and its WAL separately, and network file systems break SQLite's locking.
#include <algorithm>
#include <array>
#include <cctype>

#include "project_file.h"

#ifdef __linux__
#include <sys/vfs.h>  // statfs: Linux only, like the network file system check below
#endif

namespace comb::store {

std::string location_warning(const std::filesystem::path& path) {
    std::string p = std::filesystem::absolute(path).lexically_normal().string();
    std::string lower = p;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    static const std::array<const char*, 6> synced = {"dropbox", "onedrive", "google drive", "googledrive", "icloud", "nextcloud"};
    for (const char* name : synced) {
        if (lower.find(name) != std::string::npos) {
            return "the project is in a cloud-synced folder (" + std::string(name) +
                   "); sync clients can damage open project files. Keep projects in a local folder and back them up instead.";
        }
    }
#ifdef __linux__
    struct statfs fs {};
    const auto dir = std::filesystem::absolute(path).parent_path();
    if (statfs(dir.c_str(), &fs) == 0) {
        constexpr long kNfs = 0x6969, kSmb = 0x517B, kCifs = 0xFF534D42, kSmb2 = 0xFE534D42, kFuse = 0x65735546;
        const long type = static_cast<long>(fs.f_type);
        if (type == kNfs || type == kSmb || type == kCifs || type == kSmb2 || type == kFuse) {
            return "the project is on a network or FUSE file system; SQLite's locking is unreliable there. "
                   "Keep projects on a local disk.";
        }
    }
#endif
    return {};
}

}  // namespace comb::store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The index build folders (NAME.building-PID-N, index/index_swap.h) beside an index folder:
// a finished, failed or cancelled build leaves none.
#include <filesystem>
#include <string>
#include <vector>

namespace comb::test {

inline std::vector<std::filesystem::path> build_folders_beside(const std::filesystem::path& index_folder) {
    const std::string prefix = index_folder.filename().string() + ".building";
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(index_folder.parent_path())) {
        if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path());
    }
    return out;
}

}  // namespace comb::test

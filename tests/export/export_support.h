// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for the export tests: a temporary folder, whole-file reads, golden-file comparison
// (COMB_UPDATE_GOLDEN=1 rewrites the golden file instead) and zip parts read back with libzip.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace comb::tests {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path);
// Names of the files in a folder (hidden ones too), sorted.
std::vector<std::string> list_dir(const std::filesystem::path& dir);

// Empty when `actual` equals tests/golden/NAME byte for byte; otherwise says where they first
// differ. With COMB_UPDATE_GOLDEN=1 writes `actual` as the golden file and returns empty.
std::string golden_mismatch(const std::string& name, const std::string& actual);

// The entry names of a zip file, in archive order, and one entry's bytes (nullopt if absent).
std::vector<std::string> zip_entries(const std::filesystem::path& zip);
std::optional<std::string> zip_entry(const std::filesystem::path& zip, const std::string& name);

}  // namespace comb::tests

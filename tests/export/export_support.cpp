// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_support.h"

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace comb::tests {

TempDir::TempDir() {
    auto pattern = (std::filesystem::temp_directory_path() / "comb-export-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> list_dir(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string golden_mismatch(const std::string& name, const std::string& actual) {
    const auto path = std::filesystem::path(COMB_TESTS_DIR) / "golden" / name;
    const char* update = std::getenv("COMB_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        return {};
    }
    if (!std::filesystem::exists(path)) {
        return path.string() + " is missing; run with COMB_UPDATE_GOLDEN=1 to write it";
    }
    const auto expected = read_file(path);
    if (expected == actual) return {};
    const auto diff = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
    const auto at = static_cast<std::size_t>(diff.first - expected.begin());
    const auto line = 1 + std::count(expected.begin(), expected.begin() + static_cast<long>(at), '\n');
    auto context = [at](const std::string& s) {
        const auto from = at < 40 ? 0 : at - 40;
        return s.substr(from, 100);
    };
    return name + " differs from the golden file at byte " + std::to_string(at) + " (line " +
           std::to_string(line) + ")\n--- golden:\n" + context(expected) + "\n--- actual:\n" +
           context(actual) + "\n(COMB_UPDATE_GOLDEN=1 rewrites it if the change is intended)";
}

namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

std::unique_ptr<zip_t, ZipCloser> open_zip(const std::filesystem::path& path) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) throw std::runtime_error("not a valid zip: " + path.string());
    return std::unique_ptr<zip_t, ZipCloser>(z);
}

}  // namespace

std::vector<std::string> zip_entries(const std::filesystem::path& path) {
    auto z = open_zip(path);
    std::vector<std::string> names;
    const auto n = zip_get_num_entries(z.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        names.emplace_back(zip_get_name(z.get(), static_cast<zip_uint64_t>(i), 0));
    }
    return names;
}

std::optional<std::string> zip_entry(const std::filesystem::path& path, const std::string& name) {
    auto z = open_zip(path);
    zip_stat_t st;
    if (zip_stat(z.get(), name.c_str(), 0, &st) != 0) return std::nullopt;
    zip_file_t* f = zip_fopen(z.get(), name.c_str(), 0);
    if (!f) return std::nullopt;
    std::string data(static_cast<std::size_t>(st.size), '\0');
    const auto n = zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (n != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("short read: " + name);
    return data;
}

}  // namespace comb::tests

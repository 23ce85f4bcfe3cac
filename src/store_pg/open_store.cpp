// SPDX-License-Identifier: GPL-3.0-or-later
#include "open_store.h"

#include <cstdlib>
#include <functional>
#include <iomanip>
#include <sstream>

#include "pg_connection.h"
#include "pg_project.h"
#include "store/project_file.h"

namespace comb::store {

bool is_server_location(std::string_view location) { return is_server_uri(location); }

std::unique_ptr<core::Repository> open_store(const std::string& location) {
    if (is_server_uri(location)) return PgProject::open(location);
    return ProjectFile::open(location);
}

std::unique_ptr<core::Repository> create_store(const std::string& location) {
    if (is_server_uri(location)) return PgProject::create(location);
    return ProjectFile::create(location);
}

std::string display_location(const std::string& location) {
    return is_server_uri(location) ? redact_uri(location) : location;
}

namespace {

std::filesystem::path state_home() {
    if (const char* s = std::getenv("XDG_STATE_HOME"); s && *s) return s;
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local" / "state";
    return std::filesystem::temp_directory_path();
}

// FNV-1a, 64 bits: stable across runs and builds (std::hash is not promised to be).
std::string stable_hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    std::ostringstream out;
    out << std::hex << std::setw(16) << std::setfill('0') << h;
    return out.str();
}

}  // namespace

std::filesystem::path local_index_anchor(const std::string& location) {
    if (!is_server_uri(location)) return location;
    const auto folder = state_home() / "comb" / stable_hash(redact_uri(location));
    std::filesystem::create_directories(folder);
    return folder / "project";
}

}  // namespace comb::store

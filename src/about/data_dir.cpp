// SPDX-License-Identifier: GPL-3.0-or-later
// The data lookup of data_dir.h. COMB_INSTALL_DATADIR, COMB_BUILD_TREE and COMB_SOURCE_TREE are
// set for this file alone by src/about/CMakeLists.txt.
#include "about/data_dir.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace comb::about {
namespace fs = std::filesystem;

fs::path executable_dir() {
    std::error_code ec;
#if defined(_WIN32)
    std::wstring buffer(32768, L'\0');
    const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    if (n > 0 && n < buffer.size()) return fs::path(buffer.substr(0, n)).parent_path();
#elif defined(__APPLE__)
    std::uint32_t size = 0;
    _NSGetExecutablePath(nullptr, &size);
    std::string buffer(size, '\0');
    if (_NSGetExecutablePath(buffer.data(), &size) == 0) {
        const auto exe = fs::weakly_canonical(fs::path(buffer.c_str()), ec);
        if (!ec) return exe.parent_path();
    }
#else
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) return exe.parent_path();
#endif
    return fs::current_path(ec);
}

std::optional<fs::path> find_data_dir(std::string_view env_var, const fs::path& relative, std::string_view probe) {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv(std::string(env_var).c_str()); env && *env) candidates.emplace_back(env);
    candidates.push_back(executable_dir() / ".." / "share" / "comb" / relative);
    candidates.push_back(fs::path(COMB_INSTALL_DATADIR) / relative);
    candidates.push_back(fs::path(COMB_BUILD_TREE) / relative);
    candidates.push_back(fs::path(COMB_SOURCE_TREE) / relative);
    for (const auto& c : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(c / probe, ec)) {
            auto dir = fs::weakly_canonical(c, ec);
            return ec ? c : dir;
        }
    }
    return std::nullopt;
}

}  // namespace comb::about

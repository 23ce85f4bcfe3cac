// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where Comb finds its read-only data: the built-in codebooks (codebooks/) and the example
// project (examples/mecc/). The same relative path works installed (PREFIX/share/comb/...) and in
// a checkout (SOURCE/...), so one lookup serves the package, a copy unpacked anywhere (the
// package test runs one from a temporary root) and a developer's build tree. Nothing here throws.
#include <filesystem>
#include <optional>
#include <string_view>

namespace comb::about {

// The folder holding the running executable (Linux, macOS, Windows); the current directory when
// the system cannot say.
std::filesystem::path executable_dir();

// The first folder that holds `probe` (a file name) among, in order:
//   $env_var (when set and not empty),
//   <executable_dir>/../share/comb/<relative>   (installed, wherever the prefix is),
//   <install prefix>/share/comb/<relative>       (as configured at build time),
//   <build tree>/<relative>, <source tree>/<relative>   (running from a build).
// Returns the folder, canonical, or nothing when none holds the probe.
std::optional<std::filesystem::path> find_data_dir(std::string_view env_var, const std::filesystem::path& relative,
                                                   std::string_view probe);

}  // namespace comb::about

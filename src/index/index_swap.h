// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a rebuild builds and how it puts the new index in place. Two windows, or a window and
// `comb`, may rebuild one project's index at once: each builds in a folder of its own
// (NAME.building-PID-N) and the finished one is exchanged with NAME in one step (Linux
// renameat2 RENAME_EXCHANGE), so a reader opening NAME meets the old index or a new one,
// never a half-removed folder; the last build to finish stays.
#include <filesystem>

namespace comb::index {

// A fresh folder name beside `folder` for one build by this process.
std::filesystem::path building_folder_for(const std::filesystem::path& folder);
// Removes the build folders beside `folder` that no running process owns (a build killed or
// cut off by a crash; also the NAME.building of earlier versions).
void remove_abandoned_builds(const std::filesystem::path& folder);
// Puts the index built in `built` at `folder`; `built` then holds the index `folder` held, if
// any, for the caller to remove. Throws core::IndexError naming `folder`.
void swap_in(const std::filesystem::path& built, const std::filesystem::path& folder);

}  // namespace comb::index

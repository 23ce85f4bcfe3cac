// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// REFI-QDA hooks for the generic `comb export` and `comb import` commands, which call them
// first: .qdpx projects and .qdc codebooks are refi's, every other format the exporters'.
#include <filesystem>
#include <string>

#include "cli/import_files.h"
#include "cli/session.h"

namespace comb::cli {

// Writes `what` to `out` if it is REFI's to write: "qdpx" (any extension; .qdpx expected) or
// "codebook" with a .qdc extension. Returns false, doing nothing, for anything else.
// Throws core::InputError when the file cannot be written.
bool export_refi(Session& session, const std::string& what, const std::filesystem::path& out);

// True for files `import` routes to refi (.qdpx, any case).
bool is_refi_project(const std::filesystem::path& file);

// Merges a .qdpx project into the session's project as one undoable command, printing what
// it held on stdout; the summary's warnings list every part that could not be imported.
// Throws core::InputError (project unchanged) for an invalid file.
ImportSummary import_qdpx(Session& session, const std::filesystem::path& file);

}  // namespace comb::cli

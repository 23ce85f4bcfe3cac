// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files comb-gui is asked to open that are not Comb projects yet: the installed example project
// (Help > Open the example project, `comb-gui --example`) and REFI-QDA .qdpx projects (a
// double-click in a file manager, `comb-gui FILE.qdpx`). Both end as a writable .comb file that
// MainFrame::open_project opens.
#include <filesystem>
#include <optional>

class wxWindow;

namespace comb::gui {

// The user's writable copy of the example project, PER_USER_DIR/examples/mecc.comb, copied from
// the installed (or built) one the first time and kept afterwards, so the user's own changes
// stay. `user_dir` is where Comb keeps per-user data (user_data_dir()). Throws core::InputError
// when the example is not installed or the copy fails.
std::filesystem::path example_project(const std::filesystem::path& user_dir);

// $XDG_DATA_HOME/comb (default ~/.local/share/comb) on Linux and BSD; wxWidgets' per-user data
// folder elsewhere.
std::filesystem::path user_data_dir();

// Imports the REFI-QDA project `qdpx` into `project` as one undoable step, creating `project`
// first when it does not exist. Throws core::InputError for a bad file (the project is then
// unchanged; a project created for it is removed again), core::StoreError when writing fails.
void import_qdpx_into(const std::filesystem::path& qdpx, const std::filesystem::path& project);

// Asks where to save the project made from `qdpx` (default: beside it, NAME.comb), then
// import_qdpx_into. Returns the project, or nothing when the user cancelled. Throws as above.
std::optional<std::filesystem::path> project_from_qdpx(wxWindow* parent, const std::filesystem::path& qdpx);

}  // namespace comb::gui

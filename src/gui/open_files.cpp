// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/open_files.h"

#include <cstdlib>

#include <wx/filedlg.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "about/data_dir.h"
#include "core/error.h"
#include "core/project.h"
#include "gui/wx_text.h"
#include "refi/import_project.h"
#include "refi/qdpx_reader.h"
#include "store/project_file.h"

namespace comb::gui {
namespace fs = std::filesystem;

fs::path user_data_dir() {
#if defined(__unix__) && !defined(__APPLE__)
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute()) {
        return fs::path(xdg) / "comb";
    }
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local" / "share" / "comb";
#endif
    return from_wx(wxStandardPaths::Get().GetUserLocalDataDir());
}

fs::path example_project(const fs::path& user_dir) {
    const auto installed = about::find_data_dir("COMB_EXAMPLE", fs::path("examples") / "mecc", "mecc.comb");
    const fs::path copy = user_dir / "examples" / "mecc.comb";
    std::error_code ec;
    if (fs::exists(copy, ec)) return copy;
    if (!installed) {
        throw core::InputError({"examples/mecc/mecc.comb"},
                               "the example project is not installed (in a build tree, make it with "
                               "cmake --build build --target example_project)");
    }
    fs::create_directories(copy.parent_path(), ec);
    // Only the project file: its search index is a cache, built again beside the copy.
    if (!ec) fs::copy_file(*installed / "mecc.comb", copy, ec);
    if (ec) throw core::InputError({copy.string()}, "cannot copy the example project here: " + ec.message());
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add, ec);
    return copy;
}

void import_qdpx_into(const fs::path& qdpx, const fs::path& project) {
    std::error_code ec;
    const bool created = !fs::exists(project, ec);
    try {
        refi::RefiProject read = refi::read_qdpx(qdpx);
        auto file = created ? store::ProjectFile::create(project) : store::ProjectFile::open(project);
        core::Project p(*file);
        p.execute(refi::ImportProject(std::move(read), "Import " + qdpx.filename().string()));
    } catch (...) {
        if (created) {
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(project.string() + suffix, ec);
        }
        throw;
    }
}

std::optional<fs::path> project_from_qdpx(wxWindow* parent, const fs::path& qdpx) {
    wxFileDialog dialog(parent, to_wx("Save the project imported from " + qdpx.filename().string() + " as"),
                        to_wx(qdpx.parent_path().string()), to_wx(qdpx.stem().string() + ".comb"),
                        "Comb projects (*.comb)|*.comb", wxFD_SAVE);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    fs::path project = from_wx(dialog.GetPath());
    if (project.extension() != ".comb") project += ".comb";
    wxBusyCursor busy;
    import_qdpx_into(qdpx, project);
    return project;
}

}  // namespace comb::gui

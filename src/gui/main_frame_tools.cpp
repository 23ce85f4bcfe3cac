// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_frame.h"

// MainFrame's Tools menu beyond the index: case attributes from a sheet and framework
// codebooks (built-in or a .qdc file), as `comb attributes` and `comb codebook add` do.
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/statusbr.h>

#include "core/error.h"
#include "gui/list_fit.h"
#include "gui/wx_text.h"
#include "import/attribute_sheet.h"
#include "refi/codebook.h"
#include "refi/import_project.h"

namespace comb::gui {
namespace {

constexpr const char* kFromFile = "From a REFI-QDA codebook file (.qdc)...";

}  // namespace

bool MainFrame::import_attributes(const std::filesystem::path& sheet_path) {
    if (!wb_.is_open()) return false;
    try {
        const auto sheet = importers::read_sheet(sheet_path);
        if (!wb_.run(importers::attributes_from_sheet(sheet, wb_.repo().attributes(), sheet_path.string()))) return false;
        SetStatusText(to_wx("Set " + std::to_string(sheet.header.size() - 1) + " attributes of " +
                            std::to_string(sheet.rows.size()) + " cases from " + sheet_path.filename().string()), 1);
        return true;
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
        return false;
    }
}

bool MainFrame::load_codebook(const std::string& name_or_file) {
    if (!wb_.is_open()) return false;
    try {
        refi::RefiProject book = refi::load_codebook(name_or_file);
        const std::size_t total = book.codes.size();
        const std::string label = "Add codebook " + std::filesystem::path(name_or_file).stem().string();
        const auto before = wb_.repo().codes().size();
        if (!wb_.run(refi::ImportProject(std::move(book), label))) return false;
        const auto added = wb_.repo().codes().size() - before;
        std::string line = "Added " + std::to_string(added) + " of " + std::to_string(total) + " codes";
        if (added < total) line += " (" + std::to_string(total - added) + " already in the project)";
        SetStatusText(to_wx(line), 1);
        return true;
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
        return false;
    }
}

void MainFrame::on_import_attributes(wxCommandEvent&) {
    wxFileDialog dialog(this, "Import case attributes (first column: case name)", to_wx(settings_.last_import_folder()), "",
                        "Sheets (*.csv;*.xlsx)|*.csv;*.xlsx|All files|*", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    settings_.set_last_import_folder(from_wx(dialog.GetDirectory()));
    import_attributes(from_wx(dialog.GetPath()));
}

void MainFrame::on_load_codebook(wxCommandEvent&) {
    wxArrayString choices;
    const auto builtin = refi::builtin_codebooks();
    for (const auto& b : builtin) choices.Add(to_wx(b));
    choices.Add(kFromFile);
    wxSingleChoiceDialog dialog(this, "Add a framework's codes to the project (codes already there are kept):",
                                "Load codebook", choices);
    fit_choice_list(dialog);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto n = static_cast<std::size_t>(dialog.GetSelection());
    if (n < builtin.size()) {
        load_codebook(builtin[n]);
        return;
    }
    wxFileDialog file(this, "Load codebook", "", "", "REFI-QDA codebooks (*.qdc)|*.qdc|All files|*", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (file.ShowModal() == wxID_OK) load_codebook(from_wx(file.GetPath()));
}

}  // namespace comb::gui

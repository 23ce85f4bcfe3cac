// SPDX-License-Identifier: GPL-3.0-or-later
// The frame's storage side (docs/storage.md): File > Restore from backup..., and a project open
// read-only (comb-gui --read-only, no write permission, a read-only medium): a banner over
// the panes saying why, and every editing command disabled.
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/error.h"
#include "gui/code_editor.h"
#include "gui/command_ids.h"
#include "gui/main_frame.h"
#include "gui/restore_dialog.h"
#include "gui/wx_text.h"
#include "store/restore.h"

namespace comb::gui {
namespace {

// Menu commands that change the project: disabled while it is open read-only.
const int kEditingIds[] = {kIdImport, kIdMergeProject, kIdRestoreBackup, wxID_UNDO, wxID_REDO, kIdCorrectText,
                           kIdCodeSelection, kIdInVivo, kIdCodeWithNewCode, kIdUncode, kIdNewCode, kIdNewChildCode,
                           kIdRenameCode, kIdMergeCode, kIdMoveCodeTop, kIdDeleteCode, kIdPseudonymise,
                           kIdImportAttributes, kIdLoadCodebook};

}  // namespace

void MainFrame::build_storage() {
    read_only_bar_ = new wxPanel(this, wxID_ANY);
    read_only_bar_->SetBackgroundColour(wxColour(255, 236, 179));
    auto* text = new wxStaticText(read_only_bar_, wxID_ANY, "");
    text->SetForegroundColour(wxColour(60, 45, 0));
    read_only_text_ = text;
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
    read_only_bar_->SetSizer(sizer);
    aui_.AddPane(read_only_bar_, wxAuiPaneInfo().Name("read-only").Top().Layer(10).CaptionVisible(false)
                                     .PaneBorder(false).Resizable(false).Floatable(false).Movable(false)
                                     .BestSize(FromDIP(wxSize(600, 30))).MinSize(FromDIP(wxSize(200, 30))).Hide());
    // Bound after the menus: wx asks the handler bound last first; it lets the menu's own
    // update handler decide (Skip) unless the project is read-only.
    for (const int id : kEditingIds) Bind(wxEVT_UPDATE_UI, &MainFrame::on_update_editing, this, id);
    Bind(wxEVT_UPDATE_UI, &MainFrame::on_update_editing, this, kIdQuickCode1, kIdQuickCodeLast);
    storage_switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) { update_read_only_banner(); });
}

void MainFrame::update_read_only_banner() {
    if (IsBeingDeleted() || aui_.GetManagedWindow() != this) return;  // the frame closing closes the project
    const std::string reason = wb_.is_open() ? wb_.read_only_reason() : std::string();
    read_only_banner_ = reason.empty() ? std::string()
        : "Read-only (" + reason + "): " + wb_.path().filename().string() +
              " can be read, searched and exported, but not changed.";
    read_only_text_->SetLabel(to_wx(read_only_banner_));
    aui_.GetPane(read_only_bar_).Show(!reason.empty());
    aui_.Update();
}

void MainFrame::on_update_editing(wxUpdateUIEvent& e) {
    if (wb_.is_open() && !wb_.read_only_reason().empty()) {
        e.Enable(false);
        return;
    }
    e.Skip();
}

bool MainFrame::restore_backup(const std::filesystem::path& backup) {
    if (!wb_.is_open()) return false;
    const auto project = wb_.path();
    editor_->commit();
    save_session();
    wb_.close();  // our own connection would make the restore refuse ("open elsewhere")
    bool done = false;
    try {
        const auto result = store::restore_backup(backup, project, true, core::utc_now_iso8601());
        SetStatusText(to_wx("Restored " + backup.filename().string() +
                            (result.replaced.empty() ? "" : "; what the project held is in " + result.replaced.string())), 0);
        done = true;
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
    }
    open_project(project);  // the index was removed with the old project: opening builds it again
    return done;
}

void MainFrame::on_restore_backup(wxCommandEvent&) {
    if (!wb_.is_open()) return;
    const auto* file = wb_.file();
    RestoreDialog dialog(this, wb_.path(), file ? store::backup_policy(*file).folder : store::default_backup_folder(wb_.path()));
    if (dialog.ShowModal() != wxID_OK) return;
    const auto chosen = dialog.selected();
    if (!chosen) return;
    if (!confirm_("Replace " + wb_.path().filename().string() + " with the backup " + chosen->filename().string() +
                  "?\nWhat it holds now is backed up first.")) {
        return;
    }
    restore_backup(*chosen);
}

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame's team coding: File > Merge a colleague's copy, View > Coders (everyone, one
// coder, a comparison, blind), Tools > Disagreements, and the coder in the status bar.
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/statusbr.h>

#include <set>

#include "core/error.h"
#include "gui/disagreement_view.h"
#include "gui/list_fit.h"
#include "gui/main_frame.h"
#include "gui/wx_text.h"
#include "import/registry.h"
#include "refi/merge_project.h"
#include "refi/qdpx_reader.h"
#include "store/backup.h"

namespace comb::gui {

void MainFrame::apply_coder() {
    wb_.set_coder(settings_.coder_name());
    if (GetStatusBar()) update_coder_status();
}

void MainFrame::update_coder_status() {
    if (!GetStatusBar() || GetStatusBar()->GetFieldsCount() < 4) return;
    SetStatusText(to_wx("Coder: " + wb_.coder() + (wb_.is_open() ? " \u00B7 " + wb_.coder_view().describe(wb_.coder()) : "")), 4);
}

std::string MainFrame::merge_project(const std::filesystem::path& other) {
    if (!wb_.is_open()) return {};
    try {
        if (std::filesystem::equivalent(other, wb_.path())) throw core::InputError({other.string()}, "cannot merge a project into itself");
        refi::RefiProject in;
        if (importers::lower_extension(other) == ".qdpx") {
            in = refi::read_qdpx(other);
        } else {
            const auto file = store::ProjectFile::open(other);
            in = refi::project_as_refi(*file, other.string());
        }
        refi::MergeProject merge(std::move(in));
        auto* file = dynamic_cast<store::ProjectFile*>(&wb_.repo());
        const auto backup = file ? store::backup_project(*file, "merge", wb_.project().now()) : std::filesystem::path();
        if (!wb_.run(merge)) return {};
        return "Backup first: " + backup.string() + "\n" + refi::report_text(merge.report());
    } catch (const std::exception& e) {
        wb_.report_error(e.what());
        return {};
    }
}

void MainFrame::on_merge_project(wxCommandEvent&) {
    wxFileDialog dialog(this, "Merge a colleague's copy", "", "", "Comb or REFI-QDA projects (*.comb;*.qdpx)|*.comb;*.qdpx",
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto report = merge_project(from_wx(dialog.GetPath()));
    if (!report.empty()) show_merge_report(report);
}

void MainFrame::show_merge_report(const std::string& report) {
    wxMessageDialog shown(this, "The copy was merged (Edit > Undo takes it back).", "Merge report", wxOK | wxICON_INFORMATION);
    shown.SetExtendedMessage(to_wx(report));
    shown.ShowModal();
}

namespace {

// wxGetSingleChoiceIndex, with the list tall enough for its choices (list_fit.h).
int choose_index(wxWindow* parent, const wxString& message, const wxArrayString& choices) {
    wxSingleChoiceDialog dialog(parent, message, "Coders", choices);
    dialog.SetName("choose");
    fit_choice_list(dialog);
    return dialog.ShowModal() == wxID_OK ? dialog.GetSelection() : -1;
}

}  // namespace

void MainFrame::on_coder_view(wxCommandEvent&) {
    std::set<std::string> names;
    for (const auto& c : wb_.repo().codings()) names.insert(c.coder);
    wxArrayString modes;
    for (const char* m : {"All coders", "One coder...", "Compare two coders...", "Blind: only my codings"}) modes.Add(m);
    const int mode = choose_index(this, "Whose codings should the views show?", modes);
    if (mode < 0) return;
    CoderView view;
    view.mode = static_cast<CoderMode>(mode);
    wxArrayString choices;
    for (const auto& n : names) choices.Add(to_wx(n));
    if (view.mode == CoderMode::one || view.mode == CoderMode::compare) {
        const int a = choose_index(this, view.mode == CoderMode::one ? "Show the codings of:" : "Coder A:", choices);
        if (a < 0) return;
        view.a = from_wx(choices[static_cast<std::size_t>(a)]);
    }
    if (view.mode == CoderMode::compare) {
        const int b = choose_index(this, "Coder B:", choices);
        if (b < 0) return;
        view.b = from_wx(choices[static_cast<std::size_t>(b)]);
    }
    wb_.set_coder_view(view);
}

DisagreementView& MainFrame::open_disagreements() {
    if (!disagreements_) {
        disagreements_ = new DisagreementView(this, wb_);
        disagreements_->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
            disagreements_ = nullptr;
            e.Skip();
        });
    }
    disagreements_->Show();
    disagreements_->Raise();
    return *disagreements_;
}

void MainFrame::on_disagreements(wxCommandEvent&) { open_disagreements(); }

}  // namespace comb::gui

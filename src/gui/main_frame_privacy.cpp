// SPDX-License-Identifier: GPL-3.0-or-later
// The frame's privacy actions: Edit > Edit transcript text (edit mode), Edit > Correct
// transcript... and Tools > Pseudonymise...
// (kept apart from main_frame.cpp, which wires the panes and menus).
#include "gui/edit_mode.h"
#include "gui/main_frame.h"
#include "gui/pseudonymise_dialog.h"
#include "gui/code_editor.h"
#include "gui/search_view.h"
#include "gui/transcript_view.h"

namespace comb::gui {

void MainFrame::on_correct_text(wxCommandEvent&) {
    const auto doc = transcript_->document();
    const auto span = transcript_->selection();
    if (doc && span) correct_selection(this, wb_, *doc, *span);
}

void MainFrame::on_update_correct_text(wxUpdateUIEvent& e) {
    e.Enable(wb_.is_open() && transcript_->document() && transcript_->selection());
}

void MainFrame::on_edit_transcript(wxCommandEvent&) {
    if (!transcript_->document() && !transcript_->editing()) return;
    transcript_->set_editing(!transcript_->editing());
    SetStatusText(transcript_->editing() ? "Editing the transcript: Esc or Edit > Edit transcript text to stop" : "", 3);
}

void MainFrame::on_update_edit_transcript(wxUpdateUIEvent& e) {
    e.Enable(wb_.is_open() && transcript_->document());
    e.Check(transcript_->editing());
}

void MainFrame::on_pseudonymise(wxCommandEvent&) {
    if (!wb_.is_open()) return;
    editor_->commit();
    PseudonymiseDialog dialog(this, wb_.repo());
    if (dialog.ShowModal() != wxID_OK) return;
    // The old index keeps originals in its terms and free blocks: built again from scratch.
    if (pseudonymise(wb_, dialog.key(), dialog.keep_originals())) wb_.index().rebuild("pseudonymised");
}

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
// The transcript view's controls as built once: the find bar and the text control with its keys.
#include "gui/transcript_view.h"

#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>

namespace comb::gui {

void TranscriptView::build_find_bar() {
    find_bar_ = new wxPanel(this);
    auto* find_sizer = new wxBoxSizer(wxHORIZONTAL);
    find_sizer->Add(new wxStaticText(find_bar_, wxID_ANY, "Find:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    find_ = new wxSearchCtrl(find_bar_, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    find_->SetDescriptiveText("Find in transcript (Enter: next, Esc: close)");
    find_sizer->Add(find_, 1, wxEXPAND | wxALL, FromDIP(2));
    find_bar_->SetSizer(find_sizer);
    find_bar_->Hide();

}

void TranscriptView::build_text_control() {
    stripe_panel_ = new StripePanel(this, *this);
    stc_ = new wxStyledTextCtrl(this, wxID_ANY);
    stc_->SetName("transcript");
    stc_->SetLexer(wxSTC_LEX_CONTAINER);
    stc_->SetWrapMode(wxSTC_WRAP_WORD);
    stc_->SetUndoCollection(false);
    for (int m = 0; m < 5; ++m) stc_->SetMarginWidth(m, 0);
    stc_->SetMarginLeft(8);
    stc_->SetMarginRight(8);
    stc_->SetMouseDwellTime(400);
    stc_->SetExtraDescent(2);
    stc_->SetReadOnly(true);
    // Scintilla's own undo keys would swallow Ctrl+Z/Y in the transcript (it has no undo of
    // its own here): they go to Edit > Undo/Redo, the project's per-person undo.
    stc_->CmdKeyClear('Z', wxSTC_KEYMOD_CTRL);
    stc_->CmdKeyClear('Z', wxSTC_KEYMOD_CTRL | wxSTC_KEYMOD_SHIFT);
    stc_->CmdKeyClear('Y', wxSTC_KEYMOD_CTRL);
    stc_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        // Under GTK the menu accelerators do not see these keys once the text has them.
        const int key = e.GetKeyCode();
        const bool ctrl = e.GetModifiers() == wxMOD_CONTROL || e.GetModifiers() == (wxMOD_CONTROL | wxMOD_SHIFT);
        if (!ctrl || (key != 'Z' && key != 'Y')) {
            e.Skip();
            return;
        }
        wxCommandEvent command(wxEVT_MENU, key == 'Z' && !e.ShiftDown() ? wxID_UNDO : wxID_REDO);
        wxPostEvent(wxGetTopLevelParent(this), command);
    });
}

void TranscriptView::bind_find_bar() {
    find_->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) { find_next(find_text()); });
    find_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { find_next(find_text()); });
    find_->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) { find_bar_->Hide(); Layout(); stc_->SetFocus(); });
    find_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() != WXK_ESCAPE) { e.Skip(); return; }
        find_bar_->Hide();
        Layout();
        stc_->SetFocus();
    });
}

}  // namespace comb::gui

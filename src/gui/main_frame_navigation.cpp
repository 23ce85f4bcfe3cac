// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_frame.h"

// MainFrame and the keyboard beyond the menus: undo and redo keys that work whichever pane has
// the focus, and Back / Forward through the jumps a search hit, a matrix quote or a coded
// segment makes.
#include <wx/stc/stc.h>

#include "gui/command_ids.h"
#include "gui/transcript_view.h"

namespace comb::gui {

void MainFrame::install_navigation() {
    // A char hook reaches the frame before the focused control: the transcript's Scintilla
    // (and GTK's text widgets) would otherwise take Ctrl+Z for their own, empty, undo.
    Bind(wxEVT_CHAR_HOOK, &MainFrame::on_char_hook, this);
    jumping_ = wb_.about_to_jump().subscribe([this](const DocumentSelected& to) {
        if (navigating_) return;
        const auto here = current_place();
        if (!here) return;
        // Opening the document already shown, without a passage, goes nowhere.
        if (here->document == to.document && !to.span) return;
        navigation_.jumped(*here);
    });
    shown_ = wb_.document_shown().subscribe([this](const DocumentShown&) { update_status(); });
}

void MainFrame::on_char_hook(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const int mods = event.GetModifiers();
    int command = 0;
    if (mods == wxMOD_CONTROL && (key == 'Z' || key == 'z')) command = wxID_UNDO;
    else if (mods == (wxMOD_CONTROL | wxMOD_SHIFT) && (key == 'Z' || key == 'z')) command = wxID_REDO;
    else if (mods == wxMOD_CONTROL && (key == 'Y' || key == 'y')) command = wxID_REDO;
    else if (mods == wxMOD_ALT && key == WXK_LEFT) command = kIdBack;
    else if (mods == wxMOD_ALT && key == WXK_RIGHT) command = kIdForward;
    if (!command) {
        event.Skip();
        return;
    }
    wxCommandEvent menu(wxEVT_MENU, command);
    menu.SetEventObject(this);
    GetEventHandler()->ProcessEvent(menu);
}

std::optional<NavigationHistory::Place> MainFrame::current_place() const {
    const auto doc = transcript_->document();
    if (!doc) return std::nullopt;
    if (const auto span = transcript_->selection()) return NavigationHistory::Place{*doc, *span};
    const auto at = transcript_->caret();
    return NavigationHistory::Place{*doc, {at, at}};
}

void MainFrame::go_to(const NavigationHistory::Place& place) {
    if (!wb_.is_open() || !wb_.repo().find_document(place.document)) return;
    navigating_ = true;
    wb_.show_document(place.document, place.span);
    navigating_ = false;
}

void MainFrame::on_back(wxCommandEvent&) {
    const auto here = current_place();
    if (!here) return;
    if (const auto to = navigation_.back(*here)) go_to(*to);
}
void MainFrame::on_update_back(wxUpdateUIEvent& e) { e.Enable(wb_.is_open() && navigation_.can_go_back()); }

void MainFrame::on_forward(wxCommandEvent&) {
    const auto here = current_place();
    if (!here) return;
    if (const auto to = navigation_.forward(*here)) go_to(*to);
}
void MainFrame::on_update_forward(wxUpdateUIEvent& e) { e.Enable(wb_.is_open() && navigation_.can_go_forward()); }

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Help > Keyboard shortcuts: the keys and what they do in two columns sized to their content
// (a message box aligned them with tabs, which a proportional font leaves ragged).
#include <string>

#include <wx/dialog.h>

class wxListCtrl;

namespace comb::gui {

class ShortcutsDialog : public wxDialog {
public:
    // `text`: one "keys<TAB>action" per line (MainFrame::shortcuts_text()).
    ShortcutsDialog(wxWindow* parent, const std::string& text);
    wxListCtrl& list() { return *list_; }

private:
    wxListCtrl* list_ = nullptr;
};

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The memo editor for one coding: shows the code and the coded quote, edits the memo's text.
// Only edits text; the caller turns the result into a core command.
#include <string>

#include <wx/dialog.h>

class wxTextCtrl;

namespace comb::gui {

class CodingMemoDialog : public wxDialog {
public:
    // ShowModal() returns wxID_OK (save text()), wxID_DELETE (delete the memo) or wxID_CANCEL.
    CodingMemoDialog(wxWindow* parent, const std::string& code, const std::string& quote, const std::string& text,
                     bool has_memo);
    std::string text() const;

private:
    wxTextCtrl* text_ = nullptr;
};

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Correcting a transcript in the workbench. The transcript stays read-only, so coding keys
// (Ctrl+E, Ctrl+1..9, typing) never change text: Edit > Correct transcript... (Ctrl+Alt+E)
// opens this dialog on the selected text, and OK applies one EditText command (one undo step).
// Codings whose whole text was deleted are listed afterwards.
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "core/model.h"
#include "gui/workbench.h"

class wxTextCtrl;

namespace comb::gui {

class CorrectTextDialog : public wxDialog {
public:
    // `before` and `after` are a little context either side of `selected`, shown greyed.
    CorrectTextDialog(wxWindow* parent, const std::string& before, const std::string& selected, const std::string& after);
    std::string text() const;
    void set_text(const std::string& text);

private:
    wxTextCtrl* text_ = nullptr;
};

// Replaces `span` of the document by `text` as one command; returns the codings removed
// because all their text was deleted, or nullopt when the command failed (the workbench's
// error handler has said why).
std::optional<std::vector<core::Coding>> correct_text(Workbench& wb, core::DocumentId doc, core::Span span,
                                                      const std::string& text);

// "2 codings lost all their text and were removed: ..." for the message after an edit.
std::string removed_message(Workbench& wb, const std::vector<core::Coding>& removed);

// Asks for the corrected text of the selection and applies it (the frame's menu handler).
void correct_selection(wxWindow* parent, Workbench& wb, core::DocumentId doc, core::Span span);

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edit mode of the transcript view (Edit > Edit transcript text): while it is on, a banner
// says so, the text takes typing, and the coding keys are off (MainFrame::can_code); out of
// it the text is read-only and every key codes, as before. Typing is applied as one EditText
// command per burst of edits (one undo step each, codings realigned by the command): a burst
// ends after a pause (kPauseMs), when the caret leaves the place being edited, before an
// undo, and when edit mode is left. Each burst is the difference between the project's text
// and the control's (the common start and end are left alone), so the command replaces only
// what was typed over. Esc or the banner's Done button leaves edit mode.
#include <optional>
#include <string>

#include <wx/panel.h>
#include <wx/timer.h>

#include "core/model.h"
#include "gui/workbench.h"

class wxStyledTextCtrl;
class wxStyledTextEvent;

namespace comb::gui {

// What changed between two texts: the code points [start, end) of `before` become `text`.
struct TextChange {
    core::Span span;
    std::string text;
};
// The smallest single change that turns `before` into `after` (common start and end kept,
// whole UTF-8 characters); nullopt when they are equal.
std::optional<TextChange> text_change(const std::string& before, const std::string& after);

class TranscriptEdit : public wxEvtHandler {
public:
    static constexpr int kPauseMs = 1500;

    TranscriptEdit(wxWindow* parent, Workbench& wb, wxStyledTextCtrl& stc);
    ~TranscriptEdit() override;
    wxPanel& banner() { return *banner_; }
    bool editing() const { return editing_; }
    // Turns edit mode on or off for `doc`; leaving applies what was typed unless `apply` is
    // false (the document or project is going away).
    void set_editing(bool on, std::optional<core::DocumentId> doc, bool apply = true);
    // Applies the typing not applied yet as one command; false when there was none or it failed.
    bool commit();
    // Typing not applied yet.
    bool pending() const;
    // The project's text was shown anew (after a command): keep the control writable.
    void text_reloaded();

private:
    void on_modified(wxStyledTextEvent& event);
    void on_update_ui(wxStyledTextEvent& event);

    Workbench& wb_;
    wxStyledTextCtrl& stc_;
    wxPanel* banner_ = nullptr;
    wxTimer pause_;
    std::optional<core::DocumentId> doc_;
    bool editing_ = false;
    bool applying_ = false;
    int burst_lo_ = -1, burst_hi_ = -1;  // control positions typed over since the last commit
};

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CodeEditor: the definition and memo editor for the workbench's current code. Text fields
// commit when they lose focus (core::DefineCode, one undo step per field edited); the colour
// commits when picked; COM-B, level and valence commit when changed (core::TagCode); the memo
// goes through AddMemo/EditMemo. Reloads itself when the code changes in the project. The
// whole editor scrolls as one (vertically only: it is laid out to the pane's width).
#include <map>
#include <optional>
#include <string>

#include <wx/scrolwin.h>

#include "core/project.h"
#include "gui/comb_choices.h"
#include "gui/workbench.h"

class wxTextCtrl;
class wxStaticText;
class wxChoice;
class wxColourPickerCtrl;

namespace comb::gui {

class CodeEditor : public wxScrolledWindow {
public:
    CodeEditor(wxWindow* parent, Workbench& workbench);

    // Commits edited text fields of the current code (called on focus loss and before the
    // current code changes).
    void commit();
    std::optional<core::CodeId> code() const { return code_; }

    // For tests and keyboard users: the controls.
    wxTextCtrl& definition() { return *definition_; }
    wxChoice& level() { return *level_; }
    wxChoice& valence() { return *valence_; }
    CombChoices& comb() { return *comb_; }
    wxTextCtrl& memo() { return *memo_; }
    // Shown when someone else changed a field of this code while it held unsaved typing:
    // "Sam changed the definition while you were typing; your text is kept here." Empty otherwise.
    std::string notice() const;
    void commit_tags();

private:
    void load(std::optional<core::CodeId> code);
    void reload(const core::ProjectChanged* cause = nullptr);
    void show_notice(const std::string& text);
    // Runs an edit of the current code, checked against the version the user has seen.
    bool run_on_code(core::Command&& command);
    wxTextCtrl* add_text(wxSizer* sizer, const char* label, int lines);
    void add_title(wxSizer* sizer);
    void add_tags(wxSizer* sizer);
    void bind_edits();
    void subscribe();
    // Fields whose project value changed under unsaved typing, and whose rows they belong to.
    struct Clashes {
        std::string fields;  // "the definition and the memo"
        bool code = false, memo = false;
    };
    void show_no_code();
    void show_code(const core::Code& code, const std::string& path, const core::ProjectChanged* cause);
    void show_field(wxTextCtrl* t, const std::string& value, Clashes& clashes);
    void commit_memo();
    void on_size(wxSizeEvent& event);  // COM-B in one or two columns, text fields to the width

    Workbench& wb_;
    std::optional<core::CodeId> code_;
    wxStaticText* title_ = nullptr;
    wxStaticText* notice_ = nullptr;
    std::string notice_text_;
    std::int64_t seen_version_ = 0;
    std::optional<core::Memo> memo_seen_;
    std::map<const wxTextCtrl*, std::string> shown_;  // the project's value each field last showed
    wxColourPickerCtrl* colour_ = nullptr;
    wxTextCtrl* definition_ = nullptr;
    wxTextCtrl* inclusion_ = nullptr;
    wxTextCtrl* exclusion_ = nullptr;
    wxTextCtrl* example_ = nullptr;
    CombChoices* comb_ = nullptr;
    wxChoice* level_ = nullptr;
    wxTextCtrl* actor_ = nullptr;
    wxChoice* valence_ = nullptr;
    wxTextCtrl* memo_ = nullptr;
    bool loading_ = false;
    core::Subscription changed_, switched_, selected_;
};

}  // namespace comb::gui

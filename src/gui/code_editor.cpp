// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/code_editor.h"

#include <algorithm>

#include <wx/choice.h>
#include <wx/clrpicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/change_set.h"
#include "core/code_paths.h"
#include "core/commands/code_commands.h"
#include "core/commands/memo_commands.h"
#include "gui/comb_choices.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

wxArrayString choices(std::initializer_list<const char*> items) {
    wxArrayString out;
    for (const char* s : items) out.Add(s);
    return out;
}

std::optional<core::Memo> memo_of(core::Repository& repo, core::CodeId id) {
    for (auto& m : repo.memos()) {
        if (m.target == core::MemoTarget::code && m.target_id == id.value) return m;
    }
    return std::nullopt;
}

}  // namespace

CodeEditor::CodeEditor(wxWindow* parent, Workbench& workbench)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
      wb_(workbench) {
    SetName("code editor");
    SetScrollRate(0, 10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    add_title(sizer);
    add_tags(sizer);
    definition_ = add_text(sizer, "Definition", 3);
    inclusion_ = add_text(sizer, "Include when", 2);
    exclusion_ = add_text(sizer, "Exclude when", 2);
    example_ = add_text(sizer, "Example", 2);
    memo_ = add_text(sizer, "Memo", 3);
    SetSizer(sizer);
    bind_edits();
    subscribe();
    load(std::nullopt);
}

// The code's path, its colour and the notice under them.
void CodeEditor::add_title(wxSizer* sizer) {
    title_ = new wxStaticText(this, wxID_ANY, "No code selected");
    title_->SetFont(title_->GetFont().Bold());
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(title_, 1, wxALIGN_CENTER_VERTICAL);
    colour_ = new wxColourPickerCtrl(this, wxID_ANY);
    colour_->SetToolTip("Code colour");
    top->Add(colour_, 0);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(6));
    notice_ = new wxStaticText(this, wxID_ANY, "");
    notice_->SetName("notice");
    notice_->SetForegroundColour(wxColour(155, 44, 44));
    notice_->Hide();
    sizer->Add(notice_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
}

void CodeEditor::add_tags(wxSizer* sizer) {
    // COM-B above the other tags, across the whole width: two columns fit a 1280 px screen.
    sizer->Add(new wxStaticText(this, wxID_ANY, "COM-B:"), 0, wxLEFT | wxRIGHT, FromDIP(6));
    comb_ = new CombChoices(this);
    sizer->Add(comb_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    auto* tags = new wxFlexGridSizer(2, FromDIP(wxSize(6, 4)));
    tags->AddGrowableCol(1);
    tags->Add(new wxStaticText(this, wxID_ANY, "Level:"), 0, wxALIGN_CENTER_VERTICAL);
    auto* level_row = new wxBoxSizer(wxHORIZONTAL);
    level_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, choices({"(none)", "macro", "organisational", "individual"}));
    actor_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    actor_->SetHint("actor, e.g. trainer");
    actor_->SetName("Actor");
    level_row->Add(level_, 0);
    level_row->Add(actor_, 1, wxLEFT, FromDIP(4));
    tags->Add(level_row, 1, wxEXPAND);
    tags->Add(new wxStaticText(this, wxID_ANY, "Valence:"), 0, wxALIGN_CENTER_VERTICAL);
    valence_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, choices({"(none)", "barrier", "facilitator", "mixed", "neutral"}));
    tags->Add(valence_, 0);
    sizer->Add(tags, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
}

// Colour and tags are committed as they change; text fields on focus loss (add_text).
void CodeEditor::bind_edits() {
    colour_->Bind(wxEVT_COLOURPICKER_CHANGED, [this](wxColourPickerEvent& e) {
        if (!code_ || loading_) return;
        core::CodeFields f;
        f.colour = from_wx(e.GetColour().GetAsString(wxC2S_HTML_SYNTAX));
        run_on_code(core::DefineCode(wb_.code_path(*code_), f));
    });
    comb_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { commit_tags(); });
    Bind(wxEVT_SIZE, &CodeEditor::on_size, this);
    level_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { commit_tags(); });
    valence_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { commit_tags(); });
    actor_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { commit_tags(); });
    actor_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) { if (actor_->IsModified()) commit_tags(); e.Skip(); });
}

void CodeEditor::subscribe() {
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        code_.reset();
        if (wb_.is_open()) {
            changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) {
                if (e.touches(core::RowKind::code) || e.touches(core::RowKind::memo)) reload(&e);
            });
        }
        load(std::nullopt);
    });
    selected_ = wb_.code_selected().subscribe([this](const CodeSelected& e) {
        commit();
        load(e.code);
    });
}

void CodeEditor::on_size(wxSizeEvent& event) {
    // Laid out to the visible width: never wider than the pane, so only vertical scrolling.
    const int width = GetClientSize().GetWidth();
    if (comb_->fit_width(width - FromDIP(12))) InvalidateBestSize();
    event.Skip();  // then wxScrolled sets the virtual size from the sizer and lays out
}

wxTextCtrl* CodeEditor::add_text(wxSizer* sizer, const char* label, int lines) {
    sizer->Add(new wxStaticText(this, wxID_ANY, label), 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    auto* text = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition,
                                wxSize(-1, GetCharHeight() * lines + FromDIP(10)), wxTE_MULTILINE);
    text->SetName(label);
    text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) { commit(); e.Skip(); });
    sizer->Add(text, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    return text;
}

void CodeEditor::load(std::optional<core::CodeId> code) {
    code_ = code;
    shown_.clear();
    show_notice("");
    reload();
}

std::string CodeEditor::notice() const { return notice_text_; }

void CodeEditor::show_notice(const std::string& text) {
    notice_text_ = text;
    notice_->SetLabel(to_wx(text));
    notice_->Show(!text.empty());
    if (!text.empty()) notice_->Wrap(std::max(FromDIP(150), GetClientSize().GetWidth() - FromDIP(12)));
    Layout();
}

void CodeEditor::reload(const core::ProjectChanged* cause) {
    loading_ = true;
    const core::Code* code = nullptr;
    std::optional<core::CodeTree> tree;
    if (wb_.is_open() && code_) {
        tree.emplace(wb_.repo().codes());
        code = tree->find(*code_);
        if (!code) code_.reset();
    }
    for (wxWindow* w : std::initializer_list<wxWindow*>{colour_, definition_, inclusion_, exclusion_, example_,
                                                        comb_, level_, actor_, valence_, memo_}) {
        w->Enable(code != nullptr);
    }
    if (code) show_code(*code, tree->path(code->id), cause);
    else show_no_code();
    loading_ = false;
}

void CodeEditor::show_no_code() {
    title_->SetLabel("No code selected");
    for (auto* t : {definition_, inclusion_, exclusion_, example_, memo_, actor_}) t->ChangeValue("");
    for (unsigned i = 0; i < comb_->GetCount(); ++i) comb_->Check(i, false);
    level_->SetSelection(0);
    valence_->SetSelection(0);
}

// A field with unsaved typing keeps it; everything else shows the project's value. When the
// project's value changed under the typing, `clashes` names the field (once per change).
void CodeEditor::show_field(wxTextCtrl* t, const std::string& value, Clashes& clashes) {
    auto& shown = shown_[t];
    if (!t->IsModified()) {
        t->ChangeValue(to_wx(value));
    } else if (value != shown) {
        clashes.fields += (clashes.fields.empty() ? "the " : " and the ") + from_wx(t->GetName().Lower());
        (t == memo_ ? clashes.memo : clashes.code) = true;
    }
    shown = value;
}

void CodeEditor::show_code(const core::Code& code, const std::string& path, const core::ProjectChanged* cause) {
    Clashes clashes;
    title_->SetLabel(to_wx(path));
    colour_->SetColour(wxColour(to_wx(code.colour)));
    show_field(definition_, code.definition, clashes);
    show_field(inclusion_, code.inclusion, clashes);
    show_field(exclusion_, code.exclusion, clashes);
    show_field(example_, code.example, clashes);
    const auto memo = memo_of(wb_.repo(), code.id);
    show_field(memo_, memo ? memo->text : std::string(), clashes);
    const auto& tags = code.tags;
    for (unsigned i = 0; i < comb_->GetCount(); ++i) {
        const auto c = core::kAllComB[i];
        comb_->Check(i, std::find(tags.comb.begin(), tags.comb.end(), c) != tags.comb.end());
    }
    level_->SetSelection(tags.level ? 1 + static_cast<int>(tags.level->level) : 0);
    show_field(actor_, tags.level ? tags.level->actor : std::string(), clashes);
    valence_->SetSelection(tags.valence ? 1 + static_cast<int>(*tags.valence) : 0);
    // The versions edits are checked against: what the user has seen. A row changed under
    // unsaved typing is not seen yet; saving that typing is refused once, naming who.
    if (!clashes.code) seen_version_ = code.version;
    if (!clashes.memo) memo_seen_ = memo;
    if (!clashes.fields.empty() && cause && (cause->cause == core::ProjectChanged::Cause::external ||
                                             cause->cause == core::ProjectChanged::Cause::reload)) {
        const std::string who = cause->who.empty() ? "Someone else" : cause->who;
        show_notice(who + " changed " + clashes.fields + " of this code while you were typing; your text is kept here.");
    }
    Layout();
}

void CodeEditor::commit() {
    if (!code_ || !wb_.is_open() || loading_) return;
    core::CodeFields f;
    bool any = false;
    const auto take = [&](wxTextCtrl* t, std::optional<std::string>& field) {
        if (!t->IsModified()) return;
        field = from_wx(t->GetValue());
        t->SetModified(false);
        any = true;
    };
    show_notice("");
    take(definition_, f.definition);
    take(inclusion_, f.inclusion);
    take(exclusion_, f.exclusion);
    take(example_, f.example);
    std::string path;
    try {
        path = wb_.code_path(*code_);
    } catch (const std::exception&) {
        return;  // the code is gone (undone elsewhere); nothing to save it to
    }
    if (any && !run_on_code(core::DefineCode(path, f))) {
        // Refused (someone changed the code since): the typing stays, and is now seen.
        for (auto* t : {definition_, inclusion_, exclusion_, example_}) {
            if (shown_[t] != from_wx(t->GetValue())) t->MarkDirty();
        }
    }
    commit_memo();
}

void CodeEditor::commit_memo() {
    if (!memo_->IsModified()) return;
    memo_->SetModified(false);
    const std::string text = from_wx(memo_->GetValue());
    if (const auto memo = memo_of(wb_.repo(), *code_)) {
        core::EditMemo edit(memo->id, std::nullopt, text);
        edit.expect(memo_seen_ && memo_seen_->id == memo->id ? *memo_seen_ : *memo);
        if (!wb_.run(edit)) {
            memo_->MarkDirty();
            memo_seen_ = memo;
        }
        return;
    }
    core::Memo m;
    m.target = core::MemoTarget::code;
    m.target_id = code_->value;
    m.title = "Memo";
    m.text = text;
    m.author = wb_.coder();
    m.created = wb_.project().now();
    wb_.run(core::AddMemo(m));
}

void CodeEditor::commit_tags() {
    if (!code_ || !wb_.is_open() || loading_) return;
    core::TagPatch patch;
    std::vector<core::ComB> comb;
    for (unsigned i = 0; i < comb_->GetCount(); ++i) {
        if (comb_->IsChecked(i)) comb.push_back(core::kAllComB[i]);
    }
    patch.comb = comb;
    const int level = level_->GetSelection();
    if (level <= 0) {
        patch.level = std::optional<core::LevelTag>();
    } else {
        patch.level = std::optional<core::LevelTag>(
            core::LevelTag{core::kAllLevels[level - 1], level == 3 ? from_wx(actor_->GetValue()) : std::string()});
    }
    actor_->SetModified(false);
    const int valence = valence_->GetSelection();
    patch.valence = valence <= 0 ? std::optional<core::Valence>() : std::optional(core::kAllValences[valence - 1]);
    run_on_code(core::TagCode(wb_.code_path(*code_), patch));
}

bool CodeEditor::run_on_code(core::Command&& command) {
    command.expect(core::RowKind::code, code_->value, seen_version_);
    if (wb_.run(command)) return true;
    // Refused: the project is as it was; show it, and take its version as seen from now on.
    const auto* code = core::CodeTree(wb_.repo().codes()).find(*code_);
    if (code) seen_version_ = code->version;
    reload();
    return false;
}

}  // namespace comb::gui

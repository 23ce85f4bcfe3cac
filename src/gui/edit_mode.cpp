// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/edit_mode.h"

#include <algorithm>

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/commands/edit_text.h"
#include "core/utf8.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

constexpr std::int64_t kContext = 60;  // code points of context either side

std::string slice(const std::string& text, std::int64_t a, std::int64_t b) {
    const auto n = core::utf8::length(text);
    a = std::clamp<std::int64_t>(a, 0, n);
    b = std::clamp<std::int64_t>(b, a, n);
    return std::string(core::utf8::slice(text, {core::CodePoint(a), core::CodePoint(b)}));
}

}  // namespace

CorrectTextDialog::CorrectTextDialog(wxWindow* parent, const std::string& before, const std::string& selected,
                                     const std::string& after)
    : wxDialog(parent, wxID_ANY, "Correct transcript", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* context = new wxStaticText(this, wxID_ANY, to_wx("\u2026" + before + "[" + selected + "]" + after + "\u2026"));
    context->SetForegroundColour(wxColour(80, 80, 80));
    context->Wrap(FromDIP(520));
    text_ = new wxTextCtrl(this, wxID_ANY, to_wx(selected), wxDefaultPosition, FromDIP(wxSize(520, 90)), wxTE_MULTILINE);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, "The selected text (in brackets) becomes:"), 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(context, 0, wxALL, FromDIP(12));
    sizer->Add(text_, 1, wxLEFT | wxRIGHT | wxEXPAND, FromDIP(12));
    sizer->Add(new wxStaticText(this, wxID_ANY, "Codings keep their words; a coding whose whole text is deleted is removed."),
               0, wxALL, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, FromDIP(12));
    SetSizerAndFit(sizer);
    text_->SetFocus();
    text_->SelectAll();
}

std::string CorrectTextDialog::text() const { return from_wx(text_->GetValue()); }
void CorrectTextDialog::set_text(const std::string& text) { text_->SetValue(to_wx(text)); }

std::optional<std::vector<core::Coding>> correct_text(Workbench& wb, core::DocumentId doc, core::Span span,
                                                      const std::string& text) {
    if (!wb.is_open()) return std::nullopt;
    std::optional<std::vector<core::Coding>> removed;
    // The removed codings are the erased rows of the change set the command applied.
    auto sub = wb.project().changed().subscribe([&](const core::ProjectChanged& e) {
        if (e.cause == core::ProjectChanged::Cause::command) removed = core::removed_codings(e.changes);
    });
    if (!wb.run(core::EditText(doc, span, text))) return std::nullopt;
    return removed.value_or(std::vector<core::Coding>{});
}

std::string removed_message(Workbench& wb, const std::vector<core::Coding>& removed) {
    std::string out = removed.size() == 1 ? "1 coding lost all its text and was removed:"
                                          : std::to_string(removed.size()) + " codings lost all their text and were removed:";
    for (const auto& c : removed) {
        std::string path;
        try { path = wb.code_path(c.code); } catch (const std::exception&) { path = "code " + std::to_string(c.code.value); }
        out += "\n  " + path + " at " + std::to_string(c.span.start.value) + "-" + std::to_string(c.span.end.value);
    }
    return out + "\n(Undo brings them back.)";
}

void correct_selection(wxWindow* parent, Workbench& wb, core::DocumentId doc, core::Span span) {
    const auto d = wb.repo().find_document(doc);
    if (!d) return;
    const std::string text = wb.repo().text(d->text_id);
    CorrectTextDialog dialog(parent, slice(text, span.start.value - kContext, span.start.value),
                             slice(text, span.start.value, span.end.value), slice(text, span.end.value, span.end.value + kContext));
    if (dialog.ShowModal() != wxID_OK) return;
    const auto removed = correct_text(wb, doc, span, dialog.text());
    if (removed && !removed->empty()) {
        wxMessageBox(to_wx(removed_message(wb, *removed)), "Correct transcript", wxOK | wxICON_INFORMATION, parent);
    }
}

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/coding_memo_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/utf8.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

constexpr std::int64_t kQuoteChars = 300;  // a long coding is shown by its beginning

std::string shortened(const std::string& quote) {
    if (core::utf8::length(quote) <= kQuoteChars) return quote;
    return std::string(core::utf8::slice(quote, {core::CodePoint(0), core::CodePoint(kQuoteChars)})) + "\u2026";
}

}  // namespace

CodingMemoDialog::CodingMemoDialog(wxWindow* parent, const std::string& code, const std::string& quote,
                                   const std::string& text, bool has_memo)
    : wxDialog(parent, wxID_ANY, "Memo on coding", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* heading = new wxStaticText(this, wxID_ANY, to_wx(code));
    heading->SetFont(heading->GetFont().Bold());
    auto* quote_text = new wxStaticText(this, wxID_ANY, to_wx("\u201C" + shortened(quote) + "\u201D"));
    quote_text->SetForegroundColour(wxColour(80, 80, 80));
    quote_text->Wrap(FromDIP(460));
    text_ = new wxTextCtrl(this, wxID_ANY, to_wx(text), wxDefaultPosition, FromDIP(wxSize(460, 160)), wxTE_MULTILINE);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    if (has_memo) {
        auto* remove = new wxButton(this, wxID_DELETE, "&Delete memo");
        remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_DELETE); });
        buttons->Add(remove, 0, wxRIGHT, FromDIP(8));
    }
    buttons->AddStretchSpacer();
    buttons->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(quote_text, 0, wxALL, FromDIP(12));
    sizer->Add(new wxStaticText(this, wxID_ANY, "&Memo:"), 0, wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(text_, 1, wxALL | wxEXPAND, FromDIP(12));
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM | wxEXPAND, FromDIP(12));
    SetSizerAndFit(sizer);
    text_->SetFocus();
    text_->SetInsertionPointEnd();
}

std::string CodingMemoDialog::text() const { return from_wx(text_->GetValue()); }

}  // namespace comb::gui

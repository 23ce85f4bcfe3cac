// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/shortcuts_dialog.h"

#include <algorithm>
#include <sstream>

#include <wx/display.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

#include "gui/list_fit.h"
#include "gui/wx_text.h"

namespace comb::gui {

ShortcutsDialog::ShortcutsDialog(wxWindow* parent, const std::string& text)
    : wxDialog(parent, wxID_ANY, "Keyboard shortcuts", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("shortcuts");
    list_->AppendColumn("Keys");
    list_->AppendColumn("Action");
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        const auto tab = line.find('\t');
        const long row = list_->InsertItem(list_->GetItemCount(), to_wx(line.substr(0, tab)));
        if (tab != std::string::npos) list_->SetItem(row, 1, to_wx(line.substr(tab + 1)));
    }
    fit_list_columns(*list_);
    // As tall as the rows (up to four fifths of the screen) and as wide as the columns.
    const int width = list_->GetColumnWidth(0) + list_->GetColumnWidth(1) + FromDIP(24);
    wxRect row;
    const int row_height = list_->GetItemCount() > 0 && list_->GetItemRect(0, row) ? row.height : FromDIP(22);
    const int screen = wxDisplay(wxDisplay::GetFromWindow(parent) == wxNOT_FOUND ? 0u : static_cast<unsigned>(wxDisplay::GetFromWindow(parent)))
                           .GetClientArea().height;
    const int height = std::min((list_->GetItemCount() + 2) * row_height, screen * 4 / 5 - FromDIP(80));
    list_->SetMinSize(wxSize(width, height));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizerAndFit(sizer);
    fit_list_columns(*list_);  // the last column to the final width
    CentreOnParent();
}

}  // namespace comb::gui

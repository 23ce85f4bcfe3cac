// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/preferences_dialog.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/fontpicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/settings.h"
#include "gui/wx_text.h"

namespace comb::gui {

bool show_preferences(wxWindow* parent, Settings& settings) {
    wxDialog dialog(parent, wxID_ANY, "Preferences");
    auto* grid = new wxFlexGridSizer(2, dialog.FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1);
    wxFont font(wxFontInfo(settings.font_size()).Family(wxFONTFAMILY_SWISS));
    if (!settings.font_face().empty()) font.SetFaceName(to_wx(settings.font_face()));
    grid->Add(new wxStaticText(&dialog, wxID_ANY, "Transcript &font:"), 0, wxALIGN_CENTER_VERTICAL);
    auto* picker = new wxFontPickerCtrl(&dialog, wxID_ANY, font);
    grid->Add(picker, 1, wxEXPAND);
    grid->Add(new wxStaticText(&dialog, wxID_ANY, "&Highlight coded text as:"), 0, wxALIGN_CENTER_VERTICAL);
    const wxString styles[] = {"Coloured background", "Thick underline", "Coloured text"};
    auto* style = new wxChoice(&dialog, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, styles);
    style->SetSelection(static_cast<int>(settings.highlight_style()));
    grid->Add(style, 1, wxEXPAND);
    grid->Add(new wxStaticText(&dialog, wxID_ANY, "Your name as a &coder:"), 0, wxALIGN_CENTER_VERTICAL);
    auto* coder = new wxTextCtrl(&dialog, wxID_ANY, to_wx(settings.coder_name()));
    coder->SetToolTip("Recorded on every coding and memo you make; agreement and merges tell coders apart by it");
    grid->Add(coder, 1, wxEXPAND);
    grid->AddSpacer(0);
    auto* snap = new wxCheckBox(&dialog, wxID_ANY, "&Selections snap to whole words");
    snap->SetValue(settings.snap_to_words());
    snap->SetToolTip("Selecting with the mouse from inside a word takes the whole word");
    grid->Add(snap, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, dialog.FromDIP(12));
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(8));
    dialog.SetSizerAndFit(sizer);
    if (dialog.ShowModal() != wxID_OK) return false;
    const wxFont chosen = picker->GetSelectedFont();
    if (chosen.IsOk()) {
        settings.set_font_face(from_wx(chosen.GetFaceName()));
        settings.set_font_size(chosen.GetPointSize());
    }
    settings.set_highlight_style(static_cast<HighlightStyle>(std::max(0, style->GetSelection())));
    if (const auto name = from_wx(coder->GetValue()); !name.empty()) settings.set_coder_name(name);
    settings.set_snap_to_words(snap->GetValue());
    settings.flush();
    return true;
}

}  // namespace comb::gui

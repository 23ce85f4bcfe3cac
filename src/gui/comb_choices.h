// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The code editor's COM-B choices: one check box per COM-B component ("C.Ph  Physical
// capability") in a grid of two columns, or one when the pane is too narrow for two
// (fit_width), so none is ever clipped the way the fixed-height list clipped M.Au. Sends wxEVT_CHECKBOX when the user ticks one. Check/IsChecked/
// GetCount mirror wxCheckListBox for the editor and tests.
#include <vector>

#include <wx/panel.h>

class wxGridSizer;

class wxCheckBox;

namespace comb::gui {

class CombChoices : public wxPanel {
public:
    explicit CombChoices(wxWindow* parent);
    unsigned GetCount() const { return static_cast<unsigned>(boxes_.size()); }
    bool IsChecked(unsigned i) const;
    void Check(unsigned i, bool on = true);
    wxCheckBox& box(unsigned i) { return *boxes_.at(i); }
    bool Enable(bool on = true) override;
    // Two columns when `width` pixels hold them, else one; true when that changed.
    bool fit_width(int width);
    int columns() const;

private:
    void place();  // the boxes into the grid, column by column
    std::vector<wxCheckBox*> boxes_;
    wxGridSizer* grid_ = nullptr;
    int two_columns_ = 0;  // the width two columns need
};

}  // namespace comb::gui

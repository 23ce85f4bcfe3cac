// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/comb_choices.h"

#include <algorithm>

#include <wx/checkbox.h>
#include <wx/sizer.h>

#include "core/tags.h"
#include "gui/wx_text.h"

namespace comb::gui {

CombChoices::CombChoices(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("COM-B");
    int widest = 0;
    for (const auto c : core::kAllComB) {
        auto* box = new wxCheckBox(this, wxID_ANY, to_wx(std::string(core::to_string(c)) + "  " + std::string(core::label(c))));
        box->SetName(to_wx(std::string(core::to_string(c))));
        boxes_.push_back(box);
        widest = std::max(widest, box->GetBestSize().GetWidth());
    }
    two_columns_ = 2 * widest + FromDIP(12);
    grid_ = new wxGridSizer(2, FromDIP(wxSize(12, 2)));
    SetSizer(grid_);
    place();
}

void CombChoices::place() {
    grid_->Clear(false);
    if (grid_->GetCols() == 1) {
        for (auto* box : boxes_) grid_->Add(box);
        return;
    }
    // Column by column: capability and opportunity down the first, the rest down the second.
    const std::size_t half = (boxes_.size() + 1) / 2;
    for (std::size_t row = 0; row < half; ++row) {
        grid_->Add(boxes_[row]);
        if (row + half < boxes_.size()) grid_->Add(boxes_[row + half]);
    }
}

int CombChoices::columns() const { return grid_->GetCols(); }

bool CombChoices::fit_width(int width) {
    const int cols = width >= two_columns_ ? 2 : 1;
    if (cols == grid_->GetCols()) return false;
    grid_->SetCols(cols);
    place();
    InvalidateBestSize();
    return true;
}

bool CombChoices::IsChecked(unsigned i) const { return boxes_.at(i)->GetValue(); }

void CombChoices::Check(unsigned i, bool on) { boxes_.at(i)->SetValue(on); }

bool CombChoices::Enable(bool on) {
    for (auto* box : boxes_) box->Enable(on);
    return wxPanel::Enable(on);
}

}  // namespace comb::gui

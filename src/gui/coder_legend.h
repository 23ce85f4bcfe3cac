// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The transcript's coder legend: a row of colour swatches and names above the text ("■ ann
// ■ bob" when several coders' codings are shown, "■ ann only ■ bob only ■ both" while
// comparing), hidden when there is nothing to tell apart.
#include <vector>

#include <wx/panel.h>

#include "gui/coder_filter.h"

namespace comb::gui {

class CoderLegend : public wxPanel {
public:
    explicit CoderLegend(wxWindow* parent);
    // Shows these entries (hides the legend when empty); true when they changed.
    bool set(std::vector<LegendEntry> entries);
    const std::vector<LegendEntry>& entries() const { return entries_; }

private:
    std::vector<LegendEntry> entries_;
};

}  // namespace comb::gui

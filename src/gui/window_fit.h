// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fitting the main window and its panes to the screen it opens on: a remembered or default
// rectangle is shrunk to the display's work area and moved into it (a 1400x900 window on a
// 1280x720 laptop screen opens at 1280x720, not wider than the screen), and the side and
// bottom panes start at sizes relative to the window rather than fixed pixels. No wx window:
// the arithmetic is tested on its own.
#include <wx/gdicmn.h>

namespace comb::gui {

// `wanted` moved and shrunk to lie inside `area` (the display's client area).
wxRect fit_rect(const wxRect& wanted, const wxRect& area);

// Starting sizes of the panes for a window whose client area is `client` (pixels), never
// above the designed sizes (`max_*`, pixels) nor below a readable minimum.
struct PaneSizes {
    int left = 0;    // documents and themes, width
    int right = 0;   // codes and code editor, width
    int bottom = 0;  // matrix and search, height
};
PaneSizes pane_sizes(const wxSize& client, const PaneSizes& max);

}  // namespace comb::gui

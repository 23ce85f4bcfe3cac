// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/window_fit.h"

#include <algorithm>

namespace comb::gui {

wxRect fit_rect(const wxRect& wanted, const wxRect& area) {
    wxRect out = wanted;
    out.width = std::min(out.width, area.width);
    out.height = std::min(out.height, area.height);
    out.x = std::clamp(out.x, area.x, area.x + area.width - out.width);
    out.y = std::clamp(out.y, area.y, area.y + area.height - out.height);
    return out;
}

PaneSizes pane_sizes(const wxSize& client, const PaneSizes& max) {
    // The transcript keeps at least ~40% of the width: the left column takes about a sixth,
    // the right one two fifths; the bottom row about a third of the height.
    const auto part = [](int whole, double share, int low, int high) {
        return std::clamp(static_cast<int>(whole * share), std::min(low, high), high);
    };
    PaneSizes out;
    out.left = part(client.x, 0.165, max.left * 2 / 3, max.left);
    out.right = part(client.x, 0.40, max.right / 2, max.right);
    out.bottom = part(client.y, 0.33, max.bottom / 2, max.bottom);
    return out;
}

}  // namespace comb::gui

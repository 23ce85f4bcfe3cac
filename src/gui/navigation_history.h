// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// NavigationHistory: the places a user jumped from, for Back (Alt+Left) and Forward
// (Alt+Right), as a browser keeps them. A jump pushes the place left onto the back list and
// forgets the forward list; Back returns to the last place left and remembers where it was for
// Forward. No wx type: MainFrame records the jumps the Workbench announces.
#include <cstddef>
#include <optional>
#include <vector>

#include "core/model.h"

namespace comb::gui {

class NavigationHistory {
public:
    struct Place {
        core::DocumentId document;
        core::Span span;  // the selection, or an empty span at the caret
        bool operator==(const Place&) const = default;
    };
    static constexpr std::size_t kMaxPlaces = 100;

    // A jump from `from` (the place shown before it) to elsewhere.
    void jumped(const Place& from);
    // The place to go back to from `current` (which Forward then returns to); nullopt if none.
    std::optional<Place> back(const Place& current);
    std::optional<Place> forward(const Place& current);
    bool can_go_back() const { return !back_.empty(); }
    bool can_go_forward() const { return !forward_.empty(); }
    void clear();

private:
    std::vector<Place> back_, forward_;
};

}  // namespace comb::gui

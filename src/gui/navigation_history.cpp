// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/navigation_history.h"

namespace comb::gui {

void NavigationHistory::jumped(const Place& from) {
    // Two jumps from the same place (clicking down a list of hits) are one step back.
    if (back_.empty() || !(back_.back() == from)) back_.push_back(from);
    if (back_.size() > kMaxPlaces) back_.erase(back_.begin());
    forward_.clear();
}

std::optional<NavigationHistory::Place> NavigationHistory::back(const Place& current) {
    if (back_.empty()) return std::nullopt;
    const Place to = back_.back();
    back_.pop_back();
    forward_.push_back(current);
    return to;
}

std::optional<NavigationHistory::Place> NavigationHistory::forward(const Place& current) {
    if (forward_.empty()) return std::nullopt;
    const Place to = forward_.back();
    forward_.pop_back();
    back_.push_back(current);
    return to;
}

void NavigationHistory::clear() {
    back_.clear();
    forward_.clear();
}

}  // namespace comb::gui

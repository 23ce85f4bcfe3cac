// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Preferences dialog: transcript font and highlight style, saved through Settings.
class wxWindow;

namespace comb::gui {

class Settings;

// Shows the dialog; true when the user pressed OK (the settings are then saved).
bool show_preferences(wxWindow* parent, Settings& settings);

}  // namespace comb::gui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PNGs of what the screen shows, written to COMB_SCREENSHOT_DIR (the build's screenshots/
// folder) for a person to look at. Read through grab_screen (screen_grab.h), not wxScreenDC.
#include <cstdint>
#include <string>

class wxWindow;

namespace comb::test::gui_harness {

// What the screen shows of `window` (after letting it draw, unless `settle` is false);
// returns the PNG's size in bytes.
std::uintmax_t shoot(wxWindow& window, const std::string& name, bool settle = true);
// The whole screen; returns the PNG's size in bytes.
std::uintmax_t shoot_screen(const std::string& name);

}  // namespace comb::test::gui_harness

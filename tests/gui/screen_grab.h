// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the X server's screen shows now in a rectangle, read with XGetImage from the root
// window. wxScreenDC cannot be used for a series of shots under GTK 3: the root window's
// cairo surface is cached and, as nothing draws on the root itself, every later blit returns
// the first shot's pixels. Kept apart from wx headers (Xlib's macros clash with them).
#include <vector>

namespace comb::test::gui_harness {

struct ScreenPixels {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;  // width * height * 3, row by row
};

// The rectangle clipped to the screen; empty when there is no display.
ScreenPixels grab_screen(int x, int y, int width, int height);

}  // namespace comb::test::gui_harness

// SPDX-License-Identifier: GPL-3.0-or-later
#include "screen_grab.h"

#include <algorithm>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace comb::test::gui_harness {

ScreenPixels grab_screen(int x, int y, int width, int height) {
    ScreenPixels out;
    Display* display = XOpenDisplay(nullptr);
    if (!display) return out;
    const int screen_w = DisplayWidth(display, DefaultScreen(display));
    const int screen_h = DisplayHeight(display, DefaultScreen(display));
    const int x0 = std::clamp(x, 0, screen_w), y0 = std::clamp(y, 0, screen_h);
    const int x1 = std::clamp(x + width, 0, screen_w), y1 = std::clamp(y + height, 0, screen_h);
    if (x1 > x0 && y1 > y0) {
        XSync(display, False);
        XImage* image = XGetImage(display, DefaultRootWindow(display), x0, y0, static_cast<unsigned>(x1 - x0),
                                  static_cast<unsigned>(y1 - y0), AllPlanes, ZPixmap);
        if (image) {
            out.width = x1 - x0;
            out.height = y1 - y0;
            out.rgb.reserve(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 3);
            for (int row = 0; row < out.height; ++row) {
                for (int col = 0; col < out.width; ++col) {
                    const unsigned long p = XGetPixel(image, col, row);
                    out.rgb.push_back(static_cast<unsigned char>((p & image->red_mask) >> 16));
                    out.rgb.push_back(static_cast<unsigned char>((p & image->green_mask) >> 8));
                    out.rgb.push_back(static_cast<unsigned char>(p & image->blue_mask));
                }
            }
            XDestroyImage(image);
        }
    }
    XCloseDisplay(display);
    return out;
}

}  // namespace comb::test::gui_harness

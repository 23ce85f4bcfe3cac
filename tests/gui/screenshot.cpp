// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshot.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <wx/display.h>
#include <wx/image.h>

#include "gui/wx_text.h"
#include "gui_harness.h"
#include "screen_grab.h"

namespace comb::test::gui_harness {
namespace {

std::uintmax_t save(const ScreenPixels& pixels, const std::string& name) {
    REQUIRE(pixels.width > 0);
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxInitAllImageHandlers();
    wxImage image(pixels.width, pixels.height);
    std::copy(pixels.rgb.begin(), pixels.rgb.end(), image.GetData());
    const auto path = std::filesystem::path(COMB_SCREENSHOT_DIR) / (name + ".png");
    std::filesystem::create_directories(path.parent_path());
    REQUIRE(image.SaveFile(gui::to_wx(path.string()), wxBITMAP_TYPE_PNG));
    return std::filesystem::file_size(path);
}

}  // namespace

std::uintmax_t shoot(wxWindow& window, const std::string& name, bool settle) {
    window.Update();
    if (settle) pump(150);
    const wxRect r = window.GetScreenRect();
    return save(grab_screen(r.x, r.y, r.width, r.height), name);
}

std::uintmax_t shoot_screen(const std::string& name) {
    const wxRect screen = wxDisplay(0u).GetGeometry();
    return save(grab_screen(screen.x, screen.y, screen.width, screen.height), name);
}

}  // namespace comb::test::gui_harness

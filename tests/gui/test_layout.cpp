// SPDX-License-Identifier: GPL-3.0-or-later
// The window fits the screen (issue 14, layout): a remembered or default size never larger
// than the display, panes sized relative to the window, the code editor scrolling as one with
// its COM-B choices in two columns, columns sized to their content, one menu per title.
#include <catch2/catch.hpp>

#include <set>

#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/display.h>
#include <wx/menu.h>

#include "gui/code_editor.h"
#include "gui/window_fit.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

TEST_CASE("a window and its panes are fitted to a 1280x720 screen", "[gui][layout]") {
    const wxRect screen(0, 0, 1280, 720);
    // The designed 1400x900 shrinks to the screen; a window off its right edge moves back.
    CHECK(gui::fit_rect({0, 0, 1400, 900}, screen) == wxRect(0, 0, 1280, 720));
    CHECK(gui::fit_rect({600, 300, 1000, 600}, screen) == wxRect(280, 120, 1000, 600));
    CHECK(gui::fit_rect({10, 20, 800, 500}, screen) == wxRect(10, 20, 800, 500));
    CHECK(gui::fit_rect({0, 0, 1400, 900}, {1280, 0, 1920, 1080}) == wxRect(1280, 0, 1400, 900));
    const gui::PaneSizes designed{230, 560, 260};
    const auto small = gui::pane_sizes({1280, 673}, designed);
    CHECK(small.left == 211);
    CHECK(small.right == 512);
    CHECK(small.bottom == 222);
    CHECK(1280 - small.left - small.right >= 540);  // the transcript keeps a readable width
    const auto large = gui::pane_sizes({1400, 853}, designed);
    CHECK(large.left == 230);
    CHECK(large.right == 560);
    CHECK(large.bottom == 260);
}

TEST_CASE("the main window opens inside the screen and every pane inside the window", "[gui][layout]") {
    Fixture f;
    const wxRect area = wxDisplay(0u).GetClientArea();
    // Remembered on a larger monitor: opens shrunk to this one.
    f.close_frame();
    f.settings->set_frame_geometry("0,0," + std::to_string(area.width + 600) + "," + std::to_string(area.height + 400) + ",0");
    f.open_frame();
    pump(200);
    CHECK(area.Contains(f.frame->GetScreenRect()));
    CHECK(f.frame->GetSize().x <= area.width);
    const wxSize client = f.frame->GetClientSize();
    const auto& panes = f.frame->aui().GetAllPanes();
    for (std::size_t i = 0; i < panes.GetCount(); ++i) {
        const auto& pane = panes.Item(i);
        if (!pane.IsShown()) continue;
        INFO(gui::from_wx(pane.name));
        const wxRect r = pane.window->GetRect();
        CHECK(r.GetRight() < client.x);
        CHECK(r.GetBottom() < client.y);
        CHECK(r.width >= pane.min_size.x);
    }
}

TEST_CASE("the code editor shows every COM-B choice in two columns and scrolls to the memo", "[gui][layout]") {
    Fixture f;
    f.frame->workbench().select_code(f.code("Organisation/Leadership"));
    pump(100);
    auto& editor = f.frame->editor();
    auto& comb = editor.comb();
    REQUIRE(comb.GetCount() == 6);
    CHECK(comb.columns() == 2);
    // C.Ph, C.Ps, O.Ph down the first column, O.So, M.Re, M.Au down the second; none clipped.
    CHECK(comb.box(3).GetPosition().x > comb.box(0).GetPosition().x);
    CHECK(comb.box(5).GetPosition().y == comb.box(2).GetPosition().y);
    for (unsigned i = 0; i < 6; ++i) {
        INFO(i);
        CHECK(comb.box(i).GetRect().GetBottom() < comb.GetSize().y);
        CHECK(comb.box(i).GetRect().GetRight() < comb.GetSize().x);
    }
    CHECK(gui::from_wx(comb.box(5).GetLabel()) == "M.Au  Automatic motivation");
    // Narrow: one column, still all there.
    CHECK(comb.fit_width(comb.box(0).GetSize().x + 10));
    CHECK(comb.columns() == 1);
    CHECK(comb.fit_width(2000));
    // The pane is shorter than the editor: it scrolls as one, down to the memo.
    const int visible = editor.GetClientSize().y;
    CHECK(editor.GetVirtualSize().y > visible);
    CHECK(editor.GetVirtualSize().x <= editor.GetClientSize().x);
    editor.Scroll(0, editor.GetVirtualSize().y);
    pump(50);
    const wxRect memo = editor.memo().GetScreenRect();
    const wxRect shown = editor.GetScreenRect();
    CHECK(memo.GetBottom() <= shown.GetBottom());
    CHECK(memo.GetTop() >= shown.GetTop());
}

TEST_CASE("code tree columns are as wide as their content, the name takes the rest", "[gui][layout]") {
    Fixture f;
    pump(200);
    auto& ctrl = f.frame->codes().control();
    const auto need = f.frame->codes().needed_widths();
    REQUIRE(need.size() == ctrl.GetColumnCount());
    int total = 0;
    for (unsigned c = 1; c < ctrl.GetColumnCount(); ++c) {
        INFO(gui::from_wx(ctrl.GetColumn(c)->GetTitle()));
        // GTK gives the last column whatever is left of the row (the scroll bar's room).
        if (c + 1 < ctrl.GetColumnCount()) CHECK(ctrl.GetColumn(c)->GetWidth() == need[c]);
        else CHECK(ctrl.GetColumn(c)->GetWidth() >= need[c]);
        total += need[c];
    }
    // Wide enough here for every name: the name column holds its longest and fills the pane.
    CHECK(ctrl.GetColumn(0)->GetWidth() >= need[0]);
    CHECK(ctrl.GetColumn(0)->GetWidth() + total <= ctrl.GetClientSize().x);
    CHECK(ctrl.GetColumn(1)->GetWidth() < 90);  // "Codings" and its digits, not a fixed 120
    CHECK(ctrl.GetColumn(0)->GetWidth() + total >= ctrl.GetClientSize().x - 40);
}

TEST_CASE("each menu title appears once in the menu bar", "[gui][layout]") {
    Fixture f;
    auto* bar = f.frame->GetMenuBar();
    std::set<std::string> titles;
    for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) {
        const auto title = gui::from_wx(wxStripMenuCodes(bar->GetMenuLabel(i)));
        INFO(title);
        CHECK(titles.insert(title).second);
    }
    CHECK(titles == std::set<std::string>{"File", "Edit", "Code", "View", "Tools", "Help"});
    CHECK(bar->FindMenuItem("View", "Reset layout") != wxNOT_FOUND);
}

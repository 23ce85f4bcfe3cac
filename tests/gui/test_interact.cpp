// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of the workbench's interactions: dropping a code on selected text, renaming and
// re-parenting themes, memos on single codings, upgrading an old layout, and moving the
// keyboard focus between panes. Real mouse drag and drop is unreliable under Xvfb, so drops
// are driven through the same methods the drop handlers call.
#include <catch2/catch.hpp>

#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/stc/stc.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>

#include "core/commands/theme_commands.h"
#include "gui/code_drag.h"
#include "gui/command_ids.h"
#include "gui/theme_panel.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

std::size_t codings_of(Fixture& f, core::CodeId code) {
    std::size_t n = 0;
    for (const auto& c : f.frame->workbench().repo().codings()) n += c.code == code;
    return n;
}

// Screen point at the middle of a code's row in the code tree.
wxPoint code_row(Fixture& f, core::CodeId id) {
    auto& tree = f.frame->codes().control();
    const auto item = gui::CodeTreeModel::item_of(id);
    tree.EnsureVisible(item);
    pump(50);
    const wxRect r = tree.GetItemRect(item, tree.GetColumn(0));
    return tree.GetMainWindow()->ClientToScreen(wxPoint(r.x + r.width / 2, r.y + r.height / 2));
}

// A real mouse drag through the window system (XTest), in small steps so GTK sees a drag.
void drag(const wxPoint& from, const wxPoint& to) {
    wxUIActionSimulator sim;
    sim.MouseMove(from);
    pump(100);
    sim.MouseDown();
    pump(100);
    for (int i = 1; i <= 20; ++i) {
        sim.MouseMove(from + (to - from) * i / 20);
        pump(40);
    }
    sim.MouseUp();
}

std::string status(Fixture& f, int field) { return gui::from_wx(f.frame->GetStatusBar()->GetStatusText(field)); }

std::vector<std::string> labels(wxMenu& menu) {
    std::vector<std::string> out;
    for (const auto* item : menu.GetMenuItems()) {
        if (!item->IsSeparator()) out.push_back(gui::from_wx(item->GetItemLabelText()));
    }
    return out;
}

core::CodingId coding_of(Fixture& f, const std::string& path) {
    for (const auto& c : f.view().codings()) {
        if (c.code == f.code(path)) return c.id;
    }
    FAIL("no coding of " << path);
    return core::CodingId(0);
}

}  // namespace

TEST_CASE("a code's drag data carries its id in our own format", "[gui][interact]") {
    ensure_wx();
    const gui::CodeDataObject sent(core::CodeId(42));
    CHECK(gui::from_wx(sent.GetFormat().GetId()) == "application/x-comb-code");
    std::string buffer(sent.GetDataSize(), '\0');
    REQUIRE(sent.GetDataHere(buffer.data()));
    CHECK(buffer == "42");
    gui::CodeDataObject received;
    REQUIRE(received.SetData(buffer.size(), buffer.data()));
    CHECK(received.code() == core::CodeId(42));
    CHECK_FALSE(received.SetData(5, "hello"));
    CHECK_FALSE(received.code());
}

TEST_CASE("dropping a code on selected text codes it as Ctrl+E does, undo removes it", "[gui][interact]") {
    Fixture f;
    auto& view = f.view();
    const auto staffing = f.code("Organisation/Staffing");
    REQUIRE(codings_of(f, staffing) == 1);
    const auto target = span_of("Time is the barrier");
    view.select(target);

    REQUIRE(view.drop_code(staffing, view.text_position(target.start)));
    pump(50);
    CHECK(codings_of(f, staffing) == 2);
    CHECK(f.frame->workbench().selected_code() == staffing);
    const auto here = view.codings_at(target.start);
    REQUIRE(here.size() == 1);
    CHECK(here[0].span == target);
    CHECK(here[0].code == staffing);
    CHECK(f.frame->workbench().project().undo_label() == "Code passage as Organisation/Staffing");
    CHECK(view.highlight_at(target.start) == f.model().tree().code(staffing).colour);

    REQUIRE(f.frame->workbench().undo());
    CHECK(codings_of(f, staffing) == 1);
    CHECK(view.codings_at(target.start).empty());
    CHECK(f.errors.empty());
}

TEST_CASE("dropping a code without a selection says so and changes nothing", "[gui][interact]") {
    Fixture f;
    auto& view = f.view();
    const auto staffing = f.code("Organisation/Staffing");
    const int caret = view.text_position(cp_of("Time is"));
    view.control().SetSelection(caret, caret);
    REQUIRE_FALSE(view.selection());
    const auto before = f.frame->workbench().repo().codings();
    const auto undo = f.frame->workbench().project().undo_label();

    CHECK_FALSE(view.drop_code(staffing, caret));
    pump(50);
    CHECK(f.frame->workbench().repo().codings() == before);
    CHECK(f.frame->workbench().project().undo_label() == undo);
    CHECK(status(f, 1) == "Select text in the transcript first, then drop a code on it to code it");
    CHECK(f.errors.empty());
}

// Real drags pass under Xvfb on the development machine, but the window system's drag timing
// is not something a loaded CI machine promises; run them with: test_gui "[dnd]".
TEST_CASE("a real mouse drag from the code tree onto selected text codes it", "[.][gui][interact][dnd]") {
    Fixture f;
    auto& view = f.view();
    const auto staffing = f.code("Organisation/Staffing");
    const auto target = span_of("Time is the barrier");
    view.select(target);
    pump(100);
    const wxPoint to = view.control().ClientToScreen(view.control().PointFromPosition(view.text_position(target.start) + 3)) + wxPoint(2, 5);
    drag(code_row(f, staffing), to);
    REQUIRE(pump_until([&] { return codings_of(f, staffing) == 2; }));
    CHECK(view.codings_at(target.start).at(0).span == target);
}

TEST_CASE("a real mouse drag within the code tree still moves a code", "[.][gui][interact][dnd]") {
    Fixture f;
    const auto staffing = f.code("Organisation/Staffing");
    drag(code_row(f, staffing), code_row(f, f.code("Organisation/Leadership")));
    CHECK(pump_until([&] { return f.model().tree().path(staffing) == "Organisation/Leadership/Staffing"; }));
}

TEST_CASE("a real mouse drag of a theme onto another makes it a subtheme", "[.][gui][interact][dnd]") {
    Fixture f;
    auto& themes = f.frame->themes();
    REQUIRE(themes.new_theme("Time pressure", std::nullopt, ""));
    REQUIRE(themes.new_theme("Release", std::nullopt, ""));
    pump(100);
    auto& tree = themes.control();
    const auto row = [&](const std::string& name) {
        wxTreeItemIdValue cookie;
        const auto root = tree.GetRootItem();
        for (auto it = tree.GetFirstChild(root, cookie); it.IsOk(); it = tree.GetNextChild(root, cookie)) {
            wxRect r;
            if (gui::from_wx(tree.GetItemText(it)) == name && tree.GetBoundingRect(it, r, true)) {
                return tree.ClientToScreen(wxPoint(r.x + r.width / 2, r.y + r.height / 2));
            }
        }
        FAIL("no row " << name);
        return wxPoint();
    };
    drag(row("Release"), row("Time pressure"));
    CHECK(pump_until([&] { return themes.describe() == "Time pressure\n  Release\n"; }));
}

TEST_CASE("themes are renamed in place and dragged to re-parent them, undo restores", "[gui][interact]") {
    Fixture f;
    auto& themes = f.frame->themes();
    REQUIRE(themes.new_theme("Time pressure", std::nullopt, ""));
    REQUIRE(themes.new_theme("Release", std::nullopt, ""));
    REQUIRE(themes.new_theme("Funding", std::nullopt, ""));
    f.frame->workbench().select_code(f.code("Organisation/Staffing"));
    themes.select("Release");
    REQUIRE(themes.add_selected_code());
    REQUIRE(themes.describe() == "Time pressure\nRelease\n  Organisation/Staffing\nFunding\n");

    SECTION("rename through the in-place editor") {
        themes.select("Release");
        REQUIRE(themes.start_rename());
        auto& tree = themes.control();
        REQUIRE(tree.GetEditControl());
        tree.GetEditControl()->SetValue("Protected time");
        tree.EndEditLabel(tree.GetSelection(), false);
        REQUIRE(pump_until([&] { return themes.describe().find("Protected time") != std::string::npos; }));
        CHECK(themes.describe() == "Time pressure\nProtected time\n  Organisation/Staffing\nFunding\n");
        CHECK(themes.selected_theme() == "Protected time");
        REQUIRE(f.frame->workbench().undo());
        CHECK(themes.describe() == "Time pressure\nRelease\n  Organisation/Staffing\nFunding\n");
    }
    SECTION("a member code row cannot be renamed here") {
        themes.select("Release", "Organisation/Staffing");
        CHECK_FALSE(themes.start_rename());
    }
    SECTION("a duplicate name is refused with the core's message") {
        CHECK_FALSE(themes.rename_theme("Release", "Funding"));
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0] == "a theme named \"Funding\" already exists");
        f.errors.clear();
        CHECK(themes.describe() == "Time pressure\nRelease\n  Organisation/Staffing\nFunding\n");
    }
    SECTION("drop onto a theme makes a subtheme; onto empty space, top-level") {
        REQUIRE(themes.move_theme("Release", std::string("Time pressure")));
        CHECK(themes.describe() == "Time pressure\n  Release\n    Organisation/Staffing\nFunding\n");
        REQUIRE(themes.move_theme("Time pressure", std::string("Funding")));
        CHECK(themes.describe() == "Funding\n  Time pressure\n    Release\n      Organisation/Staffing\n");
        REQUIRE(themes.move_theme("Release", std::nullopt));
        CHECK(themes.describe() == "Funding\n  Time pressure\nRelease\n  Organisation/Staffing\n");
        REQUIRE(f.frame->workbench().undo());
        REQUIRE(f.frame->workbench().undo());
        REQUIRE(f.frame->workbench().undo());
        CHECK(themes.describe() == "Time pressure\nRelease\n  Organisation/Staffing\nFunding\n");
        REQUIRE(f.frame->workbench().redo());
        CHECK(themes.describe() == "Time pressure\n  Release\n    Organisation/Staffing\nFunding\n");
    }
    SECTION("a theme dropped into its own subtheme is refused") {
        REQUIRE(themes.move_theme("Release", std::string("Time pressure")));
        CHECK_FALSE(themes.move_theme("Time pressure", std::string("Release")));
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0] == "cannot move theme \"Time pressure\" under itself or its subtheme \"Release\"");
        f.errors.clear();
        CHECK(themes.describe() == "Time pressure\n  Release\n    Organisation/Staffing\nFunding\n");
    }
    CHECK(f.errors.empty());
}

TEST_CASE("a memo on one coding is written, shown in the tooltip, edited and deleted", "[gui][interact]") {
    Fixture f;
    auto& view = f.view();
    const auto leadership = coding_of(f, "Organisation/Leadership");
    const auto at = cp_of("managers");
    CHECK(view.tooltip_at(at) == "Organisation/Leadership");
    {
        auto menu = view.context_menu(at);
        const auto items = labels(*menu);
        CHECK(std::find(items.begin(), items.end(), "Memo on coding\u2026") != items.end());
    }

    REQUIRE(view.set_coding_memo(leadership, "Managers gatekeep release.\nSee P03 too."));
    CHECK(view.coding_memo(leadership)->text == "Managers gatekeep release.\nSee P03 too.");
    CHECK(view.has_memo(leadership));
    CHECK_FALSE(view.has_memo(coding_of(f, "Organisation/Staffing")));
    CHECK(view.tooltip_at(at) == "Organisation/Leadership \u2014 memo: Managers gatekeep release.\u2026");
    // Nested codings: each line names its code; only the memo'd one mentions a memo.
    CHECK(view.tooltip_at(cp_of("released staff")) ==
          "Organisation/Leadership \u2014 memo: Managers gatekeep release.\u2026\nOrganisation/Staffing");
    {
        auto menu = view.context_menu(cp_of("released staff"));
        const auto items = labels(*menu);
        CHECK(std::count(items.begin(), items.end(), "Edit memo on coding \u201COrganisation/Leadership\u201D\u2026") == 1);
        CHECK(std::count(items.begin(), items.end(), "Memo on coding \u201COrganisation/Staffing\u201D\u2026") == 1);
    }
    for (const auto& s : view.stripes()) {
        if (s.coding != leadership) continue;
        auto menu = view.stripe_menu(s);
        CHECK(labels(*menu) == std::vector<std::string>{"Edit memo on coding\u2026"});
    }
    CHECK(f.frame->workbench().project().undo_label() == "Add memo");

    REQUIRE(view.set_coding_memo(leadership, "Short"));
    CHECK(view.tooltip_at(at) == "Organisation/Leadership \u2014 memo: Short");
    CHECK_FALSE(view.set_coding_memo(leadership, "Short"));  // unchanged: no empty undo step
    REQUIRE(f.frame->workbench().undo());
    CHECK(view.coding_memo(leadership)->text == "Managers gatekeep release.\nSee P03 too.");

    REQUIRE(view.set_coding_memo(leadership, ""));
    CHECK_FALSE(view.coding_memo(leadership));
    CHECK_FALSE(view.has_memo(leadership));
    CHECK(view.tooltip_at(at) == "Organisation/Leadership");
    REQUIRE(f.frame->workbench().undo());
    CHECK(view.coding_memo(leadership).has_value());
    CHECK(f.errors.empty());
}

TEST_CASE("a layout saved before the themes pane existed shows it at its default place", "[gui][interact]") {
    Fixture f;
    const std::string full = gui::from_wx(f.frame->aui().SavePerspective());
    const auto begin = full.find("name=themes;");
    REQUIRE(begin != std::string::npos);
    const auto end = full.find('|', begin);
    REQUIRE(end != std::string::npos);
    const std::string old = full.substr(0, begin) + full.substr(end + 1);
    REQUIRE(old.find("themes") == std::string::npos);

    f.close_frame();
    f.settings->set_perspective(old);
    f.open_frame();
    const auto& themes = f.frame->aui().GetPane("themes");
    CHECK(themes.IsShown());
    CHECK(themes.dock_direction == wxAUI_DOCK_LEFT);
    CHECK(f.frame->aui().GetPane("documents").IsShown());

    SECTION("a pane the user hid stays hidden") {
        f.frame->aui().GetPane("themes").Hide();
        f.frame->aui().Update();
        f.close_frame();
        f.open_frame();
        CHECK_FALSE(f.frame->aui().GetPane("themes").IsShown());
    }
}

TEST_CASE("View shortcuts move the focus to each pane, F6 cycles through the shown panes", "[gui][interact]") {
    Fixture f;
    f.frame->Raise();
    pump(100);
    f.command(gui::kIdShowCodes);
    REQUIRE(pump_until([&] { return f.frame->focused_pane() == "codes"; }));
    f.command(gui::kIdShowThemes);
    REQUIRE(pump_until([&] { return f.frame->focused_pane() == "themes"; }));
    f.command(gui::kIdShowTranscript);
    REQUIRE(pump_until([&] { return f.frame->focused_pane() == "transcript"; }));
    CHECK(wxWindow::FindFocus() == &f.view().control());

    // Default layout, shown panes in keyboard order: documents, themes, transcript, codes,
    // editor, then search and matrix share the bottom (both shown).
    f.command(gui::kIdNextPane);
    REQUIRE(pump_until([&] { return f.frame->focused_pane() == "codes"; }));
    f.command(gui::kIdNextPane);
    REQUIRE(pump_until([&] { return f.frame->focused_pane() == "editor"; }));
    f.command(gui::kIdPreviousPane);
    REQUIRE(pump_until([&] { return f.frame->focused_pane() == "codes"; }));

    SECTION("the themes shortcut pressed in the focused themes pane hides it") {
        f.command(gui::kIdShowThemes);
        REQUIRE(pump_until([&] { return f.frame->focused_pane() == "themes"; }));
        f.command(gui::kIdShowThemes);
        CHECK_FALSE(f.frame->aui().GetPane("themes").IsShown());
        CHECK(pump_until([&] { return f.frame->focused_pane() == "transcript"; }));
    }
    SECTION("the shortcut list names the new shortcuts") {
        const auto text = f.frame->shortcuts_text();
        CHECK(text.find("F6\tNext pane\n") != std::string::npos);
        CHECK(text.find("Shift+F6\tPrevious pane\n") != std::string::npos);
        CHECK(text.find("Alt+0\tTranscript\n") != std::string::npos);
    }
}

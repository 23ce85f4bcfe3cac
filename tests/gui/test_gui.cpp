// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests: drive the real MainFrame over a project built in code. They need a display;
// ctest runs them under xvfb-run when DISPLAY is unset (see CMakeLists.txt).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/evtloop.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/fileconf.h>
#include <wx/stc/stc.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include "core/code_paths.h"
#include "core/commands/coding_commands.h"
#include "gui/code_editor.h"
#include "gui/code_panel.h"
#include "gui/command_ids.h"
#include "gui/export_dialogs.h"
#include "gui/main_frame.h"
#include "gui/matrix_view.h"
#include "gui/result_list.h"
#include "gui/search_view.h"
#include "gui/theme_panel.h"
#include "core/commands/theme_commands.h"
#include "core/commands/code_commands.h"
#include <wx/listctrl.h>
#include "gui/settings.h"
#include "gui/transcript_view.h"
#include "gui/text_metrics.h"
#include "gui/wx_text.h"
#include "support/project_builder.h"
#include "gui_harness.h"

using namespace comb;
using gui::MainFrame;

using namespace comb::test::gui_harness;

TEST_CASE("the transcript shows the document with styled speakers, highlights and nested stripes", "[gui]") {
    Fixture f;
    auto& view = f.view();
    REQUIRE(view.document() == f.doc);
    auto& stc = view.control();
    CHECK(gui::from_wx(stc.GetText()) == kText);
    CHECK(stc.GetReadOnly());
    // Speaker labels are styled per turn: the interviewer's label and P01's label differ
    // from the default text style.
    CHECK(stc.GetStyleAt(0) == 1);
    const int p01_label = view.text_position(cp_of("P01:"));
    CHECK(stc.GetStyleAt(p01_label) > 1);
    CHECK(stc.GetStyleAt(view.text_position(cp_of("We had"))) == 0);

    // The outer coding shows its colour outside the nested one; the inner one wins inside.
    const auto& tree = f.model().tree();
    const auto leadership = tree.code(f.code("Organisation/Leadership")).colour;
    const auto staffing = tree.code(f.code("Organisation/Staffing")).colour;
    REQUIRE(leadership != staffing);
    CHECK(view.highlight_at(cp_of("managers")) == leadership);
    CHECK(view.highlight_at(cp_of("staff.")) == staffing);
    CHECK(view.highlight_at(cp_of("We had")).empty());

    // Code points after the emoji map to the right bytes: the coding's first character is 'm'.
    const auto& coding = view.codings().front();
    CHECK(stc.GetCharAt(view.text_position(coding.span.start)) == 'm');

    REQUIRE(view.stripes().size() == 2);
    CHECK(view.stripes()[0].lane == 0);
    CHECK(view.stripes()[0].span == span_of("managers never released staff"));
    CHECK(view.stripes()[1].lane == 1);
    CHECK(view.stripes()[1].span == span_of("released staff"));
    CHECK(view.code_name(view.stripes()[1].code) == "Organisation/Staffing");
}

TEST_CASE("Ctrl+E codes the selection with the selected code, undo removes it", "[gui]") {
    Fixture f;
    auto& view = f.view();
    const auto time = f.code("Organisation/Leadership");
    f.frame->workbench().select_code(time);
    pump(50);
    REQUIRE(f.model().codings_count(time) == 1);
    const auto target = span_of("Time is the barrier");
    view.select(target);
    REQUIRE(view.selection() == target);

    // A real keystroke through the window system (XTest), with the pointer over the text.
    view.control().SetFocus();
    pump(100);
    wxUIActionSimulator sim;
    const wxRect r = view.control().GetScreenRect();
    sim.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() - 10);
    pump(50);
    sim.Char('e', wxMOD_CONTROL);
    const bool by_key = pump_until([&] { return f.model().codings_count(time) == 2; }, 2000);
    if (!by_key) {
        WARN("the simulated Ctrl+E did not arrive; posting the menu command instead");
        f.command(gui::kIdCodeSelection);
    }
    REQUIRE(f.model().codings_count(time) == 2);
    CHECK(f.errors.empty());
    CHECK(view.highlight_at(cp_of("Time is the barrier")) == f.model().tree().code(time).colour);
    CHECK(view.stripes().size() == 3);
    CHECK(f.model().cases_count(time) == 1);
    const auto undo = f.frame->workbench().project().undo_label();
    REQUIRE(undo);

    f.command(wxID_UNDO);
    CHECK(f.model().codings_count(time) == 1);
    CHECK(view.highlight_at(cp_of("Time is the barrier")).empty());
    CHECK(view.stripes().size() == 2);

    f.command(wxID_REDO);
    CHECK(f.model().codings_count(time) == 2);
}

TEST_CASE("in-vivo coding creates a code named after the selection and selects it", "[gui]") {
    Fixture f;
    f.view().select(span_of("no time for it"));
    f.command(gui::kIdInVivo);
    const auto id = f.model().tree().find_path("no time for it");
    REQUIRE(id);
    CHECK(f.model().codings_count(*id) == 1);
    CHECK(f.frame->workbench().selected_code() == id);
    CHECK(f.view().highlight_at(cp_of("no time")) == f.model().tree().code(*id).colour);
}

TEST_CASE("quick code Ctrl+1 codes with the first code, uncode removes overlapping codings", "[gui]") {
    Fixture f;
    const auto first = f.model().tree().codes().front().id;
    f.view().select(span_of("Anything else"));
    f.command(gui::kIdQuickCode1);
    CHECK(f.model().codings_count(first) == 1);  // "Organisation" had none before
    f.view().select(span_of("never released"));
    f.frame->workbench().select_code(f.code("Organisation/Staffing"));
    f.command(gui::kIdUncode);
    CHECK(f.model().codings_count(f.code("Organisation/Staffing")) == 0);
    CHECK(f.model().codings_count(f.code("Organisation/Leadership")) == 1);
    CHECK(f.view().stripes().size() == 2);
}

TEST_CASE("clicking a stripe selects its coding's text and its code", "[gui]") {
    Fixture f;
    auto& view = f.view();
    auto& panel = view.stripe_panel();
    const auto inner = view.stripes()[1];
    const auto [y0, y1] = panel.extent(inner);
    const wxPoint at(panel.lane_x(inner.lane) + 2, (y0 + y1) / 2);
    const auto hit = panel.stripe_at(at);
    REQUIRE(hit);
    CHECK(hit->coding == inner.coding);
    wxMouseEvent click(wxEVT_LEFT_DOWN);
    click.SetPosition(at);
    click.SetEventObject(&panel);
    panel.GetEventHandler()->ProcessEvent(click);
    pump(50);
    CHECK(view.selection() == span_of("released staff"));
    CHECK(f.frame->workbench().selected_code() == f.code("Organisation/Staffing"));
}

TEST_CASE("renaming in the code tree, moving and merging by drop run core commands", "[gui]") {
    Fixture f;
    auto& model = f.model();
    const auto staffing = f.code("Organisation/Staffing");
    wxVariant value;
    value << wxDataViewIconText("Workforce");
    model.SetValue(value, gui::CodeTreeModel::item_of(staffing), gui::CodeTreeModel::kName);
    pump(50);
    CHECK(model.tree().path(staffing) == "Organisation/Workforce");
    wxVariant shown;
    model.GetValue(shown, gui::CodeTreeModel::item_of(staffing), gui::CodeTreeModel::kName);
    wxDataViewIconText it;
    it << shown;
    CHECK(it.GetText() == "Workforce");

    REQUIRE(f.frame->codes().drop(staffing, std::nullopt, false));
    pump(50);
    CHECK(model.tree().path(staffing) == "Workforce");

    const auto leadership = f.code("Organisation/Leadership");
    REQUIRE(f.frame->codes().drop(staffing, leadership, true));
    pump(50);
    CHECK_FALSE(model.tree().find(staffing));
    CHECK(model.codings_count(leadership) == 2);
    f.command(wxID_UNDO);
    CHECK(model.tree().path(staffing) == "Workforce");
}

TEST_CASE("the code editor tags the code and saves its definition", "[gui]") {
    Fixture f;
    const auto id = f.code("Organisation/Leadership");
    f.frame->workbench().select_code(id);
    pump(50);
    auto& editor = f.frame->editor();
    REQUIRE(editor.code() == id);
    editor.comb().Check(3, true);     // O.So
    editor.level().SetSelection(2);   // organisational
    editor.valence().SetSelection(1); // barrier
    editor.commit_tags();
    pump(50);
    wxVariant v;
    f.model().GetValue(v, gui::CodeTreeModel::item_of(id), gui::CodeTreeModel::kComB);
    CHECK(v.GetString() == "O.So");
    f.model().GetValue(v, gui::CodeTreeModel::item_of(id), gui::CodeTreeModel::kLevel);
    CHECK(v.GetString() == "organisational");
    f.model().GetValue(v, gui::CodeTreeModel::item_of(id), gui::CodeTreeModel::kValence);
    CHECK(v.GetString() == "barrier");

    editor.definition().SetValue("Managers decide who attends.");
    editor.definition().SetModified(true);
    editor.commit();
    pump(50);
    CHECK(f.model().tree().code(id).definition == "Managers decide who attends.");
}

TEST_CASE("find selects the next match, wrapping at the end", "[gui]") {
    Fixture f;
    auto& view = f.view();
    view.select({core::CodePoint(0), core::CodePoint(0)});
    REQUIRE(view.find_next("time"));
    CHECK(view.selection() == span_of("time"));
    REQUIRE(view.find_next("time"));
    const auto second = kText.find("Time");
    const auto start = core::utf8::to_code_point(kText, second);
    CHECK(view.selection() == core::Span{start, core::CodePoint(start.value + 4)});
    REQUIRE(view.find_next("time"));
    CHECK(view.selection() == span_of("time"));
    CHECK_FALSE(view.find_next("absent words"));
}

TEST_CASE("reopening restores the last document and position", "[gui]") {
    Fixture f;
    const auto second = f.builder.add_document("P02", "P02: Another transcript.\nP02: With a second line.\n", "P02");
    pump(50);
    f.frame->workbench().show_document(second, core::Span{core::CodePoint(30), core::CodePoint(30)});
    pump(50);
    REQUIRE(f.view().document() == second);
    f.close_frame();
    f.open_frame();
    CHECK(f.view().document() == second);
    CHECK(f.view().caret() == core::CodePoint(30));
}

TEST_CASE("reopening restores the window's size, and a window saved off-screen comes back", "[gui]") {
    Fixture f;
    f.frame->SetSize(100, 80, 900, 640);
    pump(100);
    const auto size = f.frame->GetSize();
    f.close_frame();
    CHECK(f.settings->frame_geometry().substr(f.settings->frame_geometry().find(',', 4)) ==
          "," + std::to_string(size.x) + "," + std::to_string(size.y) + ",0");
    f.open_frame();
    CHECK(f.frame->GetSize() == size);
    f.close_frame();

    f.settings->set_frame_geometry("9000,9000,700,500,0");  // a monitor that is gone
    f.open_frame();
    CHECK(f.frame->GetSize() == wxSize(700, 500));
    CHECK(f.frame->GetPosition().x < 9000);
}

TEST_CASE("importing files runs on a worker thread and commits one undoable command", "[gui]") {
    Fixture f;
    const auto file = f.builder.dir() / "P03.txt";
    std::ofstream(file) << "Interviewer: Hello?\nP03: Training helped me a lot.\n";
    f.frame->import_files({file});
    REQUIRE(pump_until([&] { return !f.frame->is_importing(); }, 10000));
    CHECK(f.errors.empty());
    const auto docs = f.frame->workbench().repo().documents();
    REQUIRE(docs.size() == 2);
    CHECK(docs.back().name == "P03");
    CHECK(docs.back().turns.size() == 2);
    f.command(wxID_UNDO);
    CHECK(f.frame->workbench().repo().documents().size() == 1);
}

TEST_CASE("the matrix counts codings by COM-B and level, and a cell opens its quotes", "[gui]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    wb.select_code(f.code("Organisation/Leadership"));
    pump(50);
    auto& editor = f.frame->editor();
    editor.comb().Check(3, true);    // O.So
    editor.level().SetSelection(2);  // organisational
    editor.commit_tags();
    pump(50);
    auto& matrix = f.frame->matrix();
    matrix.set_axes("comb", "level");
    CHECK(matrix.matrix().at("O.So", "organisational") == 1);
    CHECK(matrix.matrix().at("C.Ph", "organisational") == 0);
    const auto& rows = matrix.matrix().rows;
    const auto& cols = matrix.matrix().cols;
    const int r = static_cast<int>(std::find(rows.begin(), rows.end(), "O.So") - rows.begin());
    const int c = static_cast<int>(std::find(cols.begin(), cols.end(), "organisational") - cols.begin());
    CHECK(matrix.grid().GetCellValue(r, c) == "1");
    const auto quotes = matrix.cell_quotes(r, c);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].text == "managers never released staff");
    CHECK(quotes[0].span == span_of("managers never released staff"));

    // Tagging another code recounts the grid by itself.
    wb.select_code(f.code("Organisation/Staffing"));
    pump(50);
    editor.comb().Check(3, true);
    editor.level().SetSelection(2);
    editor.commit_tags();
    pump(50);
    CHECK(matrix.matrix().at("O.So", "organisational") == 2);
    CHECK(matrix.grid().GetCellValue(r, c) == "2");
}

TEST_CASE("exporting the theme table writes the file", "[gui]") {
    Fixture f;
    const auto path = f.builder.dir() / "table.md";
    REQUIRE(f.frame->export_report(gui::kIdExportThemeTable, path));
    REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 10000));
    CHECK(f.errors.empty());
    CHECK(std::filesystem::file_size(path) > 0);
}

TEST_CASE("the theme-table export dialog writes a file in the chosen format", "[gui][export]") {
    Fixture f;
    const auto& formats = gui::theme_table_formats();
    REQUIRE(formats.size() == 6);
    for (std::size_t i = 0; i < formats.size(); ++i) {
        gui::ThemeTableChoice choice;
        choice.format = i;
        choice.quotes = 1;
        choice.date = "2025-03-12";
        // The save dialog's name may lack the extension or carry another format's.
        const auto written = gui::write_theme_table_export(f.frame->workbench(), choice, f.builder.dir() / "table.csv");
        INFO(formats[i].label);
        CHECK(written == f.builder.dir() / (std::string("table") + formats[i].extension));
        CHECK(std::filesystem::file_size(written) > 0);
    }
    CHECK(gui::with_format_extension("a/report", {}) == std::filesystem::path("a/report.docx"));
    CHECK(gui::with_format_extension("a/report.v2", {}) == std::filesystem::path("a/report.v2.docx"));
    CHECK(f.errors.empty());
}

// Closes the modal dialog that `show` opens, so a test can run the dialog's code path.
template <class Show>
std::filesystem::path cancel_dialog(Show show) {
    bool seen = false;
    wxTheApp->CallAfter([&seen] {
        for (auto* w : wxTopLevelWindows) {
            if (auto* d = dynamic_cast<wxDialog*>(w); d && d->IsModal()) {
                seen = true;
                d->EndModal(wxID_CANCEL);
            }
        }
    });
    auto path = show();
    CHECK(seen);
    return path;
}

TEST_CASE("the export dialogs open and cancel without writing", "[gui][export]") {
    Fixture f;
    CHECK(cancel_dialog([&] {
        const auto request = gui::ask_theme_table_export(f.frame, f.frame->workbench());
        return request ? request->target : std::filesystem::path();
    }).empty());
    CHECK(cancel_dialog([&] {
        return gui::ask_summary_save(f.frame, f.frame->workbench(), f.builder.dir() / "preview.html").value_or("");
    }).empty());
    CHECK(f.errors.empty());
}

TEST_CASE("the summary export writes one HTML file", "[gui][export]") {
    Fixture f;
    const auto path = f.builder.dir() / "summary.html";
    gui::write_summary_export(f.frame->workbench(), path, "2025-03-12");
    CHECK(std::filesystem::file_size(path) > 0);
}

TEST_CASE("the themes pane creates a theme, adds the selected code, and undo removes it", "[gui][themes]") {
    Fixture f;
    auto& themes = f.frame->themes();
    CHECK(themes.describe().empty());
    REQUIRE(themes.new_theme("Time pressure", std::nullopt, "No time to train"));
    CHECK(themes.selected_theme() == "Time pressure");
    f.frame->workbench().select_code(f.code("Organisation/Staffing"));
    REQUIRE(themes.add_selected_code());
    CHECK(themes.describe() == "Time pressure\n  Organisation/Staffing\n");
    CHECK(themes.selected_member() == "Organisation/Staffing");

    REQUIRE(f.frame->workbench().undo());
    CHECK(themes.describe() == "Time pressure\n");
    REQUIRE(f.frame->workbench().redo());
    CHECK(themes.describe() == "Time pressure\n  Organisation/Staffing\n");

    SECTION("a subtheme nests; deleting its parent moves it up") {
        REQUIRE(themes.new_theme("Release", std::string("Time pressure"), ""));
        CHECK(themes.describe() == "Time pressure\n  Release\n  Organisation/Staffing\n");
        themes.select("Time pressure");
        REQUIRE(themes.set_description("Staff lack protected time"));
        CHECK(core::find_theme(f.frame->workbench().repo().themes(), "Time pressure")->description == "Staff lack protected time");
        REQUIRE(themes.delete_selected_theme());
        CHECK(themes.describe() == "Release\n");
        REQUIRE(f.frame->workbench().undo());
        CHECK(themes.describe() == "Time pressure\n  Release\n  Organisation/Staffing\n");
    }
    SECTION("removing a member code; renaming a code updates the tree") {
        themes.select("Time pressure", "Organisation/Staffing");
        REQUIRE(themes.remove_selected_code());
        CHECK(themes.describe() == "Time pressure\n");
        REQUIRE(f.frame->workbench().undo());
        REQUIRE(f.frame->workbench().run(core::RenameCode("Organisation/Staffing", "Cover")));
        CHECK(themes.describe() == "Time pressure\n  Organisation/Cover\n");
    }
    SECTION("View > Themes shows and focuses the pane; pressed again while focused, hides it") {
        f.command(gui::kIdShowThemes);
        CHECK(f.frame->aui().GetPane("themes").IsShown());
        f.command(gui::kIdShowThemes);
        CHECK_FALSE(f.frame->aui().GetPane("themes").IsShown());
        f.command(gui::kIdShowThemes);
        CHECK(f.frame->aui().GetPane("themes").IsShown());
    }
    CHECK(f.errors.empty());
}

TEST_CASE("search finds passages, a hit jumps to its text, and hits can be coded", "[gui]") {
    Fixture f;
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    REQUIRE(search.search("managers") == 1);
    CHECK(search.hits()[0].doc == f.doc);
    CHECK(search.list().count() == 1);
    f.view().select({core::CodePoint(0), core::CodePoint(0)});
    search.open_hit(0);
    pump(50);
    CHECK(f.view().selection() == search.hits()[0].span);
    CHECK(f.view().selected_text().find("managers never released staff") != std::string::npos);

    const auto leadership = f.code("Organisation/Leadership");
    f.frame->workbench().select_code(leadership);
    REQUIRE(search.search("barrier") == 1);
    REQUIRE(search.code_hits());
    pump(50);
    CHECK(f.model().codings_count(leadership) == 2);
    // The index follows the change: the new coding is searchable by its code.
    CHECK(search.search("barrier") == 1);
}

TEST_CASE("the transcript's fonts draw without ligatures or kerning, so highlights sit on their text", "[gui]") {
    ensure_wx();  // which turns them off, as comb-gui does before the toolkit starts
#if defined(__WXGTK__)
    const auto features = gui::font_features("sans-serif");
    for (const char* f : {"liga off", "clig off", "kern off"})
        CHECK(std::find(features.begin(), features.end(), f) != features.end());
#endif
}

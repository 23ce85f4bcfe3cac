// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, coding and retrieval: the matrix's Enter key, attribute axes and quotes pane; the
// coded segments of a code on double-click; in-vivo naming and word snapping; the transcript's
// context menu; an import with a bad file; Tools entries; the start page of an empty project.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/stc/stc.h>
#include <wx/uiaction.h>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "gui/coded_segments_view.h"
#include "gui/command_ids.h"
#include "gui/matrix_quotes_pane.h"
#include "gui/matrix_view.h"
#include "gui/result_list.h"
#include "gui/start_page.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

void tag_leadership(Fixture& f) {
    core::TagPatch patch;
    patch.comb = std::vector<core::ComB>{core::ComB::O_So};
    patch.level = std::optional<core::LevelTag>(core::LevelTag{core::Level::organisational, ""});
    REQUIRE(f.frame->workbench().run(core::TagCode("Organisation/Leadership", patch)));
    pump(50);
}

std::size_t codings_of(Fixture& f, const std::string& path) { return f.model().codings_count(f.code(path)); }

std::vector<std::string> labels(wxMenu& menu) {
    std::vector<std::string> out;
    for (const auto* item : menu.GetMenuItems()) {
        if (!item->IsSeparator()) out.push_back(gui::from_wx(item->GetItemLabelText()));
    }
    return out;
}

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("Enter on a matrix cell lists its quotes in the pane beside the grid", "[gui][matrix][keys]") {
    Fixture f;
    tag_leadership(f);
    auto& matrix = f.frame->matrix();
    f.frame->focus_pane("matrix");
    matrix.set_axes("comb", "level");
    const auto& rows = matrix.matrix().rows;
    const auto& cols = matrix.matrix().cols;
    const int r = static_cast<int>(std::find(rows.begin(), rows.end(), "O.So") - rows.begin());
    const int c = static_cast<int>(std::find(cols.begin(), cols.end(), "organisational") - cols.begin());
    auto& grid = matrix.grid();
    grid.SetGridCursor(r, c);
    grid.GetGridWindow()->SetFocus();
    pump(80);
    wxUIActionSimulator sim;
    const wxRect rect = grid.GetScreenRect();
    sim.MouseMove(rect.GetLeft() + 5, rect.GetTop() + 5);
    pump(30);
    sim.Char(WXK_RETURN);
    pump(150);
    CHECK(grid.GetGridCursorRow() == r);  // it used to move down
    auto& quotes = matrix.quotes();
    REQUIRE(quotes.quotes().size() == 1);
    CHECK(quotes.title() == "O.So \u00D7 organisational: 1 quote");
    CHECK(quotes.IsShownOnScreen());  // beside the grid, not in a modal list
    CHECK(quotes.list().rows().at(0).cells == std::vector<std::string>{"P01", "P01", "Organisation/Leadership"});
    CHECK(quotes.list().row_html(0).find("managers never released staff") != std::string::npos);
    quotes.open(0);
    pump(50);
    CHECK(f.view().selection() == span_of("managers never released staff"));

    // The pane follows changes: another code tagged the same way joins the listed cell.
    core::TagPatch patch = {};
    patch.comb = std::vector<core::ComB>{core::ComB::O_So};
    patch.level = std::optional<core::LevelTag>(core::LevelTag{core::Level::organisational, ""});
    REQUIRE(f.frame->workbench().run(core::TagCode("Organisation/Staffing", patch)));
    pump(50);
    CHECK(quotes.quotes().size() == 2);
    CHECK(f.errors.empty());
}

TEST_CASE("case attributes are offered as matrix rows and columns", "[gui][matrix]") {
    Fixture f;
    auto& matrix = f.frame->matrix();
    auto choices = matrix.axis_choices(true);
    CHECK(std::find(choices.begin(), choices.end(), "attr:role") == choices.end());
    REQUIRE(f.frame->workbench().run(core::SetCaseAttributes({{"P01", {{"role", "agent"}}}})));
    pump(50);
    choices = matrix.axis_choices(true);
    CHECK(std::find(choices.begin(), choices.end(), "attr:role") != choices.end());
    choices = matrix.axis_choices(false);
    CHECK(std::find(choices.begin(), choices.end(), "attr:role") != choices.end());
    matrix.set_axes("attr:role", "codes");
    CHECK(matrix.matrix().at("agent", "Organisation/Leadership") == 1);
    CHECK(matrix.matrix().at("agent", "Organisation/Staffing") == 1);
    matrix.set_axes("codes", "attr:role");
    CHECK(matrix.matrix().at("Organisation/Staffing", "agent") == 1);
    CHECK(f.errors.empty());
}

TEST_CASE("double-clicking a code opens its coded segments, they jump, uncode, recode, pin, export", "[gui][segments]") {
    Fixture f;
    const auto leadership = f.code("Organisation/Leadership");
    auto& tree = f.frame->codes().control();
    const auto item = gui::CodeTreeModel::item_of(leadership);
    tree.EnsureVisible(item);
    pump(80);
    const wxRect r = tree.GetItemRect(item, tree.GetColumn(0));
    const wxPoint at = tree.GetMainWindow()->ClientToScreen(wxPoint(r.x + r.width / 2, r.y + r.height / 2));
    wxUIActionSimulator sim;
    sim.MouseMove(at);
    pump(80);
    sim.MouseDblClick();
    auto& segments = f.frame->segments();
    REQUIRE(pump_until([&] { return segments.code() == leadership; }, 2000));
    pump(200);
    CHECK(f.frame->aui().GetPane("segments").IsShown());
    CHECK(f.model().tree().code(leadership).name == "Leadership");
    CHECK(f.prompts.empty());  // no rename was started
    CHECK(f.errors.empty());
    CHECK(segments.title() == "Organisation/Leadership: 1 coded segment");
    REQUIRE(segments.list().count() == 1);
    const auto& row = segments.list().rows().at(0);
    CHECK(row.cells == std::vector<std::string>{"P01", "P01", "P01", "tester"});
    CHECK(row.text == "P01: We had no time for it \xF0\x9F\x98\x80 and the \u00ABmanagers never released staff\u00BB.");
    CHECK(segments.list().row_html(0).find("<b>managers never released staff</b>") != std::string::npos);

    segments.list().select(0);
    segments.open(0);
    pump(50);
    CHECK(f.view().selection() == span_of("managers never released staff"));

    REQUIRE(segments.toggle_pin());
    pump(50);
    CHECK(segments.segments().at(0).pinned);
    CHECK(segments.list().rows().at(0).note == "\u2605 pinned  ");
    const auto csv = f.builder.dir() / "segments.csv";
    REQUIRE(segments.export_csv(csv));
    std::ifstream in(csv);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto span = span_of("managers never released staff");
    CHECK(text == "Code,Document,Case,Speaker,Coder,Start,End,Text,Memo,Pinned\r\n"
                  "Organisation/Leadership,P01,P01,P01,tester," + std::to_string(span.start.value) + "," +
                  std::to_string(span.end.value) + ",managers never released staff,,yes\r\n");
    CHECK(span.start.value == 72);

    segments.list().select(0);
    REQUIRE(segments.recode("Organisation/Staffing"));
    pump(50);
    CHECK(codings_of(f, "Organisation/Leadership") == 0);
    CHECK(codings_of(f, "Organisation/Staffing") == 2);
    CHECK(segments.list().count() == 0);
    f.command(wxID_UNDO);
    CHECK(codings_of(f, "Organisation/Leadership") == 1);
    REQUIRE(segments.list().count() == 1);
    segments.list().select(0);
    REQUIRE(segments.uncode());
    pump(50);
    CHECK(codings_of(f, "Organisation/Leadership") == 0);
    f.command(wxID_UNDO);
    CHECK(codings_of(f, "Organisation/Leadership") == 1);
    CHECK(f.errors.empty());
}

TEST_CASE("F2 still renames a code", "[gui][segments][keys]") {
    Fixture f;
    const auto leadership = f.code("Organisation/Leadership");
    f.frame->workbench().select_code(leadership);
    f.frame->focus_pane("codes");
    pump(100);
    f.answer = "Bosses";
    wxUIActionSimulator sim;
    const wxRect r = f.frame->codes().control().GetScreenRect();
    sim.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetBottom() - 5);
    pump(50);
    sim.Char(WXK_F2);
    REQUIRE(pump_until([&] { return f.model().tree().find_path("Organisation/Bosses").has_value(); }, 2000));
    CHECK(f.prompts == std::vector<std::string>{"New name of \u201COrganisation/Leadership\u201D: [Leadership]"});
    CHECK(f.errors.empty());
}

TEST_CASE("in-vivo offers the name first, mouse selections snap to whole words", "[gui][coding]") {
    Fixture f;
    auto& view = f.view();
    // "o time fo" from "We had no time for it": the sloppy selection of the issue.
    const auto sloppy = core::Span{core::CodePoint(cp_of("no time").value + 1), core::CodePoint(cp_of("for it").value + 2)};
    view.select(sloppy);
    REQUIRE(view.selected_text() == "o time fo");
    CHECK(view.snap_selection());
    CHECK(view.selected_text() == "no time for");
    CHECK_FALSE(view.snap_selection());
    view.select({cp_of(" the barrier"), core::CodePoint(cp_of("the barrier").value + 7)});
    CHECK(view.snap_selection());
    CHECK(view.selected_text() == "the barrier");  // blanks dropped, the word completed

    view.select(span_of("no time for"));
    f.answer = "Lack of time";
    f.command(gui::kIdInVivo);
    REQUIRE(f.prompts.size() == 1);
    CHECK(f.prompts[0] == "Name of the in-vivo code (a slash is part of the name): [no time for]");
    const auto id = f.model().tree().find_path("Lack of time");
    REQUIRE(id);
    CHECK(f.model().codings_count(*id) == 1);
    CHECK(f.frame->workbench().selected_code() == id);

    // The preference turns snapping off.
    f.settings->set_snap_to_words(false);
    view.set_snap_to_words(f.settings->snap_to_words());  // as the preferences dialog's OK does
    view.select(sloppy);
    CHECK(view.selected_text() == "o time fo");
}

TEST_CASE("a real mouse selection from inside words snaps to them", "[gui][coding]") {
    Fixture f;
    auto& stc = f.view().control();
    const auto point = [&](core::CodePoint cp) {
        return stc.ClientToScreen(stc.PointFromPosition(f.view().text_position(cp)) + wxPoint(1, stc.TextHeight(0) / 2));
    };
    const auto from = point(core::CodePoint(cp_of("no time").value + 1));
    const auto to = point(core::CodePoint(cp_of("for it").value + 2));
    wxUIActionSimulator sim;
    sim.MouseMove(from);
    pump(80);
    sim.MouseDown();
    pump(50);
    for (int i = 1; i <= 10; ++i) {
        sim.MouseMove(from + (to - from) * i / 10);
        pump(20);
    }
    sim.MouseUp();
    pump(150);
    CHECK(f.view().selected_text() == "no time for");
}

TEST_CASE("the transcript's context menu codes with a new code and offers recent codes", "[gui][coding]") {
    Fixture f;
    auto& view = f.view();
    view.select(span_of("Time is the barrier"));
    auto menu = view.context_menu(cp_of("Time is the barrier"));
    const auto items = labels(*menu);
    CHECK(std::find(items.begin(), items.end(), "Code with new code...") != items.end());
    // The most recent coding first: "released staff" was coded after "managers never...".
    REQUIRE(menu->FindItem(gui::kIdRecentCode1));
    CHECK(gui::from_wx(menu->FindItem(gui::kIdRecentCode1)->GetItemLabelText()) == "Code as \u201COrganisation/Staffing\u201D");
    CHECK(gui::from_wx(menu->FindItem(gui::kIdRecentCode1 + 1)->GetItemLabelText()) == "Code as \u201COrganisation/Leadership\u201D");
    CHECK(menu->IsEnabled(gui::kIdCodeWithNewCode));

    f.command(gui::kIdRecentCode1 + 1);
    CHECK(codings_of(f, "Organisation/Leadership") == 2);
    f.answer = "Barriers/Time";
    f.command(gui::kIdCodeWithNewCode);
    const auto id = f.model().tree().find_path("Barriers/Time");
    REQUIRE(id);
    CHECK(f.model().codings_count(*id) == 1);
    CHECK(f.frame->workbench().recent_codes(2) == std::vector<core::CodeId>{*id, f.code("Organisation/Leadership")});
    CHECK(f.errors.empty());
}

TEST_CASE("an import with an unreadable file lists it and imports the rest as one step", "[gui][import]") {
    Fixture f;
    const auto dir = f.builder.dir() / "batch";
    std::filesystem::create_directories(dir);
    write(dir / "P05.txt", "Interviewer: Hello?\nP05: Fine, thanks.\n");
    write(dir / "P06.txt", "Interviewer: And you?\nP06: Busy.\n");
    write(dir / "broken.docx", "this is not a zip archive");
    auto& wb = f.frame->workbench();
    const auto before = wb.repo().documents().size();

    SECTION("yes imports the good files, one undo removes them") {
        f.frame->import_files({dir / "P05.txt", dir / "P06.txt", dir / "broken.docx"});
        REQUIRE(pump_until([&] { return !f.frame->is_importing(); }, 10000));
        REQUIRE(f.confirms.size() == 1);
        const auto& q = f.confirms[0];
        CHECK(q.rfind("1 of 3 files could not be read:\n  ", 0) == 0);
        CHECK(q.find("broken.docx") != std::string::npos);
        CHECK(q.find("Import the other 2 files (one undoable step)?") != std::string::npos);
        CHECK(wb.repo().documents().size() == before + 2);
        f.command(wxID_UNDO);
        CHECK(wb.repo().documents().size() == before);
    }
    SECTION("no imports nothing") {
        f.confirm_answer = false;
        f.frame->import_files({dir / "P05.txt", dir / "broken.docx"});
        REQUIRE(pump_until([&] { return !f.frame->is_importing(); }, 10000));
        CHECK(f.confirms.size() == 1);
        CHECK(wb.repo().documents().size() == before);
    }
    CHECK(f.errors.empty());
}

TEST_CASE("Tools imports case attributes from a sheet and loads codebooks", "[gui][tools]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    const auto sheet = f.builder.dir() / "cases.csv";
    write(sheet, "case,role,years\nP01,trainer,12\n");
    REQUIRE(f.frame->import_attributes(sheet));
    std::map<std::string, std::string> values;
    std::map<std::int64_t, std::string> names;
    for (const auto& a : wb.repo().attributes()) names[a.id.value] = a.name;
    for (const auto& v : wb.repo().attribute_values()) values[names[v.attribute_id.value]] = v.value;
    CHECK(values == std::map<std::string, std::string>{{"role", "trainer"}, {"years", "12"}});
    write(sheet, "case\nP01\n");
    CHECK_FALSE(f.frame->import_attributes(sheet));
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].find("the sheet needs a case column and at least one attribute column") != std::string::npos);

    const auto codes = wb.repo().codes().size();
    REQUIRE(f.frame->load_codebook("valence"));
    CHECK(wb.repo().codes().size() > codes);
    CHECK(wb.project().undo_label() == std::optional<std::string>("Add codebook valence"));
    CHECK_FALSE(f.frame->load_codebook("no-such-codebook"));
    CHECK(f.errors.size() == 2);
}

TEST_CASE("an empty project shows how to start, a document replaces the page", "[gui][start]") {
    Fixture f;
    auto& view = f.view();
    CHECK_FALSE(view.is_showing_start_page());
    auto& wb = f.frame->workbench();
    wb.create(f.builder.dir() / "empty.comb");
    pump(50);
    CHECK(view.is_showing_start_page());
    const auto html = gui::StartPage::html(true);
    CHECK(html.find("Import transcripts") != std::string::npos);
    CHECK(html.find("Load a codebook") != std::string::npos);
    CHECK(html.find("examples/mecc/") != std::string::npos);
    CHECK(view.start_page().for_open_project());
    const auto dir = f.builder.dir() / "one";
    std::filesystem::create_directories(dir);
    write(dir / "P07.txt", "P07: Hello.\n");
    f.frame->import_files({dir / "P07.txt"});
    REQUIRE(pump_until([&] { return !f.frame->is_importing(); }, 10000));
    pump(50);
    CHECK_FALSE(view.is_showing_start_page());
    CHECK(view.document().has_value());
    wb.close();
    pump(50);
    CHECK(view.is_showing_start_page());
    CHECK_FALSE(view.start_page().for_open_project());
}

TEST_CASE("the code tree's and the transcript's context menus take their items from the menu bar", "[gui][coding][menus]") {
    Fixture f;
    auto& view = f.view();
    auto* bar = f.frame->GetMenuBar();
    // Same label with accelerator text, same help, as the menu bar's item of the same id.
    const auto same_as_bar = [&](wxMenu& menu) {
        std::size_t shared = 0;
        for (const auto* item : menu.GetMenuItems()) {
            if (item->IsSeparator()) continue;
            const auto* in_bar = bar->FindItem(item->GetId());
            if (!in_bar) continue;
            CHECK(gui::from_wx(item->GetItemLabel()) == gui::from_wx(in_bar->GetItemLabel()));
            CHECK(gui::from_wx(item->GetHelp()) == gui::from_wx(in_bar->GetHelp()));
            ++shared;
        }
        return shared;
    };
    f.frame->workbench().select_code(std::nullopt);
    view.select({core::CodePoint(0), core::CodePoint(0)});
    REQUIRE_FALSE(view.selection());
    auto codes = f.frame->codes().context_menu();
    CHECK(same_as_bar(*codes) == 8);
    CHECK(gui::from_wx(codes->FindItem(gui::kIdRenameCode)->GetItemLabel()) == "&Rename code\tF2");
    // Enabled as the menu bar's handlers say: no code selected, nothing that needs one.
    CHECK(codes->IsEnabled(gui::kIdNewCode));
    CHECK_FALSE(codes->IsEnabled(gui::kIdRenameCode));
    CHECK_FALSE(codes->IsEnabled(gui::kIdCodeSelection));
    auto transcript = view.context_menu(std::nullopt);
    CHECK(same_as_bar(*transcript) == 4);
    CHECK(gui::from_wx(transcript->FindItem(gui::kIdInVivo)->GetItemLabel()) == "&In-vivo code\tCtrl+I");
    CHECK_FALSE(transcript->IsEnabled(gui::kIdInVivo));
    CHECK_FALSE(transcript->IsEnabled(gui::kIdCodeSelection));

    // With a code and a passage selected, coding is possible from both.
    f.frame->workbench().select_code(f.code("Organisation/Leadership"));
    view.select(span_of("Time is the barrier"));
    codes = f.frame->codes().context_menu();
    CHECK(codes->IsEnabled(gui::kIdRenameCode));
    CHECK(codes->IsEnabled(gui::kIdCodeSelection));
    transcript = view.context_menu(cp_of("Time is the barrier"));
    CHECK(transcript->IsEnabled(gui::kIdInVivo));
    CHECK(transcript->IsEnabled(gui::kIdCodeSelection));
    CHECK(transcript->IsEnabled(gui::kIdUncode));
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the main views on the bundled example (examples/mecc/analyse.sh), written as
// PNGs to COMB_SCREENSHOT_DIR (the build's screenshots/ folder) so a person can look at them:
// the whole window, the transcript, the code tree and editor, the themes, the documents and
// cases, a filtered search, the matrix with a cell's quotes, a code's coded segments, two
// coders compared, the disagreements window, the transcript in edit mode, the export, coders,
// restore, open shared project, shortcuts, preferences, merge report and pseudonymise dialogs,
// the read-only banner and an empty project's start page. The window is as the screen makes it (a fresh window
// fits the display), so the shots are taken at the screen's size: `cmake --build build
// --target screenshots` runs this test on a 1400x900 and on a 1280x720 screen (names of the
// smaller one end -1280x720); the ctest run shoots at 1400x900.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <algorithm>
#include <functional>

#include <wx/display.h>
#include <wx/image.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include "core/commands/coding_commands.h"
#include "gui/code_editor.h"
#include "gui/command_ids.h"
#include "gui/preferences_dialog.h"
#include "gui/coded_segments_view.h"
#include "gui/disagreement_view.h"
#include "gui/document_tree.h"
#include "gui/export_dialogs.h"
#include "gui/matrix_view.h"
#include "gui/pseudonymise_dialog.h"
#include "gui/search_filters.h"
#include "gui/search_view.h"
#include "gui/theme_panel.h"
#include "gui_harness.h"
#include "screenshot.h"
#include "support/run_cli.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

// Opens a modal dialog with `open`, shoots it once it has been shown for a while (it draws
// itself in the modal loop), and cancels it. A GTK message box is no wx window: when no modal
// wx dialog shows up, the whole screen is shot (the box over the window) and Escape closes it.
std::uintmax_t shoot_modal(const std::function<void()>& open, const std::string& name) {
    std::uintmax_t bytes = 0;
    int ticks = 0, seen = 0;
    wxTimer timer;
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        ++ticks;
        for (auto* w : wxTopLevelWindows) {
            auto* dialog = dynamic_cast<wxDialog*>(w);
            if (!dialog || !dialog->IsModal()) continue;
            // Shown: the pointer out of the way (no tooltip over the dialog), and let it draw.
            if (++seen == 1) wxUIActionSimulator().MouseMove(wxDisplay(0u).GetGeometry().GetBottomRight());
            if (seen < 3) return;
            timer.Stop();
            bytes = shoot(*dialog, name, false);
            dialog->EndModal(wxID_CANCEL);
            return;
        }
        if (ticks < 4) return;
        timer.Stop();
        bytes = shoot_screen(name);
        wxUIActionSimulator().Char(WXK_ESCAPE);
    });
    timer.Start(300);
    open();
    timer.Stop();
    return bytes;
}

// The example's coder and a second one who coded a few of the same passages of `doc`: one the
// same, one a little longer, and one passage the first did not code.
void add_second_coder(gui::Workbench& wb, core::DocumentId doc) {
    std::vector<core::Coding> mine;
    for (const auto& c : wb.repo().codings()) if (c.document == doc) mine.push_back(c);
    std::sort(mine.begin(), mine.end(), [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
    REQUIRE(mine.size() >= 4);
    const auto code = [&](const core::Coding& c, core::Span span) {
        REQUIRE(wb.run(core::ApplyCodings({{doc, span}}, wb.code_path(c.code), "Sam (second coder)")));
    };
    code(mine[0], mine[0].span);
    code(mine[1], {mine[1].span.start, core::CodePoint(mine[1].span.end.value + 40)});
    code(mine[3], mine[3].span);
    code(mine[2], {core::CodePoint(mine[3].span.end.value + 5), core::CodePoint(mine[3].span.end.value + 90)});
}

}  // namespace

TEST_CASE("screenshots of the main views on the example project", "[gui][screenshots]") {
    Fixture f;
    wxInitAllImageHandlers();
    const auto out = f.builder.dir() / "mecc";
    const std::string script = (std::filesystem::path(COMB_TESTS_DIR) / ".." / "examples" / "mecc" / "analyse.sh").string();
    const std::string cmd = "bash " + test::shell_quote(script) + " " + test::shell_quote(COMB_CLI_PATH) + " " +
                            test::shell_quote(out.string()) + " --date 2025-03-12 >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const wxRect screen = wxDisplay(0u).GetClientArea();
    const std::string suffix = screen.GetSize() == wxSize(1400, 900) ? ""
                             : "-" + std::to_string(screen.width) + "x" + std::to_string(screen.height);
    INFO("screen " << screen.width << "x" << screen.height);
    // A fresh window (no saved geometry) fits the screen.
    CHECK(screen.Contains(f.frame->GetScreenRect()));
    REQUIRE(f.frame->open_project(out / "mecc.comb"));
    auto& wb = f.frame->workbench();
    REQUIRE(pump_until([&] { return f.frame->search().is_ready(); }, 30000));

    const auto docs = wb.repo().documents();
    REQUIRE(docs.size() == 9);
    wb.show_document(docs[8].id);
    f.view().scroll_to(core::CodePoint(6600));
    const auto code = f.model().tree().find_path("Training/Trainer confidence and support");
    REQUIRE(code);
    wb.select_code(*code);
    auto& search = f.frame->search();
    REQUIRE(search.filters().choose("valence", "barrier"));
    CHECK(search.search("time") > 0);
    auto& matrix = f.frame->matrix();
    matrix.set_axes("comb", "level");
    matrix.open_cell(2, 1);  // O.Ph x organisational, the fullest cell
    pump(300);

    CHECK(shoot(*f.frame, "main-window" + suffix) > 50'000);
    CHECK(shoot(f.view(), "transcript" + suffix) > 10'000);
    CHECK(shoot(f.frame->codes(), "codes" + suffix) > 10'000);
    CHECK(shoot(f.frame->editor(), "code-editor" + suffix) > 5'000);
    CHECK(shoot(f.frame->themes(), "themes" + suffix) > 5'000);
    CHECK(shoot(f.frame->documents(), "documents" + suffix) > 5'000);
    CHECK(shoot(search, "search" + suffix) > 10'000);
    CHECK(shoot(matrix, "matrix" + suffix) > 10'000);

    f.frame->show_coded_segments(*code);
    pump(300);
    CHECK(shoot(*f.frame, "main-window-segments" + suffix) > 50'000);
    CHECK(shoot(f.frame->segments(), "segments" + suffix) > 10'000);

    const std::string me = "Comb example analyst";
    add_second_coder(wb, docs[8].id);
    wb.set_coder_view({gui::CoderMode::compare, me, "Sam (second coder)"});
    f.view().scroll_to(core::CodePoint(0));
    pump(200);
    CHECK(shoot(*f.frame, "coders-compare" + suffix) > 50'000);
    auto& disagreements = f.frame->open_disagreements();
    disagreements.set_coders(me, "Sam (second coder)");
    disagreements.SetSize(screen.x + 60, screen.y + screen.height / 3, screen.width - 120, screen.height / 2);
    pump(300);
    CHECK(shoot(disagreements, "disagreements" + suffix) > 10'000);
    disagreements.Close(true);
    wb.set_coder_view({});
    pump(100);

    f.view().set_editing(true);
    pump(200);
    CHECK(shoot(f.view(), "transcript-edit-mode" + suffix) > 10'000);
    f.view().set_editing(false);

    CHECK(shoot_modal([&] { gui::ask_theme_table_export(f.frame, wb); }, "export-dialog" + suffix) > 5'000);
    CHECK(shoot_modal([&] { gui::ask_file_export(f.frame, wb, exporters::Report::summary); }, "export-summary-dialog" + suffix) > 5'000);
    const auto menu = [&](int id) {
        return [&f, id] {
            wxCommandEvent e(wxEVT_MENU, id);
            f.frame->GetEventHandler()->ProcessEvent(e);
        };
    };
    CHECK(shoot_modal(menu(gui::kIdCoderView), "coders-dialog" + suffix) > 5'000);
    CHECK(shoot_modal(menu(gui::kIdRestoreBackup), "restore-dialog" + suffix) > 5'000);
    CHECK(shoot_modal(menu(gui::kIdOpenShared), "open-shared-dialog" + suffix) > 5'000);
    CHECK(shoot_modal(menu(gui::kIdShortcuts), "shortcuts" + suffix) > 20'000);
    CHECK(shoot_modal([&] { gui::show_preferences(f.frame, *f.settings); }, "preferences" + suffix) > 5'000);
    {
        // A colleague's copy with one more code and coding: File > Merge's report.
        const auto copy = f.builder.dir() / ("colleague" + suffix + ".comb");
        std::filesystem::copy_file(out / "mecc.comb", copy, std::filesystem::copy_options::overwrite_existing);
        const std::string code_cmd = "COMB_CODER='Sam (second coder)' " + test::shell_quote(COMB_CLI_PATH) + " code " +
                                     test::shell_quote(copy.string()) + " P01-commissioner 0 40 'Framing/Opening words' >/dev/null 2>&1";
        REQUIRE(std::system(code_cmd.c_str()) == 0);
        const auto report = f.frame->merge_project(copy);
        REQUIRE_FALSE(report.empty());
        pump(200);
        CHECK(shoot_modal([&] { f.frame->show_merge_report(report); }, "merge-report" + suffix) > 20'000);
        REQUIRE(wb.undo());
    }
    {
        gui::PseudonymiseDialog dialog(f.frame, wb.repo());
        CHECK(shoot_modal([&] { dialog.ShowModal(); }, "pseudonymise-dialog" + suffix) > 10'000);
    }

    // Opened read-only: the banner over the window.
    wb.set_read_only(true);
    REQUIRE(f.frame->open_project(out / "mecc.comb"));
    pump(300);
    CHECK_FALSE(f.frame->read_only_banner().empty());
    CHECK(shoot(*f.frame, "read-only" + suffix) > 50'000);
    wb.set_read_only(false);

    wb.create(f.builder.dir() / ("empty" + suffix + ".comb"));
    pump(300);
    CHECK(shoot(*f.frame, "start-page" + suffix) > 20'000);
    CHECK(f.errors.empty());
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the main views on the bundled example (examples/mecc/analyse.sh), written as
// PNGs to COMB_SCREENSHOT_DIR (the build's screenshots/ folder) so a person can look at them:
// the whole window, the transcript, the code tree and editor, the themes, a filtered search,
// the matrix with a cell's quotes, a code's coded segments and an empty project's start page,
// at 1400x900 and at 1280x720 (names ending -1280x720). `cmake --build build --target screenshots` runs just this test.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>

#include "gui/code_editor.h"
#include "gui/coded_segments_view.h"
#include "gui/document_tree.h"
#include "gui/matrix_view.h"
#include "gui/search_filters.h"
#include "gui/search_view.h"
#include "gui/theme_panel.h"
#include "gui_harness.h"
#include "support/run_cli.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

// Copies what the screen shows of `window` into a PNG; returns its size in bytes.
std::uintmax_t shoot(wxWindow& window, const std::string& name) {
    window.Update();
    pump(100);
    const wxRect r = window.GetScreenRect();
    wxBitmap bmp(r.GetSize());
    {
        wxScreenDC screen;
        wxMemoryDC mem(bmp);
        mem.Blit(0, 0, r.width, r.height, &screen, r.x, r.y);
    }
    const auto path = std::filesystem::path(COMB_SCREENSHOT_DIR) / (name + ".png");
    std::filesystem::create_directories(path.parent_path());
    REQUIRE(bmp.ConvertToImage().SaveFile(gui::to_wx(path.string()), wxBITMAP_TYPE_PNG));
    return std::filesystem::file_size(path);
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
    // Every view at the two sizes the issue names; the larger one's names carry no suffix.
    for (const wxSize size : {wxSize(1400, 900), wxSize(1280, 720)}) {
        const std::string suffix = size.x == 1400 ? "" : "-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        INFO("size " << size.x << "x" << size.y);
        f.frame->aui().GetPane("segments").Hide();
        f.frame->aui().Update();
        f.frame->SetSize(0, 0, size.x, size.y);
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

        wb.create(f.builder.dir() / ("empty" + suffix + ".comb"));
        pump(300);
        CHECK(shoot(*f.frame, "start-page" + suffix) > 20'000);
        CHECK(f.errors.empty());
    }
}
